"""Fixtures for the directory: the page at /annuaire/, partner profiles
built by the factory, and the contact form as a browser posts it."""

import pytest

from core.antiabuse import HONEYPOT_FIELD, TIMESTAMP_FIELD
from core.factories import domains
from directory.factories import DirectoryPageFactory, PartnerProfileFactory


@pytest.fixture
def directory(site, home_page):
    domains()
    return DirectoryPageFactory(parent=home_page)


@pytest.fixture
def make_profile(directory):
    """Create a published (by default) profile; keyword overrides."""
    return PartnerProfileFactory


def form_token(client, url, form_key="form"):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.context[form_key].initial[TIMESTAMP_FIELD]


def contact_data(client, url, **overrides):
    data = {
        "requester_name": "Dominique Fictif",
        "structure_name": "CPTS de démonstration",
        "structure_type": "cpts",
        "requester_email": "coordination@cpts-demo.example.org",
        "requester_phone": "",
        "project": "Nous construisons un programme d'éducation thérapeutique et cherchons un regard patient.",
        "expected_role": "Participer à trois ateliers de co-construction.",
        "dates": "De mars à juin 2027",
        "place": "Toulouse",
        "remote": "on",
        "compensation": "defraiement",
        TIMESTAMP_FIELD: form_token(client, url),
        HONEYPOT_FIELD: "",
    }
    data.update(overrides)
    return data


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache: start each test from zero."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
