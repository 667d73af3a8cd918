"""Generate N fictional partner profiles (for benchmarks)."""

from django.core.management.base import BaseCommand

from directory.demo import create_partner
from directory.fake import partner_data
from directory.models import PartnerProfile
from home import geo
from home.models import Domain


class Command(BaseCommand):
    help = "Crée N profils fictifs de patients partenaires (adresses example.org), pour les mesures de performance."

    def add_arguments(self, parser):
        parser.add_argument("--partners", type=int, default=1000)
        parser.add_argument("--start", type=int, default=1000, help="Premier numéro (évite les profils de démo).")

    def handle(self, *args, partners, start, **options):
        departments = geo.departments_of("76")
        domains = list(Domain.objects.order_by("pk"))
        existing = set(PartnerProfile.objects.values_list("email", flat=True))
        created = 0
        for index in range(start, start + partners):
            data = partner_data(index, departments, domains)
            if data["email"] in existing:
                continue
            create_partner(data)
            created += 1
        self.stdout.write(f"{created} profils créés.")
