"""Retention of registrations: their personal data goes
`AGENDA_REGISTRATION_RETENTION_DAYS` days after the event ends
(`manage.py purge_registrations`, daily: docs/rgpd.md)."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from agenda.models import Registration
from core.privacy import erase_emails


def expired(now=None):
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.AGENDA_REGISTRATION_RETENTION_DAYS)
    return Registration.objects.filter(event__end__lt=cutoff)


@transaction.atomic
def purge(registrations):
    """Delete registrations with the emails about them and the admin's log
    rows naming them. Returns the number of registrations deleted."""
    rows = list(registrations.values_list("pk", "email_ids"))
    if not rows:
        return 0
    pks = [pk for pk, _ids in rows]
    erase_emails([email_id for _pk, ids in rows for email_id in ids or []])
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Registration), object_id__in=[str(pk) for pk in pks]
    ).delete()
    Registration.objects.filter(pk__in=pks).delete()
    return len(pks)
