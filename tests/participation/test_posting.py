"""Posting a call: confirmation by a signed link, moderation in the admin
(refusal reason sent kindly), the author's manage link (edit, "pourvu")."""

import pytest
from django.contrib.auth.models import User
from django.core import mail

from directory.roles import ensure_moderation_group
from participation.factories import CallFactory
from participation.models import Call
from tests.utils import plain

from .conftest import BASE, call_data, path_of

pytestmark = pytest.mark.django_db


def moderator():
    user = User.objects.create_user("moderatrice", password="x")
    user.groups.add(ensure_moderation_group())
    return User.objects.get(pk=user.pk)


def post_and_confirm(client):
    response = client.post(BASE + "proposer/", call_data(client))
    assert response.status_code == 200
    call = Call.objects.get()
    assert call.status == Call.Status.UNCONFIRMED
    confirm = path_of(mail.outbox[-1], "/proposer/confirmer/")
    assert client.get(confirm).status_code == 200
    assert Call.objects.get().status == Call.Status.UNCONFIRMED  # a GET changes nothing
    assert client.post(confirm).status_code == 200
    assert client.post(confirm).status_code == 400  # single use
    call.refresh_from_db()
    assert call.status == Call.Status.SUBMITTED and call.email_confirmed_at
    return call


def test_post_confirm_publish_manage_and_fill(client, participation):
    call = post_and_confirm(client)
    assert list(call.departments.values_list("code", flat=True)) == ["31"]
    assert client.get(f"{BASE}appel/{call.pk}/").status_code == 404  # not public before moderation

    client.force_login(moderator())
    inspect = client.get(f"/admin/participation/call/inspect/{call.pk}/")
    assert inspect.status_code == 200
    response = client.post(f"/admin/participation/call/{call.pk}/publier/")
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.status == Call.Status.PUBLISHED and call.published_at
    published = mail.outbox[-1]
    assert published.to == ["coordination@cpts-causse.example.org"]
    client.logout()

    page = client.get(f"{BASE}appel/{call.pk}/")
    assert page.status_code == 200 and "Un regard patient" in plain(page.content)
    listing = client.get(BASE)
    assert call.title in plain(listing.content)

    manage = path_of(published, "/gerer/")
    response = client.get(manage)
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    edit = call_data(client, action="enregistrer", title="Un regard patient, modifié")
    response = client.post(manage, edit)
    assert response.status_code == 200, response.context["form"].errors
    call.refresh_from_db()
    assert call.title == "Un regard patient, modifié"

    assert client.post(manage, {"action": "pourvu"}).status_code == 200
    call.refresh_from_db()
    assert call.status == Call.Status.FILLED
    assert client.get(f"{BASE}appel/{call.pk}/").status_code == 404
    assert call.title not in plain(client.get(BASE).content)


def test_refusal_needs_a_reason_and_is_sent_kindly(client, participation):
    call = post_and_confirm(client)
    client.force_login(moderator())
    client.post(f"/admin/participation/call/{call.pk}/refuser/", {"reason": ""})
    call.refresh_from_db()
    assert call.status == Call.Status.SUBMITTED
    client.post(f"/admin/participation/call/{call.pk}/refuser/", {"reason": "Il manque la prise en charge des frais."})
    call.refresh_from_db()
    assert call.status == Call.Status.REFUSED
    body = plain(mail.outbox[-1].body)
    assert "Il manque la prise en charge des frais." in body and "Merci d'avoir pensé" in body
    assert "/proposer/" in body


def test_an_unconfirmed_call_cannot_be_published(client, participation):
    call = CallFactory(status=Call.Status.UNCONFIRMED, email_confirmed_at=None)
    client.force_login(moderator())
    client.post(f"/admin/participation/call/{call.pk}/publier/")
    call.refresh_from_db()
    assert call.status == Call.Status.UNCONFIRMED


def test_invalid_post_keeps_what_was_typed_and_answers_400(client, participation):
    data = call_data(client, compensation="", title="Mon titre tapé")
    response = client.post(BASE + "proposer/", data)
    assert response.status_code == 400
    content = plain(response.content)
    assert "Mon titre tapé" in content and "Indiquez la prise en charge" in content
    assert not Call.objects.exists() and not mail.outbox


def test_a_place_is_required_unless_remote(client, participation):
    response = client.post(BASE + "proposer/", call_data(client, remote="", departments=[]))
    assert response.status_code == 400
    assert "au moins un département" in plain(response.content)


def test_spam_is_stored_and_never_emailed(client, participation):
    client.post(BASE + "proposer/", call_data(client, site_web="http://spam.example"))
    assert Call.objects.get().status == Call.Status.SPAM
    assert not mail.outbox


def test_rate_limit(client, participation, settings):
    settings.PORTAL_RATE_LIMIT_PER_HOUR = 1
    assert client.post(BASE + "proposer/", call_data(client)).status_code == 200
    response = client.post(BASE + "proposer/", call_data(client, title="Un second appel"))
    assert response.status_code == 429
    assert "Un second appel" in plain(response.content)


def test_a_forged_manage_link_is_refused(client, participation):
    CallFactory()
    assert client.get(BASE + "gerer/pas-un-jeton/").status_code == 400
