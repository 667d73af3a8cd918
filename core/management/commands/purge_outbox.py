from django.conf import settings
from django.core.management.base import BaseCommand

from core.models.outbox import purge_sent_bodies


class Command(BaseCommand):
    help = (
        "Efface le texte des courriels envoyés depuis plus de PORTAL_OUTBOX_RETENTION_DAYS jours "
        "et retire les liens personnels encore présents dans les courriels envoyés."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Durée de conservation (par défaut : le réglage).")

    def handle(self, *args, days=None, **options):
        days = settings.PORTAL_OUTBOX_RETENTION_DAYS if days is None else days
        erased, redacted = purge_sent_bodies(days=days)
        self.stdout.write(
            f"{erased} courriel(s) envoyé(s) depuis plus de {days} jours effacé(s), "
            f"{redacted} courriel(s) dont les liens personnels ont été retirés."
        )
