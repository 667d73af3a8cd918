"""Send the emails whose next attempt is due, then say what is still pending
and when each one will be tried again (cron, every few minutes; see
docs/email.md). Recipients are not printed: the purpose and the row number
are enough to find a message in the admin."""

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.formats import date_format

from core.models.outbox import OutgoingEmail, send_due_emails

SHOWN = 20


class Command(BaseCommand):
    help = "Envoie les courriels en attente (nouvelle tentative avec délai croissant en cas d'échec)."

    def handle(self, *args, **options):
        sent, failed = send_due_emails()
        self.stdout.write(f"{sent} courriel(s) envoyé(s), {failed} en échec (nouvelle tentative plus tard).")
        pending = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING).order_by("next_attempt_at", "pk")
        total = pending.count()
        if not total:
            self.stdout.write("Aucun courriel en attente.")
            return
        now = timezone.now()
        first = pending[0]
        self.stdout.write(
            f"{total} courriel(s) en attente ; prochaine tentative {self.when(first.next_attempt_at, now)}."
        )
        for email in pending[:SHOWN]:
            error = f" — dernière erreur : {email.last_error}" if email.last_error else ""
            self.stdout.write(
                f"  n° {email.pk} ({email.purpose}), {email.attempts} tentative(s), "
                f"prochaine {self.when(email.next_attempt_at, now)}{error}"
            )
        if total > SHOWN:
            self.stdout.write(f"  … et {total - SHOWN} autre(s).")
        failed_total = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED).count()
        if failed_total:
            self.stdout.write(f"{failed_total} courriel(s) en échec définitif, à vérifier dans l'administration.")

    @staticmethod
    def when(moment, now):
        if moment <= now:
            return "dès maintenant"
        local = timezone.localtime(moment)
        return f"le {date_format(local, 'j F Y')} à {local:%H:%M}"
