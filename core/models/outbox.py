"""Outgoing email, stored before it is sent.

Every email the portal sends goes through `queue_email`: the message is
written to the database first; once the transaction commits, a task
(core.tasks.send_outgoing_email, on the "email" task backend) sends it
outside the web request: the request never waits for the SMTP server. If the
SMTP server is down, the row keeps an attempt counter and a next-attempt time;
`manage.py send_queued_emails` (cron, every few minutes) retries with
exponential backoff, sends what no worker sent, and sends each message exactly
once. After PORTAL_EMAIL_MAX_ATTEMPTS failures the message is flagged in the
admin. See docs/email.md.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class OutgoingEmail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("En attente d'envoi")
        SENT = "sent", _("Envoyé")
        FAILED = "failed", _("Échec : à vérifier")
        CANCELLED = "cancelled", _("Annulé")

    purpose = models.CharField(_("Objet technique"), max_length=60, db_index=True)
    to = models.TextField(_("Destinataires"), help_text=_("Adresses séparées par des virgules."))
    reply_to = models.CharField(_("Répondre à"), max_length=254, blank=True)
    subject = models.CharField(_("Sujet"), max_length=200)
    body = models.TextField(_("Message"))
    status = models.CharField(_("État"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("Tentatives"), default=0)
    next_attempt_at = models.DateTimeField(_("Prochaine tentative"), default=timezone.now, db_index=True)
    last_error = models.CharField(_("Dernière erreur"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("Créé le"), auto_now_add=True)
    sent_at = models.DateTimeField(_("Envoyé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("courriel sortant")
        # Moved from the home app: the table keeps its name (core/migrations/0001).
        db_table = "home_outgoingemail"
        verbose_name_plural = _("courriels sortants")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.subject} ({self.get_status_display()})"

    @property
    def recipients(self):
        return [address.strip() for address in self.to.split(",") if address.strip()]

    def backoff(self):
        """Delay before the next attempt: 1, 2, 4, 8… minutes, at most 6 hours."""
        return timedelta(minutes=min(2 ** max(self.attempts - 1, 0), 360))

    def try_send(self, now=None):
        """Send this message if it is still due. Returns True when sent.

        A worker first claims the row with a conditional UPDATE (a short
        lease on next_attempt_at), so two workers or two cron runs never send
        the same message twice, and no lock is held while SMTP answers.
        """
        now = now or timezone.now()
        claimed = OutgoingEmail.objects.filter(pk=self.pk, status=self.Status.PENDING, next_attempt_at__lte=now).update(
            next_attempt_at=now + timedelta(minutes=10), attempts=models.F("attempts") + 1
        )
        if not claimed:
            return False
        self.refresh_from_db()
        message = EmailMessage(
            subject=self.subject,
            body=self.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=self.recipients,
            reply_to=[self.reply_to] if self.reply_to else None,
        )
        try:
            message.send(fail_silently=False)
        except Exception as exc:  # SMTP down, refused, timeout…
            self.last_error = f"{type(exc).__name__}: {exc}"[:300]
            if self.attempts >= settings.PORTAL_EMAIL_MAX_ATTEMPTS:
                self.status = self.Status.FAILED
            self.next_attempt_at = now + self.backoff()
            self.save(update_fields=["last_error", "status", "next_attempt_at"])
            logger.warning("Email %s not sent (attempt %s): %s", self.pk, self.attempts, self.last_error)
            return False
        self.status = self.Status.SENT
        self.sent_at = timezone.now()
        self.last_error = ""
        self.save(update_fields=["last_error", "status", "sent_at"])
        return True


def queue_email(*, to, subject, body, purpose, reply_to="", send_now=True):
    """Store an email, then, once the transaction commits, queue the task that
    sends it (on the "email" task backend: a worker, never the request)."""
    if isinstance(to, (list, tuple)):
        to = ", ".join(to)
    email = OutgoingEmail.objects.create(to=to, subject=subject[:200], body=body, purpose=purpose, reply_to=reply_to)
    if send_now:
        transaction.on_commit(lambda: enqueue_sending(email.pk))
    return email


def enqueue_sending(email_id):
    from core.tasks import send_outgoing_email

    try:
        send_outgoing_email.enqueue(email_id)
    except Exception:  # the task backend is down: the row stays due for send_queued_emails
        logger.exception("Email %s could not be queued; send_queued_emails will send it", email_id)


def send_due_emails(now=None, limit=200):
    """Retry every pending message whose next attempt is due."""
    now = now or timezone.now()
    due = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING, next_attempt_at__lte=now)
    sent = failed = 0
    for email in due.order_by("next_attempt_at")[:limit]:
        if email.try_send(now=now):
            sent += 1
        else:
            failed += 1
    return sent, failed
