"""The directory in a real browser: search with two filters, open a profile,
send a contact request, see the confirmation; axe-core finds no violation on
the listing, a profile, the contact form with errors and the registration form."""

import pytest

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
    assert "Essayez d'élargir" in page.content()
    axe_check(page)
