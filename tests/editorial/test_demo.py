"""The editorial demo: users per role only on demand, pages left in review."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Revision, TaskState, WorkflowState

from editorial import roles
from editorial.demo import DEMO_USERS

pytestmark = pytest.mark.django_db


def load():
    call_command("load_demo_content", stdout=open("/dev/null", "w"))


def snapshot():
    """What the editorial demo creates (other apps' demos are checked by tests/home)."""
    return (
        get_user_model().objects.count(),
        WorkflowState.objects.count(),
        TaskState.objects.count(),
        Revision.objects.filter(user__username__startswith="demo.").count(),
    )


def test_no_demo_users_without_debug_or_flag(monkeypatch, settings):
    settings.DEBUG = False
    monkeypatch.delenv("PORTAL_DEMO_USERS", raising=False)
    load()
    assert not get_user_model().objects.filter(username__startswith="demo.").exists()


def test_demo_users_and_pages_in_review_at_each_step(monkeypatch, client):
    monkeypatch.setenv("PORTAL_DEMO_USERS", "1")
    load()
    first = snapshot()
    load()
    assert snapshot() == first
    users = {u.username: u for u in get_user_model().objects.filter(username__startswith="demo.")}
    for username, _, _, group in DEMO_USERS:
        if group == roles.MODERATORS and username not in users:
            continue  # the directory's group is optional
        assert users[username].groups.filter(name=group).exists()
        assert users[username].email.endswith("@example.org")
        assert client.login(username=username, password="partenariat-demo")
    steps = sorted(
        WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).values_list(
            "current_task_state__task__name", flat=True
        )
    )
    assert steps == sorted([roles.PATIENT_STEP, roles.PROFESSIONAL_STEP])
