"""« Gérer mon profil »: contact details (a new address is confirmed from the
new mailbox first), each consent withdrawn on its own (health themes leave
pages, counts and the search index at once, even with a deferred task
backend), a manage link valid for days that offers a fresh one once expired,
and resuming a paused profile that the nightly run leaves published."""

import html
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from core.antiabuse import HONEYPOT_FIELD, TIMESTAMP_FIELD
from directory.models import PartnerProfile
from tests.utils import plain

from .conftest import form_token
from .dbscan import scan
from .test_registration import _open_space, link_in

pytestmark = pytest.mark.django_db

MANAGE = "/annuaire/gerer/profil/"


def test_phone_changes_at_once_and_a_new_address_only_once_confirmed(
    client, make_profile, django_capture_on_commit_callbacks
):
    profile = make_profile(email="ancienne.adresse@example.org", phone="")
    _open_space(client, profile, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            MANAGE, {"action": "coordonnees", "email": "Nouvelle.Adresse@example.org", "phone": "06 24 68 02 46"}
        )
    assert response.status_code == 200
    assert "Un lien de confirmation vient d'être envoyé à nouvelle.adresse@example.org" in plain(
        html.unescape(response.content.decode())
    )
    profile.refresh_from_db()
    assert profile.phone == "06 24 68 02 46"
    assert profile.email == "ancienne.adresse@example.org"  # not before the new mailbox confirms
    message = mail.outbox[-1]
    assert message.to == ["nouvelle.adresse@example.org"] and "valable 7\u202fjours" in message.body
    link = link_in(message.body, "gerer/adresse")
    assert client.get(link).status_code == 200
    assert PartnerProfile.objects.get(pk=profile.pk).email == "ancienne.adresse@example.org"  # GET changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(link).status_code == 200
    assert PartnerProfile.objects.get(pk=profile.pk).email == "nouvelle.adresse@example.org"
    assert mail.outbox[-1].to == ["ancienne.adresse@example.org"]  # the former address is told
    assert client.post(link).status_code == 400  # single use
    assert client.post("/annuaire/gerer/adresse/faux-jeton/").status_code == 400


def test_an_address_already_used_by_another_profile_is_refused(
    client, make_profile, django_capture_on_commit_callbacks
):
    make_profile(email="prise@example.org")
    profile = make_profile()
    _open_space(client, profile, django_capture_on_commit_callbacks)
    sent = len(mail.outbox)
    response = client.post(MANAGE, {"action": "coordonnees", "email": "prise@example.org", "phone": "06 00 00 00 01"})
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert "déjà celle d'un autre profil" in plain(page) and 'value="06 00 00 00 01"' in plain(
        page
    )  # nothing typed is lost
    assert len(mail.outbox) == sent
    assert PartnerProfile.objects.get(pk=profile.pk).phone != "06 00 00 00 01"


def test_an_email_change_link_expires_after_7_days(client, make_profile, django_capture_on_commit_callbacks):
    profile = make_profile()
    _open_space(client, profile, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(MANAGE, {"action": "coordonnees", "email": "plus.tard@example.org", "phone": ""})
    link = link_in(mail.outbox[-1].body, "gerer/adresse")
    later = timezone.now() + timedelta(days=8)
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        assert client.post(link).status_code == 400
    assert PartnerProfile.objects.get(pk=profile.pk).email == profile.email


def _theme_is_public(client, profile, theme):
    page = client.get(f"/annuaire/profil/{profile.pk}/").content.decode()
    found = client.get("/annuaire/", {"q": theme}).context["result_count"]
    facet = theme in client.get("/annuaire/").content.decode()  # the theme filter's options and counts
    indexed = scan([theme], only=lambda t: "index" in t.lower() or "fts" in t.lower())
    return {"page": theme in page, "search": found, "facet": facet, "index": bool(indexed)}


@pytest.mark.parametrize("tasks", ["immediate", "deferred"])
def test_withdrawing_the_health_consent_hides_the_themes_at_once(
    client, make_profile, django_capture_on_commit_callbacks, tasks
):
    theme = "Retraitzk"
    profile = make_profile(display_name="Retrait R.", themes=[theme], consent_health=True, consent_news=True)
    assert _theme_is_public(client, profile, theme) == {"page": True, "search": 1, "facet": True, "index": True}
    _open_space(client, profile, django_capture_on_commit_callbacks)
    backend = (
        "django_tasks.backends.immediate.ImmediateBackend"
        if tasks == "immediate"
        else "django_tasks.backends.dummy.DummyBackend"  # queued, never run: a worker that has not run yet
    )
    with override_settings(TASKS={"default": {"BACKEND": backend}}):
        response = client.post(MANAGE, {"action": "retirer_sante"})
    assert response.status_code == 200 and "Consentement retiré" in response.content.decode()
    assert _theme_is_public(client, profile, theme) == {"page": False, "search": 0, "facet": False, "index": False}
    profile.refresh_from_db()
    assert not profile.consent_health and profile.consent_health_at is None
    assert profile.consent_news  # the other consents are untouched
    assert [t.name for t in profile.themes.all()] == [theme]  # kept private, visible to the partner only


def test_each_other_consent_is_withdrawn_on_its_own(client, make_profile, django_capture_on_commit_callbacks):
    profile = make_profile(consent_health=True, consent_news=True, allow_search_engines=True)
    _open_space(client, profile, django_capture_on_commit_callbacks)
    client.post(MANAGE, {"action": "retirer_nouvelles"})
    profile.refresh_from_db()
    assert not profile.consent_news and profile.consent_news_at is None
    assert profile.consent_health and profile.allow_search_engines
    client.post(MANAGE, {"action": "retirer_moteurs"})
    profile.refresh_from_db()
    assert not profile.allow_search_engines and profile.consent_health
    assert 'content="noindex' in client.get(f"/annuaire/profil/{profile.pk}/").content.decode()


def _request_manage_link(client, profile, capture):
    data = {"email": profile.email, TIMESTAMP_FIELD: form_token(client, "/annuaire/gerer/"), HONEYPOT_FIELD: ""}
    with capture(execute=True):
        response = client.post("/annuaire/gerer/", data)
    assert "valable 7\u202fjours" in response.content.decode()
    assert "valable 7\u202fjours, utilisable une fois" in mail.outbox[-1].body
    return link_in(mail.outbox[-1].body, "gerer/lien")


def test_the_manage_link_is_valid_for_days_and_an_expired_one_offers_a_new_one(
    client, make_profile, django_capture_on_commit_callbacks
):
    profile = make_profile()
    link = _request_manage_link(client, profile, django_capture_on_commit_callbacks)
    in_six_days = (timezone.now() + timedelta(days=6)).timestamp()
    with mock.patch("django.core.signing.time.time", return_value=in_six_days):
        assert client.post(link).status_code == 302
    assert client.post(link).status_code == 400  # single use

    expired = _request_manage_link(client, profile, django_capture_on_commit_callbacks)
    in_eight_days = (timezone.now() + timedelta(days=8)).timestamp()
    with mock.patch("django.core.signing.time.time", return_value=in_eight_days):
        response = client.get(expired)
        assert response.status_code == 400
        page = html.unescape(response.content.decode())
        assert "M'envoyer un nouveau lien" in plain(page) and profile.email not in plain(page)
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(expired).status_code == 200
    assert mail.outbox[-1].to == [profile.email]
    fresh = link_in(mail.outbox[-1].body, "gerer/lien")
    assert fresh != expired and client.post(fresh).status_code == 302


@override_settings(DIRECTORY_MANAGE_LINK_DAYS=2)
def test_the_validity_is_a_setting(client, make_profile, django_capture_on_commit_callbacks):
    profile = make_profile()
    data = {"email": profile.email, TIMESTAMP_FIELD: form_token(client, "/annuaire/gerer/"), HONEYPOT_FIELD: ""}
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/annuaire/gerer/", data)
    assert "valable 2\u202fjours" in mail.outbox[-1].body
    link = link_in(mail.outbox[-1].body, "gerer/lien")
    with mock.patch("django.core.signing.time.time", return_value=(timezone.now() + timedelta(days=3)).timestamp()):
        assert client.get(link).status_code == 400


def test_the_approval_email_says_how_long_the_manage_link_is_valid(
    client, make_profile, django_capture_on_commit_callbacks
):
    from directory.roles import ensure_moderation_group

    from .test_admin import user_with

    profile = make_profile(status="pending")
    client.force_login(user_with(group=ensure_moderation_group()))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/directory/partnerprofile/{profile.pk}/approuver/")
    body = mail.outbox[-1].body
    assert "valable 7\u202fjours, utilisable une fois" in body
    client.logout()
    assert client.post(link_in(body, "gerer/lien")).status_code == 302


def test_ask_pause_resume_then_the_nightly_run_keeps_the_profile_published(
    client, make_profile, django_capture_on_commit_callbacks
):
    profile = make_profile(display_name="Cycle C.")
    PartnerProfile.objects.filter(pk=profile.pk).update(last_confirmed_at=timezone.now() - timedelta(days=400))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("directory_yearly_confirmation", stdout=open("/dev/null", "w"))  # ask
    assert mail.outbox[-1].to == [profile.email]
    PartnerProfile.objects.filter(pk=profile.pk).update(confirmation_requested_at=timezone.now() - timedelta(days=31))
    call_command("directory_yearly_confirmation", stdout=open("/dev/null", "w"))  # pause
    assert PartnerProfile.objects.get(pk=profile.pk).status == "paused"
    _open_space(client, profile, django_capture_on_commit_callbacks)
    assert client.post(MANAGE, {"action": "reprendre"}).status_code == 200  # resume
    assert PartnerProfile.objects.get(pk=profile.pk).status == "published"
    call_command("directory_yearly_confirmation", stdout=open("/dev/null", "w"))  # next night
    profile.refresh_from_db()
    assert profile.status == "published" and profile.confirmation_requested_at is None
    assert client.get("/annuaire/?q=cycle").context["result_count"] == 1


def test_the_request_page_says_how_long_the_link_is_valid(client, directory):
    page = html.unescape(client.get("/annuaire/gerer/").content.decode())
    assert "valable 7\u202fjours et utilisable une fois" in page and "une heure" not in page
