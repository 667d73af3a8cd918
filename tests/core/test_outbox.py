"""Outgoing email: stored first, sent by the email worker (never by the web
request), retried with backoff while SMTP is down, sent exactly once when it
comes back, flagged after too many failures."""

import socket
import time
from contextlib import contextmanager
from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.factories import domains
from core.models.outbox import OutgoingEmail, queue_email, send_due_emails
from directory.factories import DirectoryPageFactory, PartnerProfileFactory
from tests.directory.conftest import contact_data


class SMTPDown(Exception):
    pass


def smtp_down():
    """Make the real locmem backend fail as an unreachable SMTP server would."""
    return mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=SMTPDown("refused"))


@pytest.mark.django_db
def test_email_is_stored_before_sending_and_survives_an_smtp_failure(django_capture_on_commit_callbacks):
    with smtp_down(), django_capture_on_commit_callbacks(execute=True):
        email = queue_email(to="a@example.org", subject="Sujet", body="Corps", purpose="test")
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.PENDING
    assert email.attempts == 1
    assert "SMTPDown" in email.last_error
    assert email.next_attempt_at > timezone.now()
    assert mail.outbox == []


@pytest.mark.django_db
def test_retry_waits_for_the_backoff_then_sends_exactly_once(django_capture_on_commit_callbacks):
    with smtp_down(), django_capture_on_commit_callbacks(execute=True):
        email = queue_email(to="a@example.org", subject="Sujet", body="Corps", purpose="test")
    # Not due yet: nothing happens.
    assert send_due_emails() == (0, 0)
    later = timezone.now() + timedelta(hours=1)
    with smtp_down():
        assert send_due_emails(now=later) == (0, 1)
    email.refresh_from_db()
    assert email.attempts == 2
    # SMTP is back: sent once, and never again.
    OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    call_command("send_queued_emails", stdout=open("/dev/null", "w"))
    call_command("send_queued_emails", stdout=open("/dev/null", "w"))
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_backoff_doubles_and_is_capped():
    email = OutgoingEmail(attempts=1)
    assert email.backoff() == timedelta(minutes=1)
    email.attempts = 4
    assert email.backoff() == timedelta(minutes=8)
    email.attempts = 30
    assert email.backoff() == timedelta(hours=6)


@pytest.mark.django_db
@override_settings(PORTAL_EMAIL_MAX_ATTEMPTS=2)
def test_email_is_flagged_after_too_many_failures(django_capture_on_commit_callbacks):
    with smtp_down(), django_capture_on_commit_callbacks(execute=True):
        email = queue_email(to="a@example.org", subject="Sujet", body="Corps", purpose="test")
    OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    with smtp_down():
        send_due_emails()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED
    assert send_due_emails(now=timezone.now() + timedelta(days=1)) == (0, 0)


@pytest.mark.django_db
def test_a_second_worker_cannot_send_a_claimed_email():
    email = OutgoingEmail.objects.create(to="a@example.org", subject="S", body="B", purpose="test")
    copy = OutgoingEmail.objects.get(pk=email.pk)
    assert email.try_send() is True
    assert copy.try_send() is False
    assert len(mail.outbox) == 1


# --- The request never waits for SMTP; the worker sends -------------------------
SHIPPED_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "email": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


@contextmanager
def silent_smtp_server():
    """A loopback TCP listener whose kernel accepts connections and which
    never says a word (no SMTP greeting): what a hung relay looks like."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield listener.getsockname()[1]


def smtp_settings(port):
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_TIMEOUT=5,
        TASKS=SHIPPED_TASKS,
    )


def run_email_worker():
    """The real worker, until the queue is empty. Its between-tasks
    `close_old_connections` would close the test's connection (a test runs in
    a transaction, which Django takes for a broken connection on PostgreSQL),
    so that one call is neutralised; everything else runs as in production."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--backend", "email", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_shipped_tasks_keep_wagtails_backend_immediate_and_give_email_the_database_one():
    from portal.settings import base

    assert base.TASKS["default"]["BACKEND"] == "django_tasks.backends.immediate.ImmediateBackend"
    assert base.TASKS["email"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert "django_tasks_db" in base.INSTALLED_APPS


@pytest.mark.django_db
def test_a_contact_request_never_waits_for_a_silent_smtp_server(client, home_page, django_capture_on_commit_callbacks):
    domains()
    DirectoryPageFactory(parent=home_page)
    partner = PartnerProfileFactory(email="relais.silence@example.org")
    url = f"/annuaire/profil/{partner.pk}/contact/"
    data = contact_data(client, url)
    with silent_smtp_server() as port, smtp_settings(port):
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        elapsed = time.monotonic() - started
        assert response.status_code == 200
        assert elapsed < 2, f"the request took {elapsed:.1f} s"
        # The email to the partner and the receipt to the structure, both queued.
        email = OutgoingEmail.objects.get(purpose="directory-contact")
        assert (email.status, email.attempts) == (OutgoingEmail.Status.PENDING, 0)
        tasks = list(DBTaskResult.objects.all())
        assert {task.backend_name for task in tasks} == {"email"}
        queued = sorted(task.args_kwargs["args"][0] for task in tasks)
        assert queued == sorted(OutgoingEmail.objects.values_list("pk", flat=True))
        assert all(task.args_kwargs["kwargs"] == {} for task in tasks)
        assert "relais.silence" not in str([task.args_kwargs for task in tasks])  # only the rows' ids are queued
        # The worker meets the silent server: the attempt is counted, kept for later.
        run_email_worker()
        email.refresh_from_db()
        assert (email.status, email.attempts) == (OutgoingEmail.Status.PENDING, 1)
        assert "timed out" in email.last_error
    assert mail.outbox == []


@pytest.mark.django_db
@override_settings(TASKS=SHIPPED_TASKS)
def test_the_worker_sends_what_the_request_queued(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email(to="a@example.org", subject="Sujet", body="Corps", purpose="test")
    assert mail.outbox == []
    run_email_worker()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT and [m.to for m in mail.outbox] == [["a@example.org"]]
    # The cron's pass afterwards sends nothing twice.
    call_command("send_queued_emails", stdout=StringIO())
    assert len(mail.outbox) == 1


@pytest.mark.django_db
@override_settings(TASKS=SHIPPED_TASKS)
def test_a_task_for_a_deleted_email_does_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_email(to="a@example.org", subject="Sujet", body="Corps", purpose="test").delete()
    run_email_worker()
    assert mail.outbox == []
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.django_db
def test_send_queued_emails_says_what_is_pending_and_when(settings):
    now = timezone.now()
    due = OutgoingEmail.objects.create(to="x@example.org", subject="S", body="B", purpose="directory-contact")
    later = OutgoingEmail.objects.create(
        to="secret@example.org",
        subject="S",
        body="B",
        purpose="directory-confirm",
        attempts=3,
        next_attempt_at=now + timedelta(hours=2),
        last_error="SMTPServerDisconnected: down",
    )
    OutgoingEmail.objects.create(to="y@example.org", subject="S", body="B", purpose="test", status="failed")
    with smtp_down():
        out = StringIO()
        call_command("send_queued_emails", stdout=out)
    text = out.getvalue()
    local = timezone.localtime(later.next_attempt_at)
    assert "0 courriel(s) envoyé(s), 1 en échec" in text
    assert "2 courriel(s) en attente\u202f; prochaine tentative le " in text
    due.refresh_from_db()
    assert f"n° {due.pk} (directory-contact), 1 tentative(s), prochaine le " in text
    assert f"n° {later.pk} (directory-confirm), 3 tentative(s), prochaine le " in text
    assert f"à {local:%H:%M} — dernière erreur\u202f: SMTPServerDisconnected: down" in text
    assert "1 courriel(s) en échec définitif" in text
    assert "secret@example.org" not in text  # no address in a cron log

    OutgoingEmail.objects.all().delete()
    out = StringIO()
    call_command("send_queued_emails", stdout=out)
    assert "Aucun courriel en attente." in out.getvalue()


# --- Message-ID and lease ------------------------------------------------------------


@pytest.mark.django_db
def test_every_attempt_carries_the_same_message_id(settings):
    settings.BASE_URL = "https://partenariat.example.org"
    email = queue_email(to="a@example.org", subject="Sujet", body="Corps", purpose="test", send_now=False)
    with smtp_down():
        assert send_due_emails() == (0, 1)
    OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    assert send_due_emails() == (1, 0)
    assert mail.outbox[0].extra_headers["Message-ID"] == f"<outbox-{email.pk}@partenariat.example.org>"
    assert mail.outbox[0].message()["Message-ID"] == f"<outbox-{email.pk}@partenariat.example.org>"


@pytest.mark.django_db
def test_a_killed_workers_claim_expires_with_its_lease(settings):
    """A worker claims the row then dies before SMTP answers: the row stays
    pending, nobody sends it while the lease runs, the sweeper sends it once
    the lease has expired."""
    settings.PORTAL_EMAIL_LEASE_SECONDS = 120
    email = queue_email(to="a@example.org", subject="Sujet", body="Corps", purpose="test", send_now=False)
    now = timezone.now()
    assert email.claim(now)  # ...and the worker is killed here
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.PENDING and email.attempts == 1
    assert email.next_attempt_at == now + timedelta(seconds=120)
    assert send_due_emails(now=now + timedelta(seconds=60)) == (0, 0)
    assert mail.outbox == []
    assert send_due_emails(now=now + timedelta(seconds=121)) == (1, 0)
    assert len(mail.outbox) == 1
    assert send_due_emails(now=now + timedelta(hours=1)) == (0, 0)
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_claimed_row_cannot_be_claimed_twice():
    email = queue_email(to="a@example.org", subject="Sujet", body="Corps", purpose="test", send_now=False)
    now = timezone.now()
    assert email.claim(now) is True
    assert email.claim(now) is False
    assert OutgoingEmail.objects.get(pk=email.pk).attempts == 1
