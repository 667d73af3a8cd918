"""Wording of the directory: gender-neutral where the partner's gender is
unknown, and no first-person text written for partners shown to structures."""

import re
from html import unescape

import pytest
from django.core import mail

from tests.utils import plain

from .conftest import contact_data

pytestmark = pytest.mark.django_db

GENDERED = re.compile(r"\b(?:s'il|il accepte|il ou elle|informé|mis en relation|sollicité)\b", re.IGNORECASE)
FIRST_PERSON = re.compile(r"\b(?:mon|ma|mes|moi|je|j')\b", re.IGNORECASE)


def text(response):
    html = response.content.decode()
    main = re.search(r"<main.*?</main>", html, re.S).group(0)
    return plain(unescape(re.sub(r"<[^>]+>", " ", main)))


@pytest.fixture
def aline(make_profile):
    return make_profile(display_name="Aline A.", mobility="departement", email="aline.a@example.org")


def test_what_a_structure_reads_is_gender_neutral(client, aline, django_capture_on_commit_callbacks):
    profile = text(client.get(f"/annuaire/profil/{aline.pk}/"))
    assert "Contacter Aline A." in plain(profile) and "En cas d'accord" in plain(profile)
    url = f"/annuaire/profil/{aline.pk}/contact/"
    form = text(client.get(url))
    assert "transmis par le portail à Aline A." in form
    with django_capture_on_commit_callbacks(execute=True):
        sent = text(client.post(url, contact_data(client, url)))
    assert "Aline A., qui dispose de 21 jours pour répondre" in sent
    for page in (profile, form, sent):
        assert not GENDERED.search(page), GENDERED.search(page)
    (to_partner,) = [m for m in mail.outbox if m.to == ["aline.a@example.org"]]
    assert "J'accepte la mise en relation" in plain(to_partner.body)
    for message in mail.outbox:
        assert not GENDERED.search(message.body), (message.subject, GENDERED.search(message.body))


def test_first_person_choices_are_not_shown_to_structures(client, make_profile):
    for value, public in (
        ("local", "Près de son domicile"),
        ("departement", "Dans son département"),
        ("region", "Dans toute sa région"),
        ("national", "Partout en France"),
    ):
        profile = make_profile(mobility=value, presentation="", trainings="", availability="", association="")
        page = text(client.get(f"/annuaire/profil/{profile.pk}/"))
        facts = re.search(r"En bref(.*?)Prendre contact", page, re.S).group(1)
        assert public in facts
        assert not FIRST_PERSON.search(facts), FIRST_PERSON.search(facts)
