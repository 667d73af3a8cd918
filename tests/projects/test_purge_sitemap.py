"""Retention of proposals' personal data, and the showcase's routes in the sitemap."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from projects.factories import ProjectProposalFactory
from projects.models import ProjectProposal
from tests.projects.conftest import make_project


def proposal(days_old, spam=False):
    p = ProjectProposalFactory(
        submitter_name="Camille (fictive)", submitter_email="camille@example.org", title="Projet", is_spam=spam
    )
    ProjectProposal.objects.filter(pk=p.pk).update(created_at=timezone.now() - timedelta(days=days_old))
    return p


@pytest.mark.django_db
def test_old_proposals_lose_their_personal_data_and_old_spam_goes(capsys):
    recent, old, old_spam, recent_spam = proposal(10), proposal(400), proposal(40, spam=True), proposal(5, spam=True)
    call_command("purge_project_proposals", "--dry-run")
    assert ProjectProposal.objects.filter(submitter_email="camille@example.org").count() == 4
    call_command("purge_project_proposals")
    old.refresh_from_db()
    assert old.submitter_name == "(effacé)" and "camille" not in old.submitter_email and old.title == "Projet"
    assert ProjectProposal.objects.get(pk=recent.pk).submitter_email == "camille@example.org"
    assert not ProjectProposal.objects.filter(pk=old_spam.pk).exists()
    assert ProjectProposal.objects.filter(pk=recent_spam.pk).exists()
    assert "1 proposition(s) anonymisée(s), 1 indésirable(s)" in capsys.readouterr().out


@pytest.mark.django_db
def test_sitemap_lists_domain_pages_and_the_map(client, index):
    project = make_project(index)
    xml = client.get("/sitemap.xml").content.decode()
    assert "/projets/domaine/soins/</loc>" in xml
    assert "/projets/carte/</loc>" in xml
    assert f"{project.url}</loc>" in xml
    assert "/projets/proposer/" not in xml and "/projets/flux/" not in xml


@pytest.mark.django_db
def test_the_purge_also_erases_the_acknowledgement_sent_to_the_proposer(capsys):
    from core.models.outbox import queue_email
    from tests.directory.dbscan import scan

    old, recent = proposal(400), proposal(10)
    for p, days in ((old, 400), (recent, 10)):
        email = queue_email(
            to=p.submitter_email,
            subject="Votre proposition",
            body="Merci",
            purpose="project-proposal-ack",
            send_now=False,
        )
        type(email).objects.filter(pk=email.pk).update(created_at=timezone.now() - timedelta(days=days))
    call_command("purge_project_proposals")
    # Only the recent proposal (and its acknowledgement) still holds the address.
    hits = {(table, column) for table, column, _needle in scan(["camille@example.org"])}
    assert hits == {("projects_projectproposal", "submitter_email"), ("home_outgoingemail", "to")}
    assert ProjectProposal.objects.get(pk=recent.pk).submitter_email == "camille@example.org"
    from core.models import OutgoingEmail

    assert OutgoingEmail.objects.count() == 1
    assert "1 accusé(s) de réception effacé(s)" in capsys.readouterr().out
