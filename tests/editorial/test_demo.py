"""The editorial demo: users per role only on demand, pages left in review.

It runs editorial.demo alone on a small tree (the whole demo, without the
flag, is loaded twice by tests/core/test_demo.py)."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from wagtail.models import Revision, TaskState, WorkflowState

from editorial import demo, roles
from home.models import StandardPage

# The demo loads on PostgreSQL in tests/core/test_demo.py and tests/search/test_demo.py; this app's
# checks of it run in the SQLite pass only (CI time).
pytestmark = [pytest.mark.django_db, pytest.mark.sqlite_only]


class Command:
    def __init__(self):
        self.stdout = io.StringIO()


@pytest.fixture
def small_tree(home_page):
    for slug in ("a-propos", "charte"):
        page = StandardPage(title=slug.title(), slug=slug, intro="Texte publié.")
        home_page.add_child(instance=page)
        page.save_revision().publish()
    return home_page


def snapshot():
    return (
        get_user_model().objects.count(),
        WorkflowState.objects.count(),
        TaskState.objects.count(),
        Revision.objects.count(),
    )


def test_no_demo_users_without_debug_or_flag(monkeypatch, settings, small_tree):
    settings.DEBUG = False
    monkeypatch.delenv("PORTAL_DEMO_USERS", raising=False)
    command = Command()
    demo.load(command)
    assert not get_user_model().objects.filter(username__startswith="demo.").exists()
    assert not WorkflowState.objects.exists()
    assert "non créés" in command.stdout.getvalue()


def test_demo_users_and_pages_in_review_at_each_step(monkeypatch, client, small_tree):
    monkeypatch.setenv("PORTAL_DEMO_USERS", "1")
    command = Command()
    demo.load(command)
    first = snapshot()
    demo.load(Command())
    assert snapshot() == first
    printed = command.stdout.getvalue()
    users = {u.username: u for u in get_user_model().objects.filter(username__startswith="demo.")}
    for username, _, _, group in demo.DEMO_USERS:
        if group == roles.MODERATORS and username not in users:
            continue  # the directory's group is optional
        assert username in printed
        assert users[username].groups.filter(name=group).exists()
        assert users[username].email.endswith("@example.org")
        # django-axes' backend needs the request (settings: AUTHENTICATION_BACKENDS).
        login_request = RequestFactory().post("/admin/login/")
        assert client.login(request=login_request, username=username, password=demo.DEFAULT_PASSWORD)
    steps = sorted(
        WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).values_list(
            "current_task_state__task__name", flat=True
        )
    )
    assert steps == sorted([roles.PATIENT_STEP, roles.PROFESSIONAL_STEP])
    # The live pages are untouched: the proposals wait in draft revisions.
    assert set(StandardPage.objects.values_list("intro", flat=True)) == {"Texte publié."}
