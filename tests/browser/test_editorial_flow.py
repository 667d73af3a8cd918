"""The whole cross review in the real Wagtail admin, in Chromium: an editor
edits a tool sheet and submits it, the patient co-pilot approves, the
professional co-pilot approves, and the public page shows the new text."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial import roles

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "mot-de-passe-de-test"
NEW_TEXT = "Texte revu par le binôme de co-pilotage : une fiche plus courte et plus concrète."


def make_user(username, group):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def target_page():
    """A live tool sheet (a standard page until the resources app has one)."""
    try:
        model = apps.get_model("resources", "ToolSheetPage")
        page = model.objects.live().order_by("path").first()
    except LookupError:
        page = None
    if page is None:
        return apps.get_model("home", "StandardPage").objects.live().order_by("path").last()
    # The demo creates the sheet's audiences (an InlinePanel of orderables)
    # without sort_order; the admin form then numbers them, so the first
    # reviewer's approval would save a "changed" revision and, by design
    # (re-approval on edit), restart the review. Number them as the admin does.
    audiences = list(page.audiences.all())
    if any(a.sort_order is None for a in audiences):
        for index, audience in enumerate(audiences):
            type(audience).objects.filter(pk=audience.pk).update(sort_order=index)
        page = type(page).objects.get(pk=page.pk)
        page.save_revision().publish()
    return page


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


def test_cross_review_walkthrough(browser, live_server, demo_site, page, axe_check):
    base = live_server.url
    make_user("redactrice", roles.EDITORS)
    make_user("usager", roles.COPILOTS_PATIENTS)
    make_user("soignante", roles.COPILOTS_PROFESSIONALS)
    sheet = target_page()
    field = "summary" if hasattr(sheet, "summary") else "intro"

    # The editor edits and submits.
    context, tab = sign_in(browser, base, "redactrice")
    tab.goto(f"{base}/admin/pages/{sheet.pk}/edit/")
    tab.fill(f"#id_{field}", NEW_TEXT)
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
