"""Every path that deletes or anonymises personal data goes through one
scrubbing function and leaves nothing behind: the full-database scan
(tests/directory/dbscan.py) runs after each of them."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from core.antiabuse import HONEYPOT_FIELD, TIMESTAMP_FIELD
from core.models import OutgoingEmail
from directory.models import ContactRequest, ExperienceTheme, PartnerProfile
from directory.roles import ensure_moderation_group

from .conftest import contact_data, form_token
from .dbscan import scan
from .test_admin import user_with
from .test_registration import _open_space, link_in

pytestmark = pytest.mark.django_db

NAME = "Ysolde Unique-Qwv"
EMAIL = "ysolde.qwv@example.org"
PHONE = "07 98 76 54 32"
THEME = "Thème Qwv unique"
NEEDLES = [NAME, EMAIL, PHONE, THEME]


def last_mail_to(address):
    """The latest email sent to `address` (a request also sends the structure a receipt)."""
    return [message for message in mail.outbox if address in message.to][-1]


def traced_profile(client, make_profile, capture, **overrides):
    """A published profile with traces everywhere: an accepted request (emails
    both ways, the acceptance holds the phone), a pending one, a report."""
    fields = {"display_name": NAME, "email": EMAIL, "phone": PHONE, "themes": [THEME], "consent_health": True}
    fields.update(overrides)
    profile = make_profile(**fields)
    url = f"/annuaire/profil/{profile.pk}/contact/"
    with capture(execute=True):
        client.post(url, contact_data(client, url, project=f"Bonjour {NAME}, notre projet vous intéresse-t-il ?"))
    accept = link_in(last_mail_to(EMAIL).body, "reponse/accepter")
    with capture(execute=True):
        client.post(accept)
    with capture(execute=True):
        client.post(
            url,
            contact_data(
                client,
                url,
                requester_email="attente@structure-qwv.example.org",
                structure_name="Structure en attente",
                project=f"Second projet pour {NAME}",
            ),
        )
    report = f"/annuaire/profil/{profile.pk}/signaler/"
    with capture(execute=True):
        client.post(
            report,
            {
                "reason": "autre",
                "message": f"{NAME} ?",
                TIMESTAMP_FIELD: form_token(client, report),
                HONEYPOT_FIELD: "",
            },
        )
    assert ContactRequest.objects.filter(profile=profile, status=ContactRequest.Status.SENT).count() == 1
    found = {needle for _table, _column, needle in scan(NEEDLES)}
    assert found == set(NEEDLES)  # the scan does see them before erasure
    assert OutgoingEmail.objects.filter(body__contains=PHONE).exists()
    return profile


def test_admin_deletion_leaves_nothing_behind(client, make_profile, django_capture_on_commit_callbacks):
    profile = traced_profile(client, make_profile, django_capture_on_commit_callbacks)
    client.force_login(user_with(group=ensure_moderation_group()))
    url = f"/admin/directory/partnerprofile/delete/{profile.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    assert not PartnerProfile.objects.filter(pk=profile.pk).exists()
    assert scan(NEEDLES) == []
    assert not ExperienceTheme.objects.filter(name=THEME).exists()
    assert not ContactRequest.objects.exists()


def test_self_service_deletion_leaves_nothing_and_tells_each_waiting_structure(
    client, make_profile, django_capture_on_commit_callbacks
):
    profile = traced_profile(client, make_profile, django_capture_on_commit_callbacks)
    _open_space(client, profile, django_capture_on_commit_callbacks)
    sent_before = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/annuaire/gerer/profil/", {"action": "supprimer", "confirmer_suppression": "oui"})
    assert response.status_code == 200
    assert not PartnerProfile.objects.filter(pk=profile.pk).exists()
    assert scan(NEEDLES) == []
    assert not ExperienceTheme.objects.filter(name=THEME).exists()
    told = mail.outbox[sent_before:]
    # Only the structure whose request was waiting; the one already answered is not written to again.
    assert [m.to for m in told] == [["attente@structure-qwv.example.org"]]
    body = told[0].body
    assert "a retiré son profil" in body and "Dominique Fictif" in body
    for needle in NEEDLES + ["Second projet"]:
        assert needle.lower() not in body.lower()


def test_nightly_purge_of_unconfirmed_registrations_leaves_nothing(
    client, directory, django_capture_on_commit_callbacks
):
    from .test_registration import register

    with django_capture_on_commit_callbacks(execute=True):
        profile = register(client, django_capture_on_commit_callbacks)
    needles = ["Quentin Unique-Zyx", "quentin.zyx@example.org", "07 11 22 33 44", "Maladie rare imaginaire"]
    assert OutgoingEmail.objects.filter(to="quentin.zyx@example.org").exists()
    assert scan(needles)
    PartnerProfile.objects.filter(pk=profile.pk).update(created_at=timezone.now() - timedelta(days=9))
    call_command("directory_yearly_confirmation")
    assert not PartnerProfile.objects.exists()
    assert scan(needles) == []
    assert not ExperienceTheme.objects.exists()


def test_anonymising_a_request_deletes_its_emails(client, make_profile, django_capture_on_commit_callbacks):
    profile = make_profile(display_name="Anonyme Q.")
    url = f"/annuaire/profil/{profile.pk}/contact/"
    structure = ["Dominique Fictif", "coordination@cpts-demo.example.org", "Projet Qwv-anonymise"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, contact_data(client, url, project=f"{structure[2]} : ateliers"))
    accept = link_in(last_mail_to(profile.email).body, "reponse/accepter")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(accept)
    contact_request = ContactRequest.objects.get()
    # The request to the partner, the receipt to the structure, then the acceptance to each side.
    assert contact_request.outgoing_emails.count() == 4
    assert {needle for _t, _c, needle in scan(structure)} == set(structure)
    ContactRequest.objects.filter(pk=contact_request.pk).update(created_at=timezone.now() - timedelta(days=800))
    call_command("directory_anonymise_requests")
    assert scan(structure) == []
    assert not OutgoingEmail.objects.exists()
    assert PartnerProfile.objects.filter(pk=profile.pk).exists()  # the partner stays
