"""Calls for projects in a real browser: axe-core finds no WCAG 2.1 A/AA
violation on the calls index, an open call with its form in error state, a
closed call, and a project page with its accompaniment path, at 1280 and
390 px; no third-party request."""

import datetime

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def calls(live_server):
    from django.utils import timezone

    from accompaniment.factories import (
        ApplicationFactory,
        CallForProjectsIndexPageFactory,
        CallForProjectsPageFactory,
    )
    from core.factories import domains
    from projects.factories import ProjectIndexPageFactory, ProjectPageFactory
    from projects.models import ProjectAccompanimentStep

    by_slug = domains()
    index = CallForProjectsIndexPageFactory()
    today = timezone.localdate()
    CallForProjectsPageFactory(parent=index, title="Appel ouvert (fictif)", slug="appel-ouvert")
    closed = CallForProjectsPageFactory(
        parent=index,
        title="Appel clos (fictif)",
        slug="appel-clos",
        opens_on=today - datetime.timedelta(days=400),
        closes_on=today - datetime.timedelta(days=300),
    )
    for status in ["retenue", "non-retenue", "irrecevable", "recevable"]:
        ApplicationFactory(call=closed, status=status, domain=by_slug["soins"])
    project = ProjectPageFactory(parent=ProjectIndexPageFactory(), slug="projet-suivi", domain=by_slug["soins"])
    project.call = closed
    project.accompaniment_steps = [
        ProjectAccompanimentStep(step="diagnostic", status="faite", date=today, note="Diagnostic partagé."),
        ProjectAccompanimentStep(step="strategie", status="en-cours", date=today),
        ProjectAccompanimentStep(step="plan-actions", status="prevue"),
    ]
    project.save_revision().publish()
    return live_server.url


def test_calls_pages_have_no_axe_violation(page, axe_check, calls):
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for path in ("/appels-a-projets/", "/appels-a-projets/appel-clos/", "/projets/projet-suivi/"):
            page.goto(calls + path)
            axe_check(page)
        page.goto(calls + "/appels-a-projets/appel-ouvert/")
        axe_check(page)
        page.fill("#id_project_title", "Un projet écrit au clavier")
        page.fill("#id_contact_email", "pas-une-adresse")
        page.click("form.form button[type=submit]")
        assert page.locator(".error-summary").is_visible()
        assert page.input_value("#id_project_title") == "Un projet écrit au clavier"
        assert "id_contact_email-erreur" in (page.get_attribute("#id_contact_email", "aria-describedby") or "")
        axe_check(page)
    assert "faite" in page.goto(calls + "/projets/projet-suivi/").text().lower()
