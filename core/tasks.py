"""Background tasks of the portal (django-tasks).

Wagtail's own tasks (search index and reference index updates) run on the
"default" backend, which stays the immediate one: an edit, a withdrawn
consent or a deletion is reflected in the index before the request ends.
Outgoing email runs on its own backend alias, "email" (EMAIL_TASK_BACKEND):
by default the database backend of django-tasks-db, whose worker
(`manage.py db_worker --backend email`, started by `make run`) sends the
message, so that no web request waits for the SMTP server. See
docs/email.md.
"""

from django_tasks import task

from core.models.outbox import OutgoingEmail

EMAIL_TASK_BACKEND = "email"


@task(backend=EMAIL_TASK_BACKEND)
def send_outgoing_email(email_id):
    """Send one stored email if it is still due (only its id is queued: the
    task table never holds an address or a message)."""
    email = OutgoingEmail.objects.filter(pk=email_id).first()
    if email is None:  # deleted meanwhile (profile deleted, anonymised…)
        return False
    return email.try_send()
