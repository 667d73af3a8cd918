"""Erasing applicants' personal data (manage.py purge_applications)."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import ModelLogEntry, Revision

from accompaniment.models import Application, ApplicationReview, TeamMember
from accompaniment.models.applications import ERASED, ERASED_EMAIL
from core.models import OutgoingEmail
from core.privacy import erase_emails

SPAM_DAYS = 30
EMAIL_PURPOSES = ("accompaniment-ack", "accompaniment-decision")


def _log_rows_and_revisions(model, ids):
    ct = ContentType.objects.get_for_model(model)
    keys = [str(pk) for pk in ids]
    logs = ModelLogEntry.objects.filter(content_type=ct, object_id__in=keys)
    revisions = Revision.objects.filter(base_content_type=ct, object_id__in=keys)
    return logs, revisions


@transaction.atomic
def erase_applications(applications, now=None):
    """Erase the personal data of `applications` (a queryset): the contact
    person's name and address, the team's rows, the reviewers' texts, the
    emails sent to the applicant, and the admin's log rows (and revisions, if
    any ever existed) of the applications and their reviews. The facts the
    outcome figures count (call, status) stay. Returns the number erased."""
    now = now or timezone.now()
    rows = list(applications.values_list("pk", "contact_email"))
    if not rows:
        return 0
    ids = [pk for pk, _email in rows]
    addresses = {email for _pk, email in rows if email and email != ERASED_EMAIL}
    match = Q()
    for address in addresses:
        match |= Q(to__icontains=address)
    if addresses:
        erase_emails(OutgoingEmail.objects.filter(match, purpose__in=EMAIL_PURPOSES))
    review_ids = list(ApplicationReview.objects.filter(application_id__in=ids).values_list("pk", flat=True))
    for model, keys in ((Application, ids), (ApplicationReview, review_ids)):
        logs, revisions = _log_rows_and_revisions(model, keys)
        logs.delete()
        revisions.delete()
    TeamMember.objects.filter(application_id__in=ids).delete()
    ApplicationReview.objects.filter(pk__in=review_ids).update(comment=ERASED, public_message="")
    Application.objects.filter(pk__in=ids).update(
        contact_name=ERASED, contact_email=ERASED_EMAIL, personal_data_erased_at=now
    )
    return len(ids)


def purge(now=None, days=None):
    """Erase applications older than ACCOMPANIMENT_RETENTION_DAYS; delete
    spam after SPAM_DAYS. Returns (erased, spam deleted)."""
    now = now or timezone.now()
    days = settings.ACCOMPANIMENT_RETENTION_DAYS if days is None else days
    old = Application.objects.filter(
        created_at__lt=now - timedelta(days=days), is_spam=False, personal_data_erased_at=None
    )
    erased = erase_applications(old, now=now)
    spam = Application.objects.filter(created_at__lt=now - timedelta(days=SPAM_DAYS), is_spam=True)
    spam_ids = list(spam.values_list("pk", flat=True))
    logs, revisions = _log_rows_and_revisions(Application, spam_ids)
    logs.delete()
    revisions.delete()
    deleted = Application.objects.filter(pk__in=spam_ids).delete()[1].get("accompaniment.Application", 0)
    return erased, deleted
