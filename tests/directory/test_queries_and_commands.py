"""Constant queries at two data sizes; the cron commands are idempotent."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from directory.models import ContactRequest, PartnerProfile
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

URLS = [
    "/annuaire/",
    "/annuaire/?role=pair-aidant&departement=31&distance=oui",
    "/annuaire/?q=maladie&langue=fr",
]


def counts(client, urls):
    result = []
    for url in urls:
        client.get(url)  # warm caches (site settings, page lookups)
        response, n = count_queries(client, url)
        assert response.status_code == 200
        assert response.context["result_count"] > 0, url  # prefetches run only on a non-empty page
        result.append(n)
    return result


def test_query_counts_do_not_grow_with_the_number_of_partners(client, make_profile):
    for _ in range(5):
        make_profile(
            department="31",
            territory_visibility="department",
            roles=["pair-aidant", "patient-coach"],
            languages=["fr"],
            themes=["Maladie fictive"],
            remote_ok=True,
            consent_health=True,
        )
    small = counts(client, URLS)
    profile_small = count_queries(client, f"/annuaire/profil/{PartnerProfile.objects.first().pk}/")[1]
    for _ in range(45):
        make_profile(
            department="31",
            territory_visibility="department",
            roles=["pair-aidant", "patient-coach"],
            languages=["fr"],
            themes=["Maladie fictive"],
            remote_ok=True,
            consent_health=True,
        )
    assert PartnerProfile.objects.count() == 50
    assert counts(client, URLS) == small
    assert count_queries(client, f"/annuaire/profil/{PartnerProfile.objects.last().pk}/")[1] == profile_small
    print("queries", small, profile_small)


def _request(profile, days_ago):
    request = ContactRequest.objects.create(
        profile=profile,
        requester_name="Ancienne Demande",
        structure_name="Structure ancienne",
        structure_type="chu",
        requester_email="ancienne@example.org",
        project="Un projet d'il y a longtemps",
        expected_role="r",
        dates="d",
        compensation="defraiement",
    )
    ContactRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
    return request


def test_anonymise_requests_older_than_24_months_idempotent(make_profile):
    profile = make_profile()
    old, recent = _request(profile, 800), _request(profile, 300)
    call_command("directory_anonymise_requests", stdout=open("/dev/null", "w"))
    old.refresh_from_db()
    first = old.anonymised_at
    assert "ancienne" not in (old.requester_name + old.requester_email + old.structure_name).lower()
    assert old.project == ""
    call_command("directory_anonymise_requests", stdout=open("/dev/null", "w"))
    old.refresh_from_db()
    assert old.anonymised_at == first
    recent.refresh_from_db()
    assert recent.requester_name == "Ancienne Demande"


def test_yearly_confirmation_asks_once_then_pauses_after_30_days(make_profile, django_capture_on_commit_callbacks):
    stale, fresh = make_profile(), make_profile()
    PartnerProfile.objects.filter(pk=stale.pk).update(last_confirmed_at=timezone.now() - timedelta(days=400))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("directory_yearly_confirmation", stdout=open("/dev/null", "w"))
        call_command("directory_yearly_confirmation", stdout=open("/dev/null", "w"))
    assert [m.to for m in mail.outbox] == [[stale.email]]
    assert PartnerProfile.objects.get(pk=stale.pk).status == "published"
    PartnerProfile.objects.filter(pk=stale.pk).update(confirmation_requested_at=timezone.now() - timedelta(days=31))
    call_command("directory_yearly_confirmation", stdout=open("/dev/null", "w"))
    call_command("directory_yearly_confirmation", stdout=open("/dev/null", "w"))
    assert PartnerProfile.objects.get(pk=stale.pk).status == "paused"
    assert PartnerProfile.objects.get(pk=fresh.pk).status == "published"
    assert len(mail.outbox) == 1


def test_yearly_link_confirms_and_opens_the_space(client, make_profile, django_capture_on_commit_callbacks):
    import re

    profile = make_profile()
    PartnerProfile.objects.filter(pk=profile.pk).update(last_confirmed_at=timezone.now() - timedelta(days=400))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("directory_yearly_confirmation", stdout=open("/dev/null", "w"))
    link = re.search(r"http://[^\s]+(/annuaire/gerer/lien/[\w-]+/)", mail.outbox[-1].body).group(1)
    assert client.post(link).status_code == 302
    profile.refresh_from_db()
    assert profile.confirmation_requested_at is None
    assert profile.last_confirmed_at > timezone.now() - timedelta(minutes=1)


def test_unconfirmed_registrations_are_erased_after_8_days(make_profile):
    old, recent, confirmed = (
        make_profile(status="pending"),
        make_profile(status="pending"),
        make_profile(status="pending"),
    )
    PartnerProfile.objects.filter(pk__in=[old.pk, recent.pk]).update(email_confirmed_at=None)
    PartnerProfile.objects.filter(pk__in=[old.pk, confirmed.pk]).update(created_at=timezone.now() - timedelta(days=9))
    call_command("directory_yearly_confirmation", stdout=open("/dev/null", "w"))
    call_command("directory_yearly_confirmation", stdout=open("/dev/null", "w"))
    assert set(PartnerProfile.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}
