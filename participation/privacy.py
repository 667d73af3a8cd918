"""Retention and erasure of the calls' personal data.

- A partner's answers and alert subscriptions go with their profile: the
  directory's one scrubbing function, `directory.privacy.erase_profile`,
  sends `profile_erasing`, received here.
- `purge(now)` (command `participation_purge`, daily): unconfirmed calls,
  answers and subscriptions after 8 days; calls (with their answers) 24
  months after their deadline or closure.
Every email about what is erased is deleted with it (`core.privacy.erase_emails`).
"""

from datetime import timedelta

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from wagtail.search.backends import get_search_backends

from core.privacy import erase_emails
from directory.privacy import profile_erasing

from .models import Answer, Call, Subscription

UNCONFIRMED_DAYS = 8
RETENTION_DAYS = 730


def _email_ids(objects):
    ids = set()
    for obj in objects:
        ids.update(obj.outgoing_emails.values_list("pk", flat=True))
    return ids


def erase_answers(answers):
    answers = list(answers)
    email_ids = _email_ids(answers)
    Answer.objects.filter(pk__in=[a.pk for a in answers]).delete()
    erase_emails(email_ids)


def erase_subscriptions(subscriptions):
    subscriptions = list(subscriptions)
    email_ids = _email_ids(subscriptions)
    Subscription.objects.filter(pk__in=[s.pk for s in subscriptions]).delete()
    erase_emails(email_ids)


def erase_calls(calls):
    calls = list(calls)
    erase_answers(Answer.objects.filter(call__in=calls))
    email_ids = _email_ids(calls)
    for call in calls:
        for backend in get_search_backends():
            backend.delete(call)
    Call.objects.filter(pk__in=[c.pk for c in calls]).delete()
    erase_emails(email_ids)


@receiver(profile_erasing, dispatch_uid="participation.erase_profile")
def erase_for_profile(sender, profile, **kwargs):
    erase_answers(Answer.objects.filter(profile=profile))
    erase_subscriptions(Subscription.objects.filter(profile=profile))


def purge(now=None):
    """Returns (calls, answers, subscriptions) erased."""
    now = now or timezone.now()
    stale = now - timedelta(days=UNCONFIRMED_DAYS)
    old = now - timedelta(days=RETENTION_DAYS)
    with transaction.atomic():
        answers = list(Answer.objects.filter(status=Answer.Status.UNCONFIRMED, created_at__lt=stale))
        subscriptions = list(Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=stale))
        calls = list(
            Call.objects.filter(status__in=[Call.Status.UNCONFIRMED, Call.Status.SPAM], created_at__lt=stale)
            | Call.objects.filter(deadline__lt=old.date())
            | Call.objects.filter(closed_at__lt=old)
        )
        erase_answers(answers)
        erase_subscriptions(subscriptions)
        erase_calls(calls)
    return len(calls), len(answers), len(subscriptions)
