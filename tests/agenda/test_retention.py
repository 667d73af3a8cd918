"""Registrations are erased AGENDA_REGISTRATION_RETENTION_DAYS after their
event, with the emails about them and the admin's log rows; nothing of the
person is left in any table."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from agenda.factories import EventPageFactory, in_days
from agenda.models import Registration
from core.models import OutgoingEmail
from tests.directory.dbscan import scan


def register(client, event, email):
    from core.antiabuse import TIMESTAMP_FIELD

    token = client.get(event.url).context["form"].initial[TIMESTAMP_FIELD]
    client.post(event.url, {"name": "Alix Retention", "email": email, TIMESTAMP_FIELD: token})


@pytest.mark.django_db
@override_settings(AGENDA_REGISTRATION_RETENTION_DAYS=30)
def test_purge_erases_registrations_of_events_ended_more_than_n_days_ago(
    client, agenda, django_capture_on_commit_callbacks
):
    old = EventPageFactory(parent=agenda)
    recent = EventPageFactory(parent=agenda)
    with django_capture_on_commit_callbacks(execute=True):
        register(client, old, "ancienne@example.org")
        register(client, recent, "recente@example.org")
    # The events take place, then time passes.
    EventPageFactory._meta.model.objects.filter(pk=old.pk).update(start=in_days(-32), end=in_days(-31))
    EventPageFactory._meta.model.objects.filter(pk=recent.pk).update(start=in_days(-11), end=in_days(-10))
    assert scan(["ancienne@example.org"])
    call_command("purge_registrations", stdout=open("/dev/null", "w"))
    assert scan(["ancienne@example.org"]) == []
    assert list(Registration.objects.values_list("email", flat=True)) == ["recente@example.org"]
    assert OutgoingEmail.objects.filter(to="recente@example.org").count() == 1
