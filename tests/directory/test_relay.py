"""The contact relay: stored before any email, retried when SMTP is down,
double opt-in with signed single-use links, anti-abuse."""

import re
import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from core.antiabuse import HONEYPOT_FIELD
from core.models import OutgoingEmail
from directory import links
from directory.models import ContactRequest
from tests.utils import plain

from .conftest import contact_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(make_profile):
    return make_profile(display_name="Relais R.", email="relais.r@example.org", phone="06 99 88 77 66")


def post_contact(client, partner, **overrides):
    url = f"/annuaire/profil/{partner.pk}/contact/"
    return client.post(url, contact_data(client, url, **overrides))


def answer_links(body):
    return re.findall(r"http://[^\s]+/annuaire/reponse/(accepter|decliner)/([^/\s]+)/", body)


def test_request_is_stored_then_emailed_to_the_partner_only(client, partner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_contact(client, partner)
    assert response.status_code == 200
    assert "Demande envoyée" in response.content.decode()
    request = ContactRequest.objects.get()
    assert request.status == ContactRequest.Status.SENT
    email = request.outgoing_emails.get(purpose="directory-contact")
    assert email.status == OutgoingEmail.Status.SENT
    assert email.created_at >= request.created_at  # stored first
    # The partner gets the request; the structure only its receipt.
    assert [m.to for m in mail.outbox] == [["relais.r@example.org"], ["coordination@cpts-demo.example.org"]]
    assert "CPTS de démonstration" in mail.outbox[0].body
    # The structure has seen nothing of the partner's address.
    assert "relais.r@example.org" not in response.content.decode()
    receipt = OutgoingEmail.objects.get(to__contains="cpts-demo")
    assert "relais.r@example.org" not in receipt.body and "06 99 88 77 66" not in receipt.body


def test_smtp_down_the_request_is_kept_retried_and_sent_exactly_once(
    client, partner, django_capture_on_commit_callbacks
):
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=smtplib.SMTPServerDisconnected("down"),
    ):
        with django_capture_on_commit_callbacks(execute=True):
            assert post_contact(client, partner).status_code == 200
        request = ContactRequest.objects.get()
        email = request.outgoing_emails.get(purpose="directory-contact")
        assert email.status == OutgoingEmail.Status.PENDING and email.attempts == 1
        call_command("send_queued_emails", stdout=open("/dev/null", "w"))  # not due yet: nothing happens
        email.refresh_from_db()
        assert email.attempts == 1
        OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
        call_command("send_queued_emails", stdout=open("/dev/null", "w"))  # still down
        email.refresh_from_db()
        assert email.attempts == 2 and email.status == OutgoingEmail.Status.PENDING
    assert mail.outbox == []
    OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    call_command("send_queued_emails", stdout=open("/dev/null", "w"))  # SMTP is back
    call_command("send_queued_emails", stdout=open("/dev/null", "w"))
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert len(mail.outbox) == 1
    assert "Délivrance" not in request.delivery_status()
    assert "Envoyé" in ContactRequest.objects.get().delivery_status()


@override_settings(PORTAL_EMAIL_MAX_ATTEMPTS=2)
def test_after_n_failures_the_email_is_flagged_for_the_admin(client, partner, django_capture_on_commit_callbacks):
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=OSError("refused")):
        with django_capture_on_commit_callbacks(execute=True):
            post_contact(client, partner)
        OutgoingEmail.objects.update(next_attempt_at=timezone.now())
        call_command("send_queued_emails", stdout=open("/dev/null", "w"))
    assert "Échec" in ContactRequest.objects.get().delivery_status()


def _sent_links(client, partner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_contact(client, partner)
    (to_partner,) = [m for m in mail.outbox if m.to == ["relais.r@example.org"]]
    found = dict(answer_links(to_partner.body))
    assert set(found) == {"accepter", "decliner"}
    return found


def test_accept_sends_the_partner_details_to_the_structure_once(client, partner, django_capture_on_commit_callbacks):
    token = _sent_links(client, partner, django_capture_on_commit_callbacks)["accepter"]
    url = f"/annuaire/reponse/accepter/{token}/"
    page = client.get(url)  # a link scanner's GET changes nothing
    assert page.status_code == 200 and ContactRequest.objects.get().status == ContactRequest.Status.SENT
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 200
    request = ContactRequest.objects.get()
    assert request.status == ContactRequest.Status.ACCEPTED
    to_structure = mail.outbox[-2]  # then the structure's details to the partner
    assert to_structure.to == ["coordination@cpts-demo.example.org"]
    assert "relais.r@example.org" in to_structure.body and "06 99 88 77 66" in to_structure.body
    # Used once: a second use (accept or decline) is refused.
    assert client.post(url).status_code == 400
    decline = url.replace("accepter", "decliner")
    assert client.post(decline).status_code == 400
    assert ContactRequest.objects.get().status == ContactRequest.Status.ACCEPTED


def test_decline_tells_the_structure_kindly_without_the_partner_details(
    client, partner, django_capture_on_commit_callbacks
):
    token = _sent_links(client, partner, django_capture_on_commit_callbacks)["decliner"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/annuaire/reponse/decliner/{token}/")
    assert ContactRequest.objects.get().status == ContactRequest.Status.DECLINED
    message = mail.outbox[-1]
    assert message.to == ["coordination@cpts-demo.example.org"]
    assert "relais.r" not in message.body and "/annuaire/" in message.body


def test_links_are_signed_and_expire_after_21_days(client, partner, django_capture_on_commit_callbacks):
    token = _sent_links(client, partner, django_capture_on_commit_callbacks)["accepter"]
    forged = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
    assert client.post(f"/annuaire/reponse/accepter/{forged}/").status_code == 400
    request = ContactRequest.objects.get()
    other = links.make_token("contact", request.pk, "guessed-nonce")
    assert client.post(f"/annuaire/reponse/accepter/{other}/").status_code == 400
    later = timezone.now() + timedelta(days=22)
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        assert links.read_token("contact", token, links.ACCEPT_DECLINE_MAX_AGE) is None
        assert client.post(f"/annuaire/reponse/accepter/{token}/").status_code == 400
    assert ContactRequest.objects.get().status == ContactRequest.Status.SENT


def test_unanswered_requests_expire_and_the_structure_is_told_once(client, partner, django_capture_on_commit_callbacks):
    _sent_links(client, partner, django_capture_on_commit_callbacks)
    ContactRequest.objects.update(created_at=timezone.now() - timedelta(days=22))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("directory_expire_requests", stdout=open("/dev/null", "w"))
        call_command("directory_expire_requests", stdout=open("/dev/null", "w"))
    assert ContactRequest.objects.get().status == ContactRequest.Status.EXPIRED
    # The partner's request and the structure's receipt, then one notice.
    assert [m.to for m in mail.outbox][2:] == [["coordination@cpts-demo.example.org"]]
    assert "n'a pas pu donner suite dans les 21 jours" in plain(mail.outbox[-1].body)


def test_spam_is_stored_but_never_emailed(client, partner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_contact(client, partner, **{HONEYPOT_FIELD: "http://spam.example"})
    assert response.status_code == 200  # bots see the same confirmation
    request = ContactRequest.objects.get()
    assert request.status == ContactRequest.Status.SPAM and request.spam_reason == "honeypot"
    assert not request.outgoing_emails.exists() and mail.outbox == []


def test_errors_in_french_with_400_and_everything_kept(client, partner):
    response = post_contact(
        client,
        partner,
        compensation="",
        requester_email="pas-une-adresse",
        project="voir https://a.example https://b.example https://c.example",
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Indiquez la prise en charge : l'engagement doit au moins être défrayé." in plain(page)
    assert "Saisissez une adresse" in page
    assert "trop de liens" in page
    assert 'value="CPTS de démonstration"' in page
    assert ContactRequest.objects.count() == 0


@override_settings(PORTAL_RATE_LIMIT_PER_HOUR=2)
def test_rate_limit_answers_429_with_the_form_refilled(client, partner):
    for _ in range(2):
        assert post_contact(client, partner).status_code == 200
    response = post_contact(client, partner, structure_name="Structure insistante")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Trop d’envois" in page
    assert 'value="Structure insistante"' in page
    assert ContactRequest.objects.count() == 2


def test_a_structure_cannot_forge_lines_in_the_partners_email(client, partner):
    forged = "CPTS\r\nJ'accepte : http://evil.example/accepter"
    response = post_contact(client, partner, structure_name=forged)
    assert response.status_code == 400
    assert "Ce champ tient sur une seule ligne" in response.content.decode()
    assert not ContactRequest.objects.exists() and not mail.outbox
