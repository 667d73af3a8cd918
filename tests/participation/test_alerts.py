"""Alerts: double opt-in, a partner from "Gérer mon profil", digests in
batches (constant queries per batch, never the same call twice), RFC 8058
one-click unsubscribe."""

import time
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.antiabuse import HONEYPOT_FIELD, TIMESTAMP_FIELD
from core.models.outbox import OutgoingEmail
from directory.factories import PartnerProfileFactory
from participation.digest import send_digests
from participation.factories import CallFactory, SubscriptionFactory
from participation.models import DigestDelivery, Subscription
from tests.utils import plain

from .conftest import BASE, form_token, path_of

pytestmark = pytest.mark.django_db


def subscribe_data(client, **overrides):
    data = {
        "email": "alerte@example.org",
        "roles": ["patient-formateur"],
        "departments": ["31"],
        "frequency": "weekly",
        "consent": "on",
        TIMESTAMP_FIELD: form_token(client, BASE + "alertes/"),
        HONEYPOT_FIELD: "",
    }
    data.update(overrides)
    return data


def test_anyone_subscribes_with_double_opt_in(client, participation):
    assert client.post(BASE + "alertes/", subscribe_data(client)).status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None and subscription.roles == ["patient-formateur"]
    client.post(path_of(mail.outbox[-1], "/alertes/confirmer/"))
    subscription.refresh_from_db()
    assert subscription.confirmed_at


def test_errors_answer_400(client, participation):
    response = client.post(BASE + "alertes/", subscribe_data(client, consent="", email="pas-une-adresse"))
    assert response.status_code == 400 and "Cochez cette case" in plain(response.content)


def test_a_partner_subscribes_from_manage_my_profile(client, participation, directory_page):
    profile = PartnerProfileFactory(email="aline@example.org")
    session = client.session
    session["directory_profile"] = {"id": profile.pk, "until": time.time() + 3600}
    session.save()
    assert "/appels-a-participation/alertes/" in client.get("/annuaire/gerer/profil/").content.decode()
    client.post(BASE + "alertes/", subscribe_data(client, email="aline@example.org"))
    subscription = Subscription.objects.get()
    assert subscription.profile == profile and subscription.confirmed_at and not mail.outbox


def test_digest_matches_never_repeats_and_carries_one_click_headers(participation, settings):
    wanted = CallFactory(role="patient-formateur", departments=["31"])
    CallFactory(role="pair-aidant", departments=["31"])  # other role
    remote = CallFactory(role="patient-formateur", departments=[], remote=True)
    subscription = SubscriptionFactory(roles=["patient-formateur"], departments=["31"])
    assert send_digests() == (1, 1)
    message = mail.outbox[-1]
    assert wanted.title in plain(message.body) and remote.title in plain(message.body)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith(f"<{settings.BASE_URL}/alertes-participation/desinscription/")
    assert "Message-ID" in message.extra_headers
    stored = OutgoingEmail.objects.get(purpose="participation-digest")
    assert stored.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Once sent, the stored copy's unsubscribe link no longer carries the live token.
    token = unsubscribe.strip("<>").rstrip("/").rsplit("/", 1)[1]
    assert stored.status == OutgoingEmail.Status.SENT
    assert token not in str(stored.headers) and "jeton-retire-sha256-" in stored.headers["List-Unsubscribe"]
    # A daily subscriber the next day: a new call only, never the same twice.
    later = CallFactory(role="patient-formateur", departments=["31"])
    assert send_digests(now=timezone.now() + timedelta(days=1)) == (1, 1)
    assert later.title in plain(mail.outbox[-1].body) and wanted.title not in plain(mail.outbox[-1].body)
    assert send_digests(now=timezone.now() + timedelta(days=2)) == (0, 1)
    assert DigestDelivery.objects.filter(subscription=subscription).count() == 3


def test_one_click_unsubscribe_is_post_only_csrf_exempt_and_never_cached(participation):
    SubscriptionFactory()
    CallFactory()
    send_digests()
    url = mail.outbox[-1].extra_headers["List-Unsubscribe"].strip("<>")
    path = "/" + url.split("/", 3)[3]
    client = Client(enforce_csrf_checks=True)
    response = client.get(path)
    assert response.status_code == 200 and "no-cache" in response["Cache-Control"]
    assert Subscription.objects.count() == 1  # a GET changes nothing
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and "no-cache" in response["Cache-Control"]
    assert not Subscription.objects.exists()
    assert not OutgoingEmail.objects.filter(purpose="participation-digest").exists()
    assert client.post(path).status_code == 200  # again: still "unsubscribed"
    assert client.post("/alertes-participation/desinscription/faux/").status_code == 400


def test_digest_to_1000_subscribers_in_batches_with_constant_queries(participation, monkeypatch):
    """1,000 subscribers in batches of 200: each batch costs the same number of
    queries (the first and the last included); one task per batch."""
    from participation import digest

    enqueued, per_batch = [], []
    monkeypatch.setattr(digest, "enqueue_batch", lambda ids: enqueued.append(len(ids)))
    batch = digest._batch

    def counted(*args):
        with CaptureQueriesContext(connection) as ctx:
            result = batch(*args)
        per_batch.append(len(ctx.captured_queries))
        return result

    monkeypatch.setattr(digest, "_batch", counted)
    CallFactory(departments=["31"])
    CallFactory(departments=["34"], role="pair-aidant")
    Subscription.objects.bulk_create(
        [
            Subscription(email=f"abonne-{n:04d}@example.org", confirmed_at=timezone.now(), roles=[], departments=[])
            for n in range(1000)
        ]
    )
    assert send_digests(batch_size=200) == (1000, 5)
    assert enqueued == [200] * 5
    assert len(set(per_batch)) == 1, per_batch
    assert OutgoingEmail.objects.filter(purpose="participation-digest").count() == 1000
    assert DigestDelivery.objects.count() == 2000
    # A week later nothing is new: nothing is queued, the same calls are never sent again.
    assert send_digests(now=timezone.now() + timedelta(days=8), batch_size=200) == (0, 5)
    print("digest queries per batch of 200:", per_batch[0])


def test_the_worker_sends_a_batch_with_its_headers(participation):
    SubscriptionFactory.create_batch(3)
    CallFactory()
    send_digests()
    assert len(mail.outbox) == 3
    assert all(m.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click" for m in mail.outbox)
    assert OutgoingEmail.objects.filter(purpose="participation-digest", status="sent").count() == 3
