"""The whole cross review in the real Wagtail admin, in Chromium: an editor
edits a tool sheet and submits it, the patient co-pilot approves, the
professional co-pilot approves, and the public page shows the new text."""

import pytest

from editorial import roles
from editorial.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

NEW_TEXT = "Texte revu par le binôme de co-pilotage : une fiche plus courte et plus concrète."


def make_user(username, group):
    return UserFactory(username=username, first_name=username.title(), groups=[group])


@pytest.fixture
def sheet(live_server):
    """A live tool sheet with audiences and themes. The roles get their
    rights and the workflow on the page tree once it exists (a transactional
    test starts from an empty database)."""
    from resources.factories import ToolSheetPageFactory

    sheet = ToolSheetPageFactory(
        title="Constituer un binôme de co-pilotage",
        summary="Un patient et un professionnel pilotent ensemble le projet.",
        audiences=["patients", "professionnels"],
        tags=["gouvernance"],
        engagement_scale="meso",
    )
    roles.ensure_roles()
    return sheet


def sign_in(browser, base_url, username):
    context = browser.new_context(locale="fr-FR")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.goto(base_url + "/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", PASSWORD)
    tab.locator("form button[type=submit]").first.click()
    tab.wait_for_url(base_url + "/admin/")
    return context, tab


def open_actions_menu(tab):
    """The footer's "more actions" toggle, as a user clicks it."""
    tab.locator("footer [data-w-dropdown-target='toggle']").first.click()


def approve(browser, base_url, username, page_title):
    context, tab = sign_in(browser, base_url, username)
    # The dashboard's "À relire par moi" panel links to the page.
    section = tab.locator("section", has_text="À relire par moi")
    section.get_by_role("link", name=page_title).click()
    open_actions_menu(tab)
    with tab.expect_navigation():
        tab.locator("button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])").click()
    context.close()


def test_cross_review_walkthrough(browser, live_server, sheet, page, axe_check):
    base = live_server.url
    make_user("redactrice", roles.EDITORS)
    make_user("usager", roles.COPILOTS_PATIENTS)
    make_user("soignante", roles.COPILOTS_PROFESSIONALS)

    # The editor edits and submits.
    context, tab = sign_in(browser, base, "redactrice")
    tab.goto(f"{base}/admin/pages/{sheet.pk}/edit/")
    tab.fill("#id_summary", NEW_TEXT)
    open_actions_menu(tab)
    with tab.expect_navigation():
        tab.locator("button[name='action-submit']").click()
    context.close()
    sheet.refresh_from_db()
    assert sheet.current_workflow_task.name == roles.PATIENT_STEP
    assert NEW_TEXT not in page.goto(base + sheet.url).text()

    approve(browser, base, "usager", sheet.title)
    sheet.refresh_from_db()
    assert sheet.current_workflow_task.name == roles.PROFESSIONAL_STEP
    assert NEW_TEXT not in page.goto(base + sheet.url).text()

    approve(browser, base, "soignante", sheet.title)
    sheet.refresh_from_db()
    assert sheet.current_workflow_task is None
    page.goto(base + sheet.url)
    assert NEW_TEXT in page.content()
    axe_check(page)
