"""Delete barometer sessions (with their answers) and lone answers untouched
for 18 months. Run daily from cron (see README, « Exploitation »)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from tools.models import BarometerAnswer, BarometerSession
from tools.models.barometer import RETENTION


class Command(BaseCommand):
    help = "Supprime les sessions du baromètre (et réponses isolées) sans activité depuis 18 mois."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Compter sans rien supprimer.")

    def handle(self, *args, dry_run=False, **options):
        limit = timezone.now() - RETENTION
        sessions = BarometerSession.objects.filter(last_activity_at__lt=limit)
        # A session's answers touch it when saved; lone answers count on their own date.
        lone = BarometerAnswer.objects.filter(session__isnull=True, updated_at__lt=limit)
        session_count, answer_count = sessions.count(), lone.count()
        if not dry_run:
            sessions.delete()
            lone.delete()
        verb = "à supprimer" if dry_run else "supprimées"
        self.stdout.write(f"Sessions {verb} : {session_count} ; réponses isolées {verb} : {answer_count}.")
