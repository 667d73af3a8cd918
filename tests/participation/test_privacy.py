"""No structure or partner email in public pages, the feed or the search
documents; erasure through the directory's scrubbing function; purge;
the directory's response indicator."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from core.models.outbox import OutgoingEmail
from directory.factories import ContactRequestFactory, PartnerProfileFactory
from directory.models import ContactRequest
from directory.privacy import erase_profile
from directory.queries import contact_reply_share
from participation.factories import AnswerFactory, CallFactory, SubscriptionFactory
from participation.models import Answer, Call, Subscription
from participation.privacy import purge
from tests.directory.dbscan import scan

from .conftest import BASE, answer_data, path_of

pytestmark = pytest.mark.django_db


def test_public_pages_feed_and_search_documents_show_no_email(client, participation):
    profile = PartnerProfileFactory(email="partenaire-prive@example.org")
    call = CallFactory(contact_email="structure-privee@example.org", contact_phone="05 55 55 55 55")
    AnswerFactory(call=call, profile=profile, email="", name="")
    AnswerFactory(call=call, email="repondant-prive@example.org", phone="07 77 77 77 77")
    secrets = ["structure-privee", "partenaire-prive", "repondant-prive", "05 55 55 55 55", "07 77 77 77 77"]
    pages = ["", "flux/", f"appel/{call.pk}/", f"appel/{call.pk}/repondre/", "proposer/", "alertes/"]
    for route in pages:
        content = client.get(BASE + route).content.decode()
        for secret in secrets:
            assert secret not in content, (route, secret)
    search = client.get("/recherche/", {"q": call.title.split()[0]}).content.decode()
    assert not any(secret in search for secret in secrets)
    document = call.search_text()
    assert not any(secret in document for secret in secrets) and "@" not in document
    # Calls are not in the sitemap (it lists pages; a call is a route of the listing page).
    assert f"appel/{call.pk}/" not in client.get("/sitemap.xml").content.decode()


def test_erasing_a_profile_erases_its_answers_subscriptions_and_their_emails(client, participation):
    profile = PartnerProfileFactory(email="aline-efface@example.org")
    call = CallFactory()
    data = answer_data(client, call, mode="profil", email="aline-efface@example.org")
    client.post(f"{BASE}appel/{call.pk}/repondre/", data)
    client.post(path_of(mail.outbox[-1], "/reponse/confirmer/"))
    SubscriptionFactory(email="aline-efface@example.org", profile=profile)
    assert Answer.objects.filter(profile=profile).exists()
    erase_profile(profile)
    assert not Answer.objects.exists() and not Subscription.objects.exists()
    assert not OutgoingEmail.objects.filter(purpose__startswith="participation-answer").exists()
    assert scan(["aline-efface"]) == []
    assert Call.objects.filter(pk=call.pk).exists()


def test_purge_erases_old_calls_and_unconfirmed_data(participation):
    old = CallFactory(status=Call.Status.FILLED, contact_email="ancienne@example.org")
    Call.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timedelta(days=800))
    AnswerFactory(call=old, email="ancien-repondant@example.org")
    current = CallFactory()
    stale = AnswerFactory(call=current, status=Answer.Status.UNCONFIRMED, email="jamais-confirme@example.org")
    Answer.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=9))
    unconfirmed = SubscriptionFactory(confirmed_at=None, email="abonne-jamais@example.org")
    Subscription.objects.filter(pk=unconfirmed.pk).update(created_at=timezone.now() - timedelta(days=9))
    assert purge() == (1, 1, 1)
    assert list(Call.objects.all()) == [current]
    assert scan(["ancienne@", "ancien-repondant", "jamais-confirme", "abonne-jamais"]) == []


def test_call_indicators_answers_and_median_reply(client, participation):
    call = CallFactory()
    now = timezone.now()
    for days in (1, 3, 10):
        AnswerFactory(call=call, forwarded_at=now - timedelta(days=days + 1), responded_at=now - timedelta(days=1))
    AnswerFactory(call=call, status=Answer.Status.SPAM)
    response = client.get(f"{BASE}appel/{call.pk}/")
    assert response.context["answer_count"] == 3
    assert response.context["median_reply_days"] == 3.0


def test_directory_reply_share_needs_five_requests(client, participation, directory_page):
    now = timezone.now()
    profile = PartnerProfileFactory()
    for index in range(4):
        request = ContactRequestFactory(profile=profile)
        answered = now - timedelta(days=20) + timedelta(days=2 if index < 3 else 9)
        ContactRequest.objects.filter(pk=request.pk).update(created_at=now - timedelta(days=20), responded_at=answered)
    assert contact_reply_share() is None
    assert "sous 7 jours (90 derniers jours) : —" in client.get("/annuaire/").content.decode().replace("\u202f", " ")
    request = ContactRequestFactory(profile=profile)
    ContactRequest.objects.filter(pk=request.pk).update(created_at=now - timedelta(days=20))
    assert contact_reply_share() == 60  # 3 of 5 answered within 7 days
    assert "60 %" in client.get("/annuaire/").content.decode().replace("\u202f", " ").replace("\xa0", " ")
