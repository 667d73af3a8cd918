"""The barometer and the matrix in a real browser: two people (two browser
contexts) join one session and answer; the session page overlays both
radars; axe-core finds no violation on the form (also in its error state),
the result, the session page and the matrix."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def tools_site(live_server, settings):
    """The barometer (four dimensions), the engagement matrix, and a team
    session answered by two roles at T0 and again at T1."""
    settings.BASE_URL = live_server.url  # the session's share link is absolute, from BASE_URL
    from tools.factories import (
        EngagementMatrixPageFactory,
        SelfAssessmentPageFactory,
        dimensions,
        two_round_session,
    )

    criteria = [c for d in dimensions() for c in d.criteria.all()]
    SelfAssessmentPageFactory()
    EngagementMatrixPageFactory()
    return live_server.url, two_round_session(criteria)


def fill_in(tab, role_label, value):
    """Answer every criterion, one step (dimension) at a time, as a person would."""
    tab.get_by_label(role_label, exact=True).check()
    steps = tab.locator("[data-step]")
    for i in range(steps.count()):
        step = steps.nth(i)
        expect(step).to_be_visible()
        for radio in step.locator(f"input[type=radio][name^=critere_][value='{value}']").all():
            radio.check()
        if i < steps.count() - 1:
            step.get_by_role("button", name="Étape suivante").click()
    tab.get_by_role("button", name="Valider mes réponses et voir le résultat").click()


def test_two_people_join_one_session_and_see_both_radars(page, browser, axe_check, tools_site):
    base, _session = tools_site
    page.goto(base + "/fiches-outils/barometre/")
    axe_check(page)
    page.get_by_label("Nom de l’équipe ou du projet").fill("Équipe fictive du test")
    page.get_by_role("button", name="Ouvrir une session d’équipe").click()
    page.wait_for_url("**/gerer/**")
    axe_check(page)
    session_url = page.locator("code.tools-code").inner_text().strip()
    assert re.search(r"/session/[\w-]{32,}/$", session_url)

    # Person A: professional. First an incomplete submission (error state).
    page.goto(session_url)
    page.get_by_role("link", name=re.compile("Remplir le baromètre dans cette session")).click()
    page.get_by_label("Professionnel ou professionnelle", exact=True).check()
    first_radio = page.locator("input[type=radio][name^=critere_][value='3']").first
    first_radio.check()
    page.get_by_role("button", name="Valider mes réponses et voir le résultat").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert page.locator("input[type=radio][name^=critere_][value='3']").first.is_checked()
    assert page.get_by_label("Professionnel ou professionnelle", exact=True).is_checked()
    axe_check(page)
    fill_in(page, "Professionnel ou professionnelle", "3")
    page.wait_for_url("**/resultat/")
    assert page.locator("svg.radar__svg polygon[points]").count() >= 1
    axe_check(page)

    # Person B, in another browser context: patient partner.
    other = browser.new_context(locale="fr-FR")
    tab = other.new_page()
    try:
        tab.goto(session_url)
        tab.get_by_role("link", name=re.compile("Remplir le baromètre dans cette session")).click()
        fill_in(tab, "Patient ou proche-aidant partenaire", "1")
        tab.wait_for_url("**/resultat/")
    finally:
        other.close()

    page.goto(session_url)
    series = page.locator("svg[data-radar='radar-roles'] .radar__series")
    assert series.count() == 3
    labels = [series.nth(i).get_attribute("data-series") for i in range(3)]
    assert labels == ["Professionnel ou professionnelle", "Patient ou proche-aidant partenaire", "Ensemble"]
    assert "2 réponses validées" in page.locator("main").inner_text()
    axe_check(page)


def test_a_two_round_session_and_the_matrix_have_no_axe_violation(page, axe_check, tools_site):
    base, session = tools_site
    page.goto(f"{base}/fiches-outils/barometre/session/{session.token}/")
    assert page.locator("svg[data-radar='radar-temps'] .radar__series").count() == 2
    axe_check(page)
    # Printed: the charts and tables stay, the buttons and forms go.
    page.emulate_media(media="print")
    assert page.locator("svg[data-radar='radar-roles']").is_visible()
    assert page.locator("table.tools-table").first.is_visible()
    assert not page.get_by_role("link", name=re.compile("Remplir le baromètre")).is_visible()
    page.emulate_media(media="screen")
    page.goto(base + "/fiches-outils/matrice-engagement/")
    assert page.locator(".matrix--table table").is_visible()
    axe_check(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert not page.locator(".matrix--table table").is_visible()
    assert page.locator(".matrix--list h2").first.is_visible()
    axe_check(page)
