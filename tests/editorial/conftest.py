"""People in each role, a page to review, and helpers that drive Wagtail's
real admin views (edit form, workflow actions) through the test client."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from editorial import roles
from editorial.factories import SuperuserFactory, UserFactory
from home.factories import StandardPageFactory
from home.models import StandardPage


def make_user(username, *group_names, **extra):
    return UserFactory(username=username, groups=group_names, **extra)


@pytest.fixture
def people(db):
    roles.ensure_roles()
    return {
        "editor": make_user("redactrice", roles.EDITORS, first_name="Rita", last_name="Rédactrice"),
        "patient": make_user("usager", roles.COPILOTS_PATIENTS, first_name="Ulysse", last_name="Usager"),
        "patient2": make_user("usagere2", roles.COPILOTS_PATIENTS),
        "pro": make_user("soignant", roles.COPILOTS_PROFESSIONALS, first_name="Paule", last_name="Pro"),
        "both": make_user("double", roles.COPILOTS_PATIENTS, roles.COPILOTS_PROFESSIONALS),
        "admin": make_user("administratrice", roles.ADMINS),
        "superuser": SuperuserFactory(username="racine"),
    }


@pytest.fixture
def review_page(home_page):
    page = StandardPageFactory(
        parent=home_page, title="Préparer une réunion en binôme", slug="reunion-binome", intro="Version publiée."
    )
    return StandardPage.objects.get(pk=page.pk)


def edit_data(page, **changes):
    """The edit form of a StandardPage as the browser posts it."""
    values = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "body": streamfield([]),
        "comments": inline_formset([]),
        "seo_title": page.seo_title,
        "search_description": page.search_description,
    }
    values.update(changes)
    return nested_form_data(values)


def outbox():
    """Emails queued through the portal's outbox, as (recipient, subject, body)."""
    from core.models import OutgoingEmail

    return [(e.to, e.subject, e.body) for e in OutgoingEmail.objects.order_by("pk")]


def clear_outbox():
    from core.models import OutgoingEmail

    OutgoingEmail.objects.all().delete()


def login(client, user):
    client.force_login(user)
    return client


def post_edit(client, page, action=None, **changes):
    data = edit_data(page, **changes)
    if action:
        data[action] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def submit(client, page, **changes):
    return post_edit(client, page, action="action-submit", **changes)


def workflow_action(client, page, action, comment=""):
    """The modal's POST of "Approve / Request changes" (the page's current task)."""
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})
