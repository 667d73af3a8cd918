"""The alert digests: new open calls matching each confirmed subscription.

`send_digests()` (command `participation_send_digests`, run by cron once a
day) reads the due subscriptions in batches of `batch_size`; for each batch
it stores every email at once (one INSERT), records which calls each
subscriber got (`DigestDelivery`, so a call is never sent twice), then queues
ONE task for the batch (`participation.tasks.send_email_batch`) that the
email worker runs. The number of queries per batch does not depend on its
size (tests/participation/test_digest.py). Nothing here runs in a web request.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core.links import absolute

from . import emails, links
from .models import Call, CallDepartment, DigestDelivery, Frequency, ParticipationPage, Subscription
from .models.pages import link_for_email

BATCH_SIZE = 200


def due_subscriptions(now):
    daily = Q(frequency=Frequency.DAILY, last_sent_at__lt=now - timedelta(hours=23))
    weekly = Q(frequency=Frequency.WEEKLY, last_sent_at__lt=now - timedelta(days=7) + timedelta(hours=1))
    return Subscription.objects.filter(confirmed_at__isnull=False).filter(Q(last_sent_at__isnull=True) | daily | weekly)


def open_calls(today=None):
    """The open calls with what matching needs (two queries)."""
    from django.db.models import Prefetch

    calls = list(
        Call.objects.open(today)
        .select_related("domain")
        .prefetch_related(Prefetch("departments", queryset=CallDepartment.objects.order_by("code")))
        .order_by("deadline", "pk")
    )
    return [(call, call.domain.slug if call.domain_id else "", call.department_codes) for call in calls]


def _batch(subscriptions, calls, page, now, listing_url, alerts_url):
    """Store and queue one batch; returns the number of emails queued."""
    from core.models.outbox import OutgoingEmail

    ids = [s.pk for s in subscriptions]
    delivered = set(DigestDelivery.objects.filter(subscription_id__in=ids).values_list("subscription_id", "call_id"))
    outgoing, picked = [], []
    for subscription in subscriptions:
        chosen = [
            call
            for call, domain, departments in calls
            if (subscription.pk, call.pk) not in delivered and subscription.matches(call, domain, departments)
        ]
        if not chosen:
            continue
        call_urls = [(call, link_for_email(page, "call_route", call.pk)) for call in chosen]
        token = links.make_token(links.UNSUBSCRIBE, subscription.pk, subscription.nonce)
        unsubscribe_url = absolute(reverse("participation_unsubscribe", args=[token]))
        outgoing.append(emails.digest_email(subscription, call_urls, unsubscribe_url, listing_url, alerts_url))
        picked.append((subscription, chosen))
    if not outgoing:
        return 0
    with transaction.atomic():
        created = OutgoingEmail.objects.bulk_create(outgoing)
        through = Subscription.outgoing_emails.through
        through.objects.bulk_create(
            [
                through(subscription_id=s.pk, outgoingemail_id=e.pk)
                for (s, _calls), e in zip(picked, created, strict=True)
            ]
        )
        DigestDelivery.objects.bulk_create(
            [DigestDelivery(subscription=s, call=call) for s, chosen in picked for call in chosen],
            ignore_conflicts=True,
        )
        Subscription.objects.filter(pk__in=[s.pk for s, _calls in picked]).update(last_sent_at=now)
        email_ids = [e.pk for e in created]
        transaction.on_commit(lambda: enqueue_batch(email_ids))
    return len(created)


def enqueue_batch(email_ids):
    """One task for the whole batch, run by the email worker."""
    from .tasks import send_email_batch

    send_email_batch.enqueue(email_ids)


def send_digests(now=None, batch_size=BATCH_SIZE):
    """Queue every due digest. Returns (emails queued, batches)."""
    now = now or timezone.now()
    calls = open_calls(timezone.localdate(now))
    if not calls:
        return 0, 0
    page = ParticipationPage.objects.live().first()
    listing_url = link_for_email(page, "index_route")
    alerts_url = link_for_email(page, "alerts_route")
    queued = batches = 0
    last_pk = 0
    due = due_subscriptions(now).order_by("pk")
    while True:
        subscriptions = list(due.filter(pk__gt=last_pk)[:batch_size])
        if not subscriptions:
            break
        last_pk = subscriptions[-1].pk
        queued += _batch(subscriptions, calls, page, now, listing_url, alerts_url)
        batches += 1
    return queued, batches
