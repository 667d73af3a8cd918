"""Registration to an event: stored, confirmed or on the waiting list,
emails through the outbox, cancellation by a signed link promotes the first
person waiting; a full, closed or past event answers clearly (4xx on POST)."""

import re

import pytest
from django.core import mail

from agenda import tokens
from agenda.factories import EventPageFactory, RegistrationFactory, in_days
from agenda.models import Registration
from core.antiabuse import HONEYPOT_FIELD, TIMESTAMP_FIELD
from core.models import OutgoingEmail
from tests.utils import plain


def form_data(client, url, **overrides):
    token = client.get(url).context["form"].initial[TIMESTAMP_FIELD]
    data = {
        "name": "Camille Exemple (fictive)",
        "email": "camille@example.org",
        "structure": "",
        TIMESTAMP_FIELD: token,
    }
    data[HONEYPOT_FIELD] = ""
    data.update(overrides)
    return data


def cancel_link(email_body):
    return re.search(r"http://testserver(/\S+/annuler/\S+/)", email_body).group(1)


@pytest.mark.django_db
def test_a_registration_is_stored_confirmed_and_emailed(client, agenda, django_capture_on_commit_callbacks):
    event = EventPageFactory(parent=agenda, capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.url, form_data(client, event.url))
    assert response.status_code == 200
    assert "Votre inscription est enregistrée" in plain(response.content)
    registration = Registration.objects.get()
    assert registration.status == "confirmee" and registration.email == "camille@example.org"
    email = OutgoingEmail.objects.get(purpose="agenda-registration-confirmed")
    assert email.status == OutgoingEmail.Status.SENT and registration.email_ids == [email.pk]
    assert [m.to for m in mail.outbox] == [["camille@example.org"]]
    body = mail.outbox[0].body
    assert "http://testserver/agenda/" in body and "/calendrier/" in body
    assert cancel_link(body).startswith(event.url + "annuler/")
    # Never public: neither the event page nor the agenda shows who registered.
    for url in (event.url, agenda.url, agenda.url + "calendrier/", event.url + "calendrier/"):
        content = plain(client.get(url).content)
        assert "camille" not in content.lower()


@pytest.mark.django_db
def test_errors_answer_400_keep_what_was_typed_and_are_tied_to_fields(client, agenda):
    event = EventPageFactory(parent=agenda)
    response = client.post(event.url, form_data(client, event.url, email="pas-une-adresse", structure="CH fictif"))
    assert response.status_code == 400
    content = plain(response.content)
    assert 'value="CH fictif"' in content and 'value="Camille Exemple (fictive)"' in content
    assert 'aria-describedby="id_email-erreur"' in content or "id_email-erreur" in content
    assert "Saisissez une adresse électronique valide" in content
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_full_seats_go_to_the_waiting_list_then_the_form_closes(client, agenda):
    event = EventPageFactory(parent=agenda, capacity=1, waiting_list_size=1)
    RegistrationFactory(event=event)
    page = plain(client.get(event.url).content)
    assert "liste d'attente" in page and "M'inscrire sur la liste d'attente" in page
    response = client.post(event.url, form_data(client, event.url))
    assert response.status_code == 200 and "Vous êtes sur la liste d'attente" in plain(response.content)
    assert Registration.objects.filter(status="attente").count() == 1
    assert OutgoingEmail.objects.filter(purpose="agenda-registration-waiting").count() == 1
    # Seats and waiting list full: no form, a clear message; a POST gets a 409 page.
    response = client.get(event.url)
    assert response.context["form"] is None and '<form class="form"' not in response.content.decode()
    assert "Cet événement est complet" in plain(response.content)
    response = client.post(event.url, {"name": "X", "email": "x@example.org"})
    assert response.status_code == 409 and "Cet événement est complet" in plain(response.content)
    assert Registration.objects.count() == 2


@pytest.mark.django_db
def test_a_past_or_closed_event_has_no_form_and_refuses_a_post_with_410(client, agenda):
    past = EventPageFactory(parent=agenda, start=in_days(-3), end=in_days(-3, hour=17), capacity=10)
    response = client.get(past.url)
    assert response.status_code == 200 and response.context["form"] is None
    assert "Cet événement a eu lieu" in plain(response.content)
    response = client.post(past.url, {"name": "X", "email": "x@example.org"})
    assert response.status_code == 410 and "Cet événement a eu lieu" in plain(response.content)
    closed = EventPageFactory(parent=agenda, registration_closes_at=in_days(-1))
    assert "Les inscriptions à cet événement sont closes" in plain(client.get(closed.url).content)
    assert client.post(closed.url, {"name": "X", "email": "x@example.org"}).status_code == 410
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_cancelling_by_the_signed_link_promotes_the_first_person_waiting(
    client, agenda, django_capture_on_commit_callbacks
):
    event = EventPageFactory(parent=agenda, capacity=1, waiting_list_size=3)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(event.url, form_data(client, event.url, email="first@example.org"))
        client.post(event.url, form_data(client, event.url, email="second@example.org"))
        client.post(event.url, form_data(client, event.url, email="third@example.org"))
    assert list(Registration.objects.values_list("email", "status")) == [
        ("first@example.org", "confirmee"),
        ("second@example.org", "attente"),
        ("third@example.org", "attente"),
    ]
    link = cancel_link(mail.outbox[0].body)
    # GET only asks for confirmation (mail scanners follow links).
    response = client.get(link)
    assert response.status_code == 200 and "Confirmer l'annulation" in plain(response.content)
    assert Registration.objects.get(email="first@example.org").status == "confirmee"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link)
    assert response.status_code == 200 and "est annulée" in plain(response.content)
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "first@example.org": "annulee",
        "second@example.org": "confirmee",
        "third@example.org": "attente",
    }
    assert sorted(m.to[0] for m in mail.outbox) == ["first@example.org", "second@example.org"]
    promoted = next(m for m in mail.outbox if m.to == ["second@example.org"])
    assert "Une place s'est libérée" in plain(promoted.subject)
    # Twice: nothing more happens.
    assert "déjà annulée" in plain(client.post(link).content)
    assert Registration.objects.get(email="third@example.org").status == "attente"


@pytest.mark.django_db
def test_a_forged_or_foreign_cancellation_link_is_a_404_page(client, agenda):
    event = EventPageFactory(parent=agenda)
    other = EventPageFactory(parent=agenda)
    registration = RegistrationFactory(event=other)
    assert client.get(event.url + "annuler/n-importe-quoi/").status_code == 404
    assert client.post(event.url + f"annuler/{tokens.make_token(registration)}/").status_code == 404
    assert Registration.objects.get().status == "confirmee"


@pytest.mark.django_db
def test_spam_is_stored_flagged_takes_no_seat_and_gets_no_email(client, agenda, django_capture_on_commit_callbacks):
    event = EventPageFactory(parent=agenda, capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.url, form_data(client, event.url, **{HONEYPOT_FIELD: "http://spam.example"}))
    assert response.status_code == 200
    registration = Registration.objects.get()
    assert registration.is_spam and registration.status == "annulee"
    assert not mail.outbox and not OutgoingEmail.objects.exists()
    assert client.get(event.url).context["state"] == "ouverte"
