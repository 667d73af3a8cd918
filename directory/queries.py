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
