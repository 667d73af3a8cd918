"""The relay as a conversation: the structure gets a receipt, both sides get
each other's details on acceptance, the answer page names the request, the
decline names the project and the partner's display name."""

import re

import pytest
from django.core import mail

from directory.models import ContactRequest
from tests.utils import plain

from .conftest import contact_data

pytestmark = pytest.mark.django_db

NNBSP = "\u202f"
STRUCTURE = "coordination@cpts-demo.example.org"


@pytest.fixture
def partner(make_profile):
    return make_profile(display_name="Aline A.", email="aline.a@example.org", phone="06 12 34 56 78")


def send_request(client, partner, django_capture_on_commit_callbacks, **overrides):
    url = f"/annuaire/profil/{partner.pk}/contact/"
    data = contact_data(client, url, requester_phone="05 61 00 00 00", **overrides)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 200
    return response


def to(address):
    return [m for m in mail.outbox if m.to == [address]]


def answer_url(action):
    (request_email,) = to("aline.a@example.org")
    token = re.search(rf"/annuaire/reponse/{action}/([^/\s]+)/", request_email.body).group(1)
    return f"/annuaire/reponse/{action}/{token}/"


def test_the_structure_gets_a_receipt_of_what_it_asked_and_of_what_happens_next(
    client, partner, django_capture_on_commit_callbacks
):
    send_request(client, partner, django_capture_on_commit_callbacks)
    (receipt,) = to(STRUCTURE)
    assert receipt.subject == "Votre demande de contact à Aline A."
    body = receipt.body
    assert "Votre demande a bien été transmise à Aline A. par l'annuaire" in plain(body)
    assert "Nous construisons un programme d'éducation thérapeutique" in plain(body)  # what it asked
    assert f"Dates ou durée{NNBSP}: De mars à juin 2027" in body
    assert "21 jours" in plain(body) and f"Et maintenant{NNBSP}?" in body  # what happens next
    # Nothing of the partner but the display name.
    assert "aline.a@example.org" not in body and "06 12 34 56 78" not in body
    assert ContactRequest.objects.get().outgoing_emails.filter(purpose="directory-contact-receipt").count() == 1


def test_no_receipt_for_spam(client, partner, django_capture_on_commit_callbacks):
    from core.antiabuse import HONEYPOT_FIELD

    send_request(client, partner, django_capture_on_commit_callbacks, **{HONEYPOT_FIELD: "x"})
    assert mail.outbox == []


def test_the_answer_page_names_the_request_it_acts_on(client, partner, django_capture_on_commit_callbacks):
    send_request(client, partner, django_capture_on_commit_callbacks)
    for action in ("accepter", "decliner"):
        page = client.get(answer_url(action)).content.decode()
        assert "CPTS de démonstration (CPTS" in page
        assert "Nous construisons un programme d'éducation thérapeutique" in plain(page)
        assert "De mars à juin 2027" in page
    assert ContactRequest.objects.get().status == ContactRequest.Status.SENT


def test_on_acceptance_both_sides_get_each_others_details(client, partner, django_capture_on_commit_callbacks):
    send_request(client, partner, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(answer_url("accepter")).status_code == 200
    to_structure = to(STRUCTURE)[-1]
    assert "aline.a@example.org" in to_structure.body and "06 12 34 56 78" in to_structure.body
    to_partner = to("aline.a@example.org")[-1]
    assert to_partner.subject == f"Mise en relation acceptée{NNBSP}: CPTS de démonstration"
    assert "Dominique Fictif, CPTS de démonstration" in to_partner.body
    assert f"Adresse électronique{NNBSP}: {STRUCTURE}" in to_partner.body
    assert f"Téléphone{NNBSP}: 05 61 00 00 00" in to_partner.body
    emails = ContactRequest.objects.get().outgoing_emails
    assert emails.filter(purpose="directory-contact-accepted-partner", to="aline.a@example.org").count() == 1


def test_the_decline_names_the_project_and_the_display_name(client, partner, django_capture_on_commit_callbacks):
    send_request(client, partner, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(answer_url("decliner")).status_code == 200
    body = to(STRUCTURE)[-1].body
    assert "Aline A. ne peut pas donner suite pour le moment" in body
    assert f"pour le projet «{NNBSP}Nous construisons un programme" in body
    assert "aline.a@example.org" not in body and "06 12 34 56 78" not in body
