"""purge_applications: after the retention period nothing of the applicant
remains anywhere in the database (full scan), and the call's figures stay."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from accompaniment.factories import ApplicationFactory
from accompaniment.models import Application, TeamMember
from editorial.factories import UserFactory
from editorial.roles import COPILOTS_PATIENTS, EDITORS
from tests.directory.dbscan import scan

NAME = "Zéphyrine Quelconque-Purge"
EMAIL = "zephyrine.purge@example.org"
ROLE = "Pair-aidante Quelconque-Purge"


@pytest.mark.django_db
@override_settings(ACCOMPANIMENT_RETENTION_DAYS=365)
def test_purge_erases_the_applicant_everywhere_and_keeps_the_figures(
    client, open_call, projects_index, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(call=open_call, contact_name=NAME, contact_email=EMAIL)
    TeamMember.objects.create(application=application, role=ROLE, is_partner=True)
    recent = ApplicationFactory(call=open_call, contact_email="recent@example.org")
    spam = ApplicationFactory(call=open_call, is_spam=True, contact_email="spam-purge@example.org")
    from accompaniment.review import acknowledge

    with django_capture_on_commit_callbacks(execute=True):
        acknowledge(application)
    # A change in the admin writes a log row about the application.
    client.force_login(UserFactory(groups=[EDITORS]))
    assert client.post(f"/admin/applications/edit/{application.pk}/", {"status": "recevable"}).status_code == 302
    reviewer = UserFactory(groups=[COPILOTS_PATIENTS])
    from accompaniment.factories import ApplicationReviewFactory

    ApplicationReviewFactory(application=application, reviewer=reviewer, comment=f"Vu avec {NAME}.")
    assert scan([NAME, EMAIL, ROLE])  # the scan finds them before

    old = timezone.now() - datetime.timedelta(days=400)
    Application.objects.filter(pk__in=[application.pk, spam.pk]).update(created_at=old)
    out = StringIO()
    call_command("purge_applications", stdout=out)
    assert "1 candidature(s) anonymisée(s), 1 indésirable(s)" in out.getvalue()

    assert scan([NAME, EMAIL, ROLE, "spam-purge@example.org"]) == []
    application.refresh_from_db()
    assert application.status == "recevable" and application.personal_data_erased_at
    assert Application.objects.filter(call=open_call).count() == 2  # the figures keep counting it
    assert Application.objects.get(pk=recent.pk).contact_email == "recent@example.org"
    # A second run changes nothing.
    out = StringIO()
    call_command("purge_applications", stdout=out)
    assert "0 candidature(s)" in out.getvalue()
