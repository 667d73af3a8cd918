from django.conf import settings
from django.core.management.base import BaseCommand

from agenda.privacy import expired, purge


class Command(BaseCommand):
    help = (
        "Efface les inscriptions aux événements terminés depuis plus de "
        "AGENDA_REGISTRATION_RETENTION_DAYS jours, avec les courriels qui les concernent."
    )

    def handle(self, *args, **options):
        count = purge(expired())
        self.stdout.write(
            f"{count} inscription(s) effacée(s) (événements terminés depuis plus de "
            f"{settings.AGENDA_REGISTRATION_RETENTION_DAYS} jours)."
        )
