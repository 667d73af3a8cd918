"""Answering a call: registered partner or not, confirmation by the person,
the structure accepts or declines, contact details only after both agreed."""

import pytest
from django.core import mail

from directory.factories import PartnerProfileFactory
from participation.factories import AnswerFactory, CallFactory
from participation.models import Answer
from tests.utils import plain

from .conftest import BASE, answer_data, path_of

pytestmark = pytest.mark.django_db


def test_a_free_answer_goes_through_double_opt_in(client, participation):
    call = CallFactory(contact_email="porteur@structure.example.org", contact_phone="05 99 88 77 66")
    response = client.post(f"{BASE}appel/{call.pk}/repondre/", answer_data(client, call))
    assert response.status_code == 200
    answer = Answer.objects.get()
    assert answer.status == Answer.Status.UNCONFIRMED
    assert [m.to for m in mail.outbox] == [["sacha@example.org"]]  # nothing to the structure yet

    confirm = path_of(mail.outbox[-1], "/reponse/confirmer/")
    client.post(confirm)
    answer.refresh_from_db()
    assert answer.status == Answer.Status.FORWARDED and answer.forwarded_at
    to_structure = mail.outbox[-1]
    assert to_structure.to == ["porteur@structure.example.org"]
    assert "J'accompagne mon père" in plain(to_structure.body)
    assert "sacha@example.org" not in to_structure.body and "06 12 34 56 78" not in to_structure.body

    accept = path_of(to_structure, "/reponse/accepter/")
    assert client.get(accept).status_code == 200
    assert Answer.objects.get().status == Answer.Status.FORWARDED  # a GET changes nothing
    client.post(accept)
    answer.refresh_from_db()
    assert answer.status == Answer.Status.ACCEPTED and answer.responded_at
    by_recipient = {m.to[0]: m.body for m in mail.outbox[-2:]}
    assert "sacha@example.org" in by_recipient["porteur@structure.example.org"]
    assert "06 12 34 56 78" in by_recipient["porteur@structure.example.org"]
    assert "porteur@structure.example.org" in by_recipient["sacha@example.org"]
    assert client.post(accept).status_code == 400  # single use


def test_a_registered_partner_answers_with_the_profile_address(client, participation):
    profile = PartnerProfileFactory(email="aline@example.org", phone="06 00 11 22 33")
    call = CallFactory(allow_non_registered=False)
    data = answer_data(client, call, mode="profil", email="Aline@Example.org", name="", phone="")
    data.pop("name"), data.pop("phone")
    assert client.post(f"{BASE}appel/{call.pk}/repondre/", data).status_code == 200
    answer = Answer.objects.get()
    assert answer.profile == profile and answer.email == ""
    client.post(path_of(mail.outbox[-1], "/reponse/confirmer/"))
    assert profile.display_name in mail.outbox[-1].body
    client.post(path_of(mail.outbox[-1], "/reponse/decliner/"))
    answer.refresh_from_db()
    assert answer.status == Answer.Status.DECLINED
    decline = mail.outbox[-1]
    assert decline.to == ["aline@example.org"] and call.contact_email not in decline.body


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, participation):
    call = CallFactory()
    data = answer_data(client, call, mode="profil", email="inconnu@example.org")
    response = client.post(f"{BASE}appel/{call.pk}/repondre/", data)
    assert response.status_code == 200 and "Si cette adresse est celle d" in plain(response.content)
    assert not Answer.objects.exists() and not mail.outbox


def test_a_call_for_registered_partners_only_has_no_free_mode(client, participation):
    call = CallFactory(allow_non_registered=False)
    response = client.post(f"{BASE}appel/{call.pk}/repondre/", answer_data(client, call))
    assert response.status_code == 400 and not Answer.objects.exists()


def test_form_errors_keep_the_text_and_answer_400(client, participation):
    call = CallFactory()
    data = answer_data(client, call, name="", message="Mon message gardé")
    response = client.post(f"{BASE}appel/{call.pk}/repondre/", data)
    assert response.status_code == 400
    assert "Mon message gardé" in plain(response.content) and "Indiquez votre nom" in plain(response.content)


def test_rate_limit_on_answers(client, participation, settings):
    settings.PORTAL_RATE_LIMIT_PER_HOUR = 1
    call = CallFactory()
    client.post(f"{BASE}appel/{call.pk}/repondre/", answer_data(client, call))
    response = client.post(f"{BASE}appel/{call.pk}/repondre/", answer_data(client, call, email="autre@example.org"))
    assert response.status_code == 429


def test_the_manage_page_lists_answers_and_decides(client, participation):
    from participation.views import manage_path

    call = CallFactory()
    answer = AnswerFactory(call=call, name="Noé Fictif")
    AnswerFactory(call=call, status=Answer.Status.UNCONFIRMED, name="Pas encore confirmé")
    url = manage_path(participation, call)
    content = plain(client.get(url).content)
    assert "Noé Fictif" in content and "Pas encore confirmé" not in content
    assert answer.email not in content
    client.post(url, {"action": "accepter", "reponse": answer.pk})
    answer.refresh_from_db()
    assert answer.status == Answer.Status.ACCEPTED
    assert {tuple(m.to) for m in mail.outbox} == {(call.contact_email,), (answer.email,)}


def test_an_answer_to_a_closed_call_is_not_forwarded(client, participation):
    call = CallFactory()
    client.post(f"{BASE}appel/{call.pk}/repondre/", answer_data(client, call))
    call.status = call.Status.FILLED
    call.save()
    assert client.post(path_of(mail.outbox[-1], "/reponse/confirmer/")).status_code == 400
    assert Answer.objects.get().status == Answer.Status.UNCONFIRMED
