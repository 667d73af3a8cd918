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

Once sent, the stored body keeps no usable bearer link (tokens are replaced by
a short hash, `redact_bearer_links`), and `manage.py purge_outbox` (daily)
erases the body of emails sent more than PORTAL_OUTBOX_RETENTION_DAYS ago.
"""

import hashlib
import logging
import re
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import connection, models, transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
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
    headers = models.JSONField(
        _("En-têtes"),
        default=dict,
        blank=True,
        help_text=_("En-têtes ajoutés au message (désinscription en un clic, identifiant du message)."),
    )
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

    @property
    def message_id(self):
        """The Message-ID of every attempt at this row: a retry after a
        killed worker (SMTP accepted, the row not yet marked sent) is the same
        message, so the recipient's server or a sink can drop the duplicate."""
        host = urlsplit(settings.BASE_URL).hostname or "localhost"
        return f"<outbox-{self.pk}@{host}>"

    def claim(self, now):
        """Take this row for one attempt, or return False when it is not due
        or another worker has it. The claim is a lease: attempts + 1 and
        next_attempt_at = now + PORTAL_EMAIL_LEASE_SECONDS, so that a worker
        killed mid-send leaves a row that becomes due again when the lease
        expires (the cron sweeper, `send_queued_emails`, picks it up). On
        PostgreSQL the row is read FOR UPDATE SKIP LOCKED: a second worker
        passes over it instead of waiting; the conditional UPDATE alone keeps
        SQLite (transactions IMMEDIATE) just as safe."""
        lease = timedelta(seconds=settings.PORTAL_EMAIL_LEASE_SECONDS)
        due = OutgoingEmail.objects.filter(pk=self.pk, status=self.Status.PENDING, next_attempt_at__lte=now)
        with transaction.atomic():
            skip_locked = connection.features.has_select_for_update_skip_locked
            if skip_locked and not due.select_for_update(skip_locked=True).values_list("pk", flat=True).first():
                return False
            claimed = due.update(next_attempt_at=now + lease, attempts=models.F("attempts") + 1)
        return bool(claimed)

    def try_send(self, now=None):
        """Send this message if it is still due. Returns True when sent.

        A worker first claims the row (`claim`: a lease), so two workers or
        two cron runs never send the same message twice, and no lock is held
        while SMTP answers.
        """
        now = now or timezone.now()
        if not self.claim(now):
            return False
        self.refresh_from_db()
        message = EmailMessage(
            subject=self.subject,
            body=self.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=self.recipients,
            reply_to=[self.reply_to] if self.reply_to else None,
            # The stable Message-ID first; a row's own headers (List-Unsubscribe…) added.
            headers={"Message-ID": self.message_id, **(self.headers or {})},
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


def queue_email(*, to, subject, body, purpose, reply_to="", send_now=True, headers=None):
    """Store an email, then, once the transaction commits, queue the task that
    sends it (on the "email" task backend: a worker, never the request).
    `headers` (a dict, e.g. List-Unsubscribe) are stored with it and sent."""
    if isinstance(to, (list, tuple)):
        to = ", ".join(to)
    email = OutgoingEmail.objects.create(
        to=to, subject=subject[:200], body=body, purpose=purpose, reply_to=reply_to, headers=headers or {}
    )
    if send_now:
        transaction.on_commit(lambda: enqueue_sending(email.pk))
    return email


def enqueue_sending(email_id):
    # Imported here: core.tasks imports this module's model (a module-level import would be a cycle).
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


# --- Retention and redaction -------------------------------------------------
# Kept apart from the sending path: a sent email's body is no longer needed to
# deliver it, only to audit what was sent.

# A bearer token in a link: a path segment or query value of 32+ URL-safe
# characters mixing upper case, lower case and digits (the directory's signed
# links are base64). Slugs (lower case) and admin URLs (numbers) do not match.
_URL = re.compile(r"https?://[^\s<>\"']+")
_TOKEN = re.compile(r"(?<![\w-])(?=[\w-]*[A-Z])(?=[\w-]*[a-z])(?=[\w-]*\d)[\w-]{32,}(?![\w-])")
REDACTED_PREFIX = "jeton-retire-sha256-"
ERASED_BODY = "(texte effacé après la durée de conservation)"


def _redact_token(match):
    digest = hashlib.sha256(match.group(0).encode()).hexdigest()[:16]
    return f"{REDACTED_PREFIX}{digest}"


def redact_bearer_links(text):
    """The text with every token of its links replaced by a short hash: the
    link shows where it led (and the hash which token it carried, for an
    audit against a known link) but no longer works."""
    return _URL.sub(lambda url: _TOKEN.sub(_redact_token, url.group(0)), text)


def redact_sent_email(email):
    """Redact the bearer links of one sent email, its body and its headers (a
    List-Unsubscribe link carries a token too); idempotent. Returns True if
    anything changed."""
    changes = {}
    body = redact_bearer_links(email.body)
    if body != email.body:
        changes["body"] = body
    headers = {name: redact_bearer_links(value) for name, value in (email.headers or {}).items()}
    if headers != (email.headers or {}):
        changes["headers"] = headers
    if not changes:
        return False
    OutgoingEmail.objects.filter(pk=email.pk).update(**changes)
    for field, value in changes.items():
        setattr(email, field, value)
    return True


@receiver(post_save, sender=OutgoingEmail, dispatch_uid="core.outbox.redact_after_sending")
def _redact_after_sending(sender, instance, update_fields=None, **kwargs):
    """Right after the send is recorded, the stored body loses its live links:
    whoever reads the outbox in the admin cannot act as the recipient."""
    if instance.status == OutgoingEmail.Status.SENT:
        redact_sent_email(instance)


def purge_sent_bodies(now=None, days=None):
    """Erase the body of emails sent more than PORTAL_OUTBOX_RETENTION_DAYS
    ago (and redact any sent body that still holds a live link). Returns
    (erased, redacted)."""
    now = now or timezone.now()
    days = settings.PORTAL_OUTBOX_RETENTION_DAYS if days is None else days
    sent = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENT)
    erased = sent.filter(sent_at__lt=now - timedelta(days=days)).exclude(body=ERASED_BODY).update(body=ERASED_BODY)
    redacted = sum(redact_sent_email(email) for email in sent.exclude(body=ERASED_BODY).only("pk", "body"))
    return erased, redacted
