"""Anonymise contact requests older than 24 months (idempotent)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from directory.models import ContactRequest


class Command(BaseCommand):
    help = "Anonymise les demandes de contact de plus de 24 mois."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=24)

    def handle(self, *args, months, **options):
        limit = timezone.now() - timedelta(days=round(months * 30.44))
        old = ContactRequest.objects.filter(created_at__lt=limit, anonymised_at__isnull=True)
        count = 0
        for contact_request in old:
            contact_request.anonymise()
            count += 1
        self.stdout.write(f"{count} demande(s) anonymisée(s).")
