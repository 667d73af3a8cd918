"""Querysets for the editorial dashboard panels."""

from datetime import timedelta

from django.utils import timezone

from .models import ContactRequest, PartnerProfile


def pending_registrations():
    """Profiles awaiting moderation whose email address is confirmed."""
    return PartnerProfile.objects.filter(
        status=PartnerProfile.Status.PENDING, email_confirmed_at__isnull=False
    ).order_by("email_confirmed_at")


def stale_contact_requests(days=7):
    """Requests sent to a partner and unanswered for more than `days` days."""
    return ContactRequest.objects.filter(
        status=ContactRequest.Status.SENT,
        responded_at__isnull=True,
        created_at__lt=timezone.now() - timedelta(days=days),
    ).order_by("created_at")


REPLY_SHARE_MINIMUM = 5


def contact_reply_share(now=None, period_days=90, within_days=7, minimum=REPLY_SHARE_MINIMUM):
    """Percentage of the contact requests of the last `period_days` days
    (old enough to have had `within_days` days) that partners answered within
    `within_days` days: one aggregate, never per person; None below `minimum`
    requests, so that nobody can be singled out (the page shows "—")."""
    from django.db.models import Count, F, Q

    now = now or timezone.now()
    end = now - timedelta(days=within_days)
    counts = (
        ContactRequest.objects.exclude(status=ContactRequest.Status.SPAM)
        .filter(created_at__gte=end - timedelta(days=period_days), created_at__lt=end)
        .aggregate(
            total=Count("pk"),
            answered=Count(
                "pk",
                filter=Q(responded_at__isnull=False, responded_at__lte=F("created_at") + timedelta(days=within_days)),
            ),
        )
    )
    if counts["total"] < minimum:
        return None
    return round(100 * counts["answered"] / counts["total"])
