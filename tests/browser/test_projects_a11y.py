"""The projects showcase in a real browser: axe-core finds no WCAG 2.1 A/AA
violation on the list with filters, a project, a domain landing page, the
map and the proposal form (empty and with errors); no third-party request."""

import pytest
from django.core.management import call_command

from projects import demo as projects_demo

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def showcase(live_server):
    """Home skeleton + the projects demo only (faster than the whole demo)."""
    from home import demo as home_demo

    home_demo.load(None)
    projects_demo.load(None)
    call_command("createcachetable", verbosity=0)
    return live_server.url


PAGES = [
    "/projets/?domaine=soins&statut=en-cours&q=patients",
    "/projets/consultation-anesthesie/",
    "/projets/domaine/gouvernance/",
    "/projets/carte/",
]


def test_showcase_pages_have_no_axe_violation_and_the_map_works_with_the_keyboard(page, axe_check, showcase):
    """One data set for several pages: loading the demo is the slow part."""
    for path in PAGES:
        page.goto(showcase + path)
        axe_check(page)
    # The map: each department is a link whose accessible name gives its count.
    link = page.locator('svg a[aria-label^="Haute-Garonne (31)"]')
    count = int(link.get_attribute("aria-label").split(": ")[1].split()[0])
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "departement=31" in page.url
    assert f"{count} projet" in page.inner_text("#resultats-titre")


def test_proposal_form_errors_are_accessible_and_keep_input(page, axe_check, showcase):
    page.goto(showcase + "/projets/proposer/")
    axe_check(page)
    page.fill("#id_title", "Un projet écrit au clavier")
    page.fill("#id_submitter_email", "pas-une-adresse")
    page.click("form.form button[type=submit]")
    assert page.locator(".error-summary").is_visible()
    assert page.input_value("#id_title") == "Un projet écrit au clavier"
    described = page.get_attribute("#id_submitter_email", "aria-describedby") or ""
    assert "id_submitter_email-erreur" in described
    axe_check(page)
    # At 320 px wide, nothing scrolls horizontally.
    context = page.context.browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    for path in ("/projets/", "/projets/carte/", "/projets/consultation-anesthesie/"):
        tab.goto(showcase + path)
        assert tab.evaluate("document.documentElement.scrollWidth") <= 320, path
    context.close()
