"""Registration with double opt-in, moderation outcome, "Gérer mon profil"
and deletion that leaves no trace in any text column."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.utils import timezone

from core.antiabuse import HONEYPOT_FIELD, TIMESTAMP_FIELD
from directory.models import ContactRequest, PartnerProfile
from directory.roles import ensure_moderation_group
from tests.utils import plain

from .conftest import contact_data, form_token
from .dbscan import scan

pytestmark = pytest.mark.django_db

NAME = "Quentin Unique-Zyx"
EMAIL = "quentin.zyx@example.org"
PHONE = "07 11 22 33 44"


def registration_data(client, **overrides):
    data = {
        "display_name": NAME,
        "presentation": "Je vis avec une maladie rare et j'anime des groupes de parole.",
        "department": "31",
        "territory_visibility": "department",
        "remote_ok": "on",
        "mobility": "region",
        "trainings": "Formation ETP, 2020",
        "availability": "Le mardi",
        "association": "",
        "roles": ["pair-aidant", "patient-formateur"],
        "languages": ["fr"],
        "theme_names": "Maladie rare imaginaire",
        "consent_health_choice": "on",
        "email": EMAIL,
        "phone": PHONE,
        "consent_listing": "on",
        "charter_read": "on",
        TIMESTAMP_FIELD: form_token(client, "/annuaire/inscription/"),
        HONEYPOT_FIELD: "",
    }
    data.update(overrides)
    return data


def link_in(body, route):
    match = re.search(rf"http://[^\s]+(/annuaire/{route}/[\w-]+/)", body)
    assert match, body
    return match.group(1)


def register(client, capture):
    with capture(execute=True):
        response = client.post("/annuaire/inscription/", registration_data(client))
    assert response.status_code == 200, response.content.decode()[:3000]
    return PartnerProfile.objects.get(email=EMAIL)


def test_registration_needs_the_listing_consent_and_keeps_what_was_typed(client, directory):
    response = client.post("/annuaire/inscription/", registration_data(client, consent_listing=""))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Cochez cette case pour figurer" in page
    assert f'value="{NAME}"' in page
    assert not PartnerProfile.objects.exists()


def test_registration_double_opt_in_then_moderation(client, directory, django_capture_on_commit_callbacks):
    profile = register(client, django_capture_on_commit_callbacks)
    assert profile.status == PartnerProfile.Status.PENDING and profile.email_confirmed_at is None
    assert profile.consent_listing_at and profile.consent_health and profile.consent_health_at
    assert profile.consent_text_version
    assert [r.role for r in profile.roles.all()] == ["pair-aidant", "patient-formateur"]
    assert mail.outbox[-1].to == [EMAIL]
    confirm = link_in(mail.outbox[-1].body, "inscription/confirmer")
    assert client.get(confirm).status_code == 200  # GET alone changes nothing
    assert PartnerProfile.objects.get().email_confirmed_at is None
    client.post(confirm)
    from directory.queries import pending_registrations

    assert list(pending_registrations()) == [profile]
    assert client.post(confirm).status_code == 400  # single use
    assert client.get(f"/annuaire/profil/{profile.pk}/").status_code == 404

    moderator = User.objects.create_user("moderatrice", password="x")
    moderator.groups.add(ensure_moderation_group())
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/directory/partnerprofile/{profile.pk}/approuver/")
    assert response.status_code == 302
    client.logout()
    assert PartnerProfile.objects.get().status == PartnerProfile.Status.PUBLISHED
    assert "visible dans l'annuaire" in plain(mail.outbox[-1].body)
    assert client.get(f"/annuaire/profil/{profile.pk}/").status_code == 200
    assert client.get("/annuaire/?q=maladie+rare+imaginaire").context["result_count"] == 1
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.get(action="directory.approve")
    assert entry.label == f"Profil n° {profile.pk}" and NAME not in str(entry.data)


def test_manage_request_answers_the_same_whether_or_not_the_email_is_known(
    client, make_profile, django_capture_on_commit_callbacks
):
    make_profile(email="connue@example.org")
    pages = []
    for address in ("connue@example.org", "inconnue@example.org"):
        data = {"email": address, TIMESTAMP_FIELD: form_token(client, "/annuaire/gerer/"), HONEYPOT_FIELD: ""}
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/annuaire/gerer/", data)
        pages.append(
            (response.status_code, re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode()))
        )
    assert pages[0] == pages[1]
    assert [m.to for m in mail.outbox] == [["connue@example.org"]]


def _open_space(client, profile, capture):
    data = {"email": profile.email, TIMESTAMP_FIELD: form_token(client, "/annuaire/gerer/"), HONEYPOT_FIELD: ""}
    with capture(execute=True):
        client.post("/annuaire/gerer/", data)
    link = link_in(mail.outbox[-1].body, "gerer/lien")
    assert client.post(link).status_code == 302
    return link


def test_manage_link_is_single_use_and_valid_seven_days(client, make_profile, django_capture_on_commit_callbacks):
    profile = make_profile()
    link = _open_space(client, profile, django_capture_on_commit_callbacks)
    assert client.get("/annuaire/gerer/profil/").status_code == 200
    other = client.__class__()
    assert other.post(link).status_code == 400  # used
    assert other.get("/annuaire/gerer/profil/").status_code == 302  # no session
    data = {"email": profile.email, TIMESTAMP_FIELD: form_token(client, "/annuaire/gerer/"), HONEYPOT_FIELD: ""}
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/annuaire/gerer/", data)
    fresh = link_in(mail.outbox[-1].body, "gerer/lien")
    later = timezone.now() + timedelta(days=7, minutes=1)
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        assert other.get(fresh).status_code == 400  # expired: offers to send a new link
        other.post(fresh)
    assert other.get("/annuaire/gerer/profil/").status_code == 302  # an expired link never opens the space


def test_partner_edits_their_profile(client, make_profile, django_capture_on_commit_callbacks):
    profile = make_profile(display_name="Avant E.")
    _open_space(client, profile, django_capture_on_commit_callbacks)
    form = client.get("/annuaire/gerer/profil/").context["form"]
    data = {k: v for k, v in form.initial.items() if v not in (None, False)}
    data.update(
        action="enregistrer",
        display_name="Après E.",
        roles=form.initial["roles"],
        languages=form.initial["languages"],
        domains=[d.pk for d in form.initial["domains"]],
        theme_names=form.initial["theme_names"],
    )
    response = client.post("/annuaire/gerer/profil/", data)
    assert response.status_code == 200, response.context["form"].errors
    assert client.get("/annuaire/?q=apres").context["result_count"] == 1
    assert client.get("/annuaire/?q=avant").context["result_count"] == 0


def test_partner_pauses_then_resumes_their_profile(client, make_profile, django_capture_on_commit_callbacks):
    profile = make_profile(display_name="Pause E.")
    _open_space(client, profile, django_capture_on_commit_callbacks)
    client.post("/annuaire/gerer/profil/", {"action": "pause"})
    assert PartnerProfile.objects.get(pk=profile.pk).status == PartnerProfile.Status.PAUSED
    assert client.get("/annuaire/?q=pause").context["result_count"] == 0
    client.post("/annuaire/gerer/profil/", {"action": "reprendre"})
    assert PartnerProfile.objects.get(pk=profile.pk).status == PartnerProfile.Status.PUBLISHED
    assert client.get("/annuaire/?q=pause").context["result_count"] == 1


def test_partner_downloads_their_data(client, make_profile, django_capture_on_commit_callbacks):
    profile = make_profile(display_name="Export E.")
    _open_space(client, profile, django_capture_on_commit_callbacks)
    exported = client.get("/annuaire/gerer/profil/donnees/json/").json()
    assert exported["adresse_electronique"] == profile.email and exported["nom_affiche"] == "Export E."
    csv = client.get("/annuaire/gerer/profil/donnees/csv/").content.decode()
    assert profile.email in csv


def test_after_deletion_no_text_column_holds_the_partner_name_email_or_phone(
    client, make_profile, django_capture_on_commit_callbacks
):
    profile = make_profile(
        display_name=NAME, email=EMAIL, phone=PHONE, themes=["Thème Zyx unique"], consent_health=True
    )
    # Leave traces everywhere: a contact request, accepted (emails both ways),
    # a moderation log entry, a report, a self-service session.
    url = f"/annuaire/profil/{profile.pk}/contact/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, contact_data(client, url, project=f"Bonjour {NAME}, notre projet vous intéresse-t-il ?"))
    (request_email,) = [m for m in mail.outbox if "reponse/accepter" in m.body]
    token = link_in(request_email.body, "reponse/accepter")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(token)
    from wagtail.log_actions import log

    log(instance=profile, action="directory.approve")
    report = f"/annuaire/profil/{profile.pk}/signaler/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            report,
            {
                "reason": "autre",
                "message": f"{NAME} ?",
                TIMESTAMP_FIELD: form_token(client, report),
                HONEYPOT_FIELD: "",
            },
        )
    needles = [NAME, EMAIL, PHONE, "Thème Zyx unique"]
    assert scan(needles)  # the scan does find them before deletion
    _open_space(client, profile, django_capture_on_commit_callbacks)
    response = client.post("/annuaire/gerer/profil/", {"action": "supprimer"})
    assert response.status_code == 400 and PartnerProfile.objects.filter(pk=profile.pk).exists()
    response = client.post("/annuaire/gerer/profil/", {"action": "supprimer", "confirmer_suppression": "oui"})
    assert response.status_code == 200
    assert not PartnerProfile.objects.filter(pk=profile.pk).exists()
    assert scan(needles) == []
    assert not ContactRequest.objects.exists()
    assert client.get("/annuaire/gerer/profil/").status_code == 302
