"""Fixtures for the calls for participation: the page at
/appels-a-participation/, calls and answers built by the factories, forms
as a browser posts them, and emails read from Django's outbox."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from core.antiabuse import HONEYPOT_FIELD, TIMESTAMP_FIELD
from core.factories import domains
from participation.factories import ParticipationPageFactory

BASE = "/appels-a-participation/"


@pytest.fixture
def participation(site, home_page):
    domains()
    return ParticipationPageFactory(parent=home_page)


@pytest.fixture
def directory_page(site, home_page):
    from directory.factories import DirectoryPageFactory

    return DirectoryPageFactory(parent=home_page)


def form_token(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.context["form"].initial[TIMESTAMP_FIELD]


def call_data(client, **overrides):
    data = {
        "structure_name": "CPTS du Causse (fictive)",
        "structure_type": "cpts",
        "contact_name": "Dominique Fictif",
        "contact_email": "coordination@cpts-causse.example.org",
        "contact_phone": "05 11 22 33 44",
        "title": "Un regard patient pour notre parcours diabète",
        "project": "Nous revoyons le parcours des personnes vivant avec un diabète et voulons le faire avec elles.",
        "role": "patient-ressource",
        "domain": "",
        "remote": "on",
        "departments": ["31"],
        "dates": "De mars à juin 2027",
        "time_commitment": "Trois réunions de deux heures",
        "compensation": "defraiement",
        "benefits": "Un rôle reconnu dans le comité de pilotage.",
        "deadline": (timezone.localdate() + timedelta(days=20)).isoformat(),
        "partners_wanted": "2",
        "allow_non_registered": "on",
        "consent": "on",
        TIMESTAMP_FIELD: form_token(client, BASE + "proposer/"),
        HONEYPOT_FIELD: "",
    }
    data.update(overrides)
    return data


def answer_data(client, call, **overrides):
    data = {
        "mode": "libre",
        "email": "sacha@example.org",
        "name": "Sacha Fictif",
        "phone": "06 12 34 56 78",
        "message": "J'accompagne mon père diabétique depuis dix ans.",
        "consent": "on",
        TIMESTAMP_FIELD: form_token(client, f"{BASE}appel/{call.pk}/repondre/"),
        HONEYPOT_FIELD: "",
    }
    data.update(overrides)
    return data


def links_in(message):
    """The portal links of an email body, in order."""
    return re.findall(r"http://testserver(/[^\s]+)|https?://[^/\s]+(/[^\s]+)", message.body)


def path_of(message, fragment):
    """The path of the first link of `message` containing `fragment`."""
    for url in re.findall(r"https?://\S+", message.body):
        if fragment in url:
            return "/" + url.split("/", 3)[3]
    raise AssertionError(f"no link with {fragment!r} in:\n{message.body}")


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _send_at_once(monkeypatch):
    """Each test runs in a transaction that never commits: run the outbox's
    on-commit callbacks at once, so the (immediate) email task sends into
    Django's mail.outbox as it would after the commit."""
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())
