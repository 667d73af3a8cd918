"""Outgoing email: stored first, retried with backoff while SMTP is down,
sent exactly once when it comes back, flagged after too many failures."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from core.models.outbox import OutgoingEmail, queue_email, send_due_emails


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
