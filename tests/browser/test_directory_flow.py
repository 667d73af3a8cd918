"""The directory in a real browser: search with two filters, open a profile,
send a contact request, see the confirmation; axe-core finds no violation on
the listing, a profile, the contact form with errors and the registration form.
A structure and a partner then go through the whole relay, following the links
of the emails written by the file email backend."""

import pytest

from tests.utils import plain

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def directory_site(live_server):
    """Eight partners: six in Haute-Garonne, two in Hérault; pair-aidants and
    patient trainers in turn."""
    from core.factories import domains
    from directory.factories import DirectoryPageFactory, PartnerProfileFactory
    from directory.roles import ensure_moderation_group

    domains()
    ensure_moderation_group()
    DirectoryPageFactory()
    for index in range(8):
        PartnerProfileFactory(
            department="31" if index < 6 else "34",
            roles=["pair-aidant"] if index % 2 else ["patient-formateur"],
        )
    return live_server.url


def test_search_open_profile_and_send_a_contact_request(page, axe_check, directory_site):
    page.goto(directory_site + "/annuaire/")
    axe_check(page)
    page.click(".facet a:has-text('Pair-aidant')")
    page.click("#facette-departement ~ ul a:has-text('Haute-Garonne')")
    assert "role=pair-aidant" in page.url and "departement=31" in page.url
    status = page.locator("#resultats-nombre").text_content()
    count = int(status.split()[0])
    assert count == page.locator("ul.cards > li").count() > 0
    page.locator("ul.cards .card__title a").first.click()
    assert "/annuaire/profil/" in page.url
    axe_check(page)
    page.click("a.button:has-text('Contacter')")
    with page.expect_navigation():
        page.click("form.form button[type=submit]")  # empty: errors
    assert page.locator(".error-summary").is_visible()
    assert "id_requester_name-erreur" in (page.get_attribute("#id_requester_name", "aria-describedby") or "")
    axe_check(page)
    page.fill("#id_requester_name", "Dominique Fictif")
    page.fill("#id_structure_name", "CPTS de démonstration")
    page.select_option("#id_structure_type", "cpts")
    page.fill("#id_requester_email", "coordination@cpts-demo.example.org")
    page.fill("#id_project", "Un programme d'éducation thérapeutique à co-construire.")
    page.fill("#id_expected_role", "Trois ateliers de travail.")
    page.fill("#id_dates", "Printemps 2027")
    page.check("#id_compensation_0")
    with page.expect_navigation():
        page.click("form.form button[type=submit]")
    assert page.locator("h1").text_content().strip() == "Demande envoyée"
    axe_check(page)

    from directory.models import ContactRequest

    assert ContactRequest.objects.get().status == ContactRequest.Status.SENT


def test_registration_and_manage_forms_have_no_axe_violation(page, axe_check, directory_site):
    page.goto(directory_site + "/annuaire/inscription/")
    axe_check(page)
    with page.expect_navigation():
        page.click("form.form button[type=submit]")
    assert page.locator(".error-summary").is_visible()
    axe_check(page)
    page.goto(directory_site + "/annuaire/gerer/")
    axe_check(page)
    page.goto(directory_site + "/annuaire/?q=zzzzzz")
    assert "Aucun profil ne correspond à cette recherche." in page.content()
    assert "Essayez d'élargir" in plain(page.content())
    axe_check(page)


def _emails(folder):
    """Every email the file backend wrote, in order: [(to, subject, body)]."""
    import email
    import email.policy

    messages = []
    for path in sorted(folder.glob("*.log"), key=lambda p: p.stat().st_mtime_ns):
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                message = email.message_from_bytes(chunk, policy=email.policy.default)
                messages.append((message["To"], message["Subject"], message.get_content()))
    return messages


def _sent(folder):
    """Send whatever the outbox still holds (a worker may do it in
    production), then read the folder."""
    from django.core.management import call_command

    call_command("send_queued_emails", stdout=open("/dev/null", "w"))
    return _emails(folder)


def _link(body, fragment):
    import re

    return re.search(rf"(https?://\S+{fragment}\S*)", body).group(1)


def test_a_structure_and_a_partner_go_through_the_whole_relay(
    browser, page, axe_check, directory_site, settings, tmp_path
):
    """Search → request → receipt → accept → both sides have each other's
    details, following the links read from the emails (file email backend)."""
    from directory.factories import PartnerProfileFactory
    from directory.models import ContactRequest

    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    settings.BASE_URL = directory_site
    partner = PartnerProfileFactory(
        display_name="Zéphyrine Z.",
        email="zephyrine.z@example.org",
        phone="06 10 20 30 40",
        department="34",
        presentation="Vingt ans de vie avec une maladie rare.",
    )
    structure_email = "coordination@cpts-relais.example.org"

    # The structure searches, opens the profile and sends a request.
    page.goto(directory_site + "/annuaire/")
    page.fill("#listing-q", "Zéphyrine")
    with page.expect_navigation():
        page.click("form.search-form button[type=submit]")
    assert page.input_value("#site-search-q") == ""  # the header's box is not the directory's
    page.click("ul.cards .card__title a:has-text('Zéphyrine Z.')")
    assert f"/annuaire/profil/{partner.pk}/" in page.url
    crumbs = page.locator("nav.breadcrumb li").all_inner_texts()
    assert [c.strip() for c in crumbs] == ["Accueil", "Annuaire des patients partenaires", "Zéphyrine Z."]
    page.click("a.button:has-text('Contacter Zéphyrine Z.')")
    page.fill("#id_requester_name", "Dominique Fictif")
    page.fill("#id_structure_name", "CPTS du Relais")
    page.select_option("#id_structure_type", "cpts")
    page.fill("#id_requester_email", structure_email)
    page.fill("#id_requester_phone", "05 67 00 11 22")
    page.fill("#id_project", "Un atelier d'éducation thérapeutique sur les maladies rares.")
    page.fill("#id_expected_role", "Co-animer deux ateliers.")
    page.fill("#id_dates", "Mai et juin 2027")
    page.check("#id_compensation_0")
    with page.expect_navigation():
        page.click("form.form button[type=submit]")
    assert page.locator("h1").inner_text().strip() == "Demande envoyée"
    axe_check(page)
    # "Retour à l'annuaire" leads back to the same search.
    page.click("main a:has-text('Retour à l’annuaire')")
    assert page.input_value("#listing-q") == "Zéphyrine"
    assert page.locator("ul.cards > li").count() == 1

    # The partner is asked; the structure has its receipt, without the partner's address.
    emails = _sent(tmp_path)
    (request_email,) = [body for to, _s, body in emails if to == "zephyrine.z@example.org"]
    (receipt,) = [(subject, body) for to, subject, body in emails if to == structure_email]
    assert receipt[0] == "Votre demande de contact à Zéphyrine Z."
    assert "Un atelier d'éducation thérapeutique" in plain(receipt[1]) and "21 jours" in plain(receipt[1])
    assert "zephyrine.z@example.org" not in receipt[1] and "06 10 20 30 40" not in receipt[1]

    # The partner follows the link from the email, in another browser.
    accept_url = _link(request_email, "/annuaire/reponse/accepter/")
    assert accept_url.startswith(directory_site)
    partner_context = browser.new_context(locale="fr-FR")
    partner_tab = partner_context.new_page()
    partner_tab.set_default_timeout(10_000)
    partner_tab.third_party_requests = []
    partner_tab.goto(accept_url)
    axe_check(partner_tab)
    confirmation = plain(partner_tab.locator("main").inner_text())
    assert "CPTS du Relais" in confirmation and "Mai et juin 2027" in confirmation
    assert "Un atelier d'éducation thérapeutique sur les maladies rares." in confirmation
    with partner_tab.expect_navigation():
        partner_tab.click("main form button[type=submit]")
    assert partner_tab.locator("h1").inner_text().strip() == "Réponse enregistrée"
    partner_context.close()
    assert ContactRequest.objects.get().status == ContactRequest.Status.ACCEPTED

    # Both sides now have each other's details.
    emails = _sent(tmp_path)
    to_structure = [body for to, _s, body in emails if to == structure_email][-1]
    to_partner = [body for to, _s, body in emails if to == "zephyrine.z@example.org"][-1]
    assert "zephyrine.z@example.org" in to_structure and "06 10 20 30 40" in to_structure
    assert structure_email in to_partner and "05 67 00 11 22" in to_partner and "CPTS du Relais" in to_partner
    assert len(emails) == 4
