"""Generate N fictional partner profiles (for benchmarks)."""

from django.core.management.base import BaseCommand

from directory.fake import bulk_seed
from directory.models import PartnerProfile


class Command(BaseCommand):
    help = "Crée N profils fictifs de patients partenaires (adresses example.org), pour les mesures de performance."

    def add_arguments(self, parser):
        parser.add_argument("--partners", type=int, default=1000)
        parser.add_argument("--start", type=int, default=1000, help="Premier numéro (évite les profils de démo).")

    def handle(self, *args, partners, start, **options):
        # Continue after the highest number already seeded: re-running adds N more.
        last = PartnerProfile.objects.filter(email__startswith="partenaire-fictif-").order_by("-email").first()
        if last is not None:
            start = max(start, int(last.email.split("-")[-1].split("@")[0]) + 1)
        created = bulk_seed(partners, start=start)
        self.stdout.write(f"{created} profils créés.")
