"""Calls for participation in a real browser: a structure posts a call, a
moderator publishes it in the admin, a partner answers, the structure
accepts, and both get each other's details (emails read from Django's
mail.outbox: the live server runs in this process). axe-core finds no
violation on the listing, a call, and each form in its error state."""

import re
from datetime import date, timedelta

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

STRUCTURE = "coordination@cpts-garrigue.example.org"
PARTNER = "zelie.z@example.org"


@pytest.fixture
def participation_site(live_server, settings):
    from core.factories import domains
    from directory.factories import DirectoryPageFactory, PartnerProfileFactory
    from directory.roles import ensure_moderation_group
    from editorial.factories import UserFactory
    from participation.factories import CallFactory, ParticipationPageFactory

    settings.BASE_URL = live_server.url
    domains()
    DirectoryPageFactory()
    ParticipationPageFactory()
    UserFactory(username="moderatrice", groups=[ensure_moderation_group().name])
    PartnerProfileFactory(display_name="Zélie Z.", email=PARTNER, phone="06 10 20 30 40")
    CallFactory(title="Un appel déjà ouvert (fictif)")
    return live_server.url


def _link(fragment):
    from django.core import mail

    for message in reversed(mail.outbox):
        found = re.search(rf"(https?://\S*{fragment}\S*)", message.body)
        if found:
            return found.group(1)
    raise AssertionError(f"no email with a link containing {fragment}")


def _submit(tab, selector="main form.form button[type=submit]"):
    with tab.expect_navigation():
        tab.click(selector)


def test_post_publish_answer_accept_and_exchange_details(browser, page, axe_check, participation_site):
    from django.core import mail

    from editorial.factories import PASSWORD
    from participation.models import Answer, Call

    base = participation_site + "/appels-a-participation/"
    page.goto(base)
    axe_check(page)

    # The structure posts a call; the empty form first shows its errors.
    page.click("a.button:has-text('Déposer un appel')")
    _submit(page)
    assert page.locator(".error-summary").is_visible()
    axe_check(page)
    page.fill("#id_structure_name", "CPTS de la Garrigue (fictive)")
    page.select_option("#id_structure_type", "cpts")
    page.fill("#id_contact_name", "Dominique Fictif")
    page.fill("#id_contact_email", STRUCTURE)
    page.fill("#id_contact_phone", "05 67 00 11 22")
    page.fill("#id_title", "Co-construire un parcours insuffisance cardiaque")
    page.fill("#id_project", "Notre CPTS dessine un parcours de soins avec les personnes concernées.")
    page.select_option("#id_role", "patient-ressource")
    page.check("#id_remote")
    page.fill("#id_dates", "Printemps 2027")
    page.fill("#id_time_commitment", "Trois réunions")
    page.check("#id_compensation_0")
    page.fill("#id_benefits", "Un parcours pensé avec vous.")
    page.fill("#id_deadline", (date.today() + timedelta(days=20)).isoformat())
    page.check("#id_consent")
    _submit(page)
    assert page.locator("h1").inner_text().strip() == "Vérifiez votre boîte aux lettres"
    page.goto(_link("/proposer/confirmer/"))
    _submit(page, "main form button[type=submit]")
    call = Call.objects.get(title__startswith="Co-construire")
    assert call.status == Call.Status.SUBMITTED

    # A moderator publishes it in the admin.
    context = browser.new_context(locale="fr-FR")
    admin = context.new_page()
    admin.set_default_timeout(15_000)
    admin.goto(participation_site + "/admin/login/")
    admin.fill("#id_username", "moderatrice")
    admin.fill("#id_password", PASSWORD)
    admin.locator("form button[type=submit]").first.click()
    admin.wait_for_url(participation_site + "/admin/")
    admin.goto(participation_site + f"/admin/participation/call/inspect/{call.pk}/")
    with admin.expect_navigation():
        admin.click("button:has-text('Publier l')")
    context.close()
    call.refresh_from_db()
    assert call.status == Call.Status.PUBLISHED

    # A partner finds it and answers, with the address of their profile.
    page.goto(base)
    page.click("ul.cards .card__title a:has-text('Co-construire')")
    axe_check(page)
    page.click("a.button:has-text('Répondre à cet appel')")
    _submit(page)
    assert page.locator(".error-summary").is_visible()
    axe_check(page)
    page.check("#id_mode_0")
    page.fill("#id_email", PARTNER)
    page.fill("#id_message", "Je vis avec une insuffisance cardiaque depuis huit ans.")
    page.check("#id_consent")
    _submit(page)
    page.goto(_link("/reponse/confirmer/"))
    _submit(page, "main form button[type=submit]")
    assert Answer.objects.get().status == Answer.Status.FORWARDED
    assert PARTNER not in mail.outbox[-1].body  # the structure has the message, not the address

    # The structure accepts; both sides get each other's details.
    page.goto(_link("/reponse/accepter/"))
    axe_check(page)
    _submit(page, "main form button[type=submit]")
    assert Answer.objects.get().status == Answer.Status.ACCEPTED
    to_structure = [m.body for m in mail.outbox if m.to == [STRUCTURE]][-1]
    to_partner = [m.body for m in mail.outbox if m.to == [PARTNER]][-1]
    assert PARTNER in to_structure and "06 10 20 30 40" in to_structure
    assert STRUCTURE in to_partner and "05 67 00 11 22" in to_partner

    # The structure's manage page lists the answer; its edit form, in its error state, stays accessible.
    page.goto(_link("/gerer/"))
    axe_check(page)
    page.fill("#id_title", "")
    _submit(page)
    assert page.locator(".error-summary").is_visible()
    axe_check(page)


def test_alerts_form_in_its_error_state_and_the_unsubscribe_page(page, axe_check, participation_site):
    base = participation_site + "/appels-a-participation/"
    page.goto(base + "alertes/")
    axe_check(page)
    _submit(page)
    assert page.locator(".error-summary").is_visible()
    axe_check(page)
    page.goto(base + "?q=zzzzzz")
    assert "Aucun appel ouvert ne correspond" in page.content()
    axe_check(page)
