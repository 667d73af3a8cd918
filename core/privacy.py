"""Erasure helpers shared by every app that deletes or anonymises personal data."""

from core.models import OutgoingEmail


def erase_emails(emails):
    """Delete outbox rows (a queryset, or an iterable of ids): an email about a
    person goes with the data it was about. Returns the number deleted."""
    if not hasattr(emails, "model"):
        emails = OutgoingEmail.objects.filter(pk__in=list(emails))
    count, _ = emails.delete()
    return count
