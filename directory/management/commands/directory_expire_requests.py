"""Close contact requests left unanswered for 21 days and tell the structure
kindly (idempotent: each request is closed and announced once)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from directory import emails
from directory.models import ContactRequest, DirectoryPage
from directory.models.contact import RESPONSE_DAYS
from directory.models.pages import link_for_email


class Command(BaseCommand):
    help = "Clôt les demandes de contact sans réponse depuis 21 jours et prévient la structure."

    def handle(self, *args, **options):
        directory_url = link_for_email(DirectoryPage.objects.live().first(), "index_route")
        due = ContactRequest.objects.filter(
            status=ContactRequest.Status.SENT,
            responded_at__isnull=True,
            created_at__lt=timezone.now() - timedelta(days=RESPONSE_DAYS),
        ).select_related("profile")
        count = 0
        for contact_request in due:
            updated = ContactRequest.objects.filter(pk=contact_request.pk, status=ContactRequest.Status.SENT).update(
                status=ContactRequest.Status.EXPIRED
            )
            if updated:
                emails.decline_to_structure(contact_request, directory_url, expired=True)
                count += 1
        self.stdout.write(f"{count} demande(s) expirée(s).")
