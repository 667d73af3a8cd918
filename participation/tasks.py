"""The digest's batches are sent by the email worker (never a web request,
never the 5-minute cron of single emails)."""

from django_tasks import task

from core.models.outbox import OutgoingEmail
from core.tasks import EMAIL_TASK_BACKEND


@task(backend=EMAIL_TASK_BACKEND)
def send_email_batch(email_ids):
    """Send each stored email of one digest batch that is still due."""
    sent = 0
    for email in OutgoingEmail.objects.filter(pk__in=email_ids).order_by("pk"):
        sent += bool(email.try_send())
    return sent
