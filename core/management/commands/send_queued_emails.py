from django.core.management.base import BaseCommand

from core.models.outbox import send_due_emails


class Command(BaseCommand):
    help = "Envoie les courriels en attente (nouvelle tentative avec délai croissant en cas d'échec)."

    def handle(self, *args, **options):
        sent, failed = send_due_emails()
        self.stdout.write(f"{sent} courriel(s) envoyé(s), {failed} en échec (nouvelle tentative plus tard).")
