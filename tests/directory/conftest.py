"""Fixtures for the directory: the page at /annuaire/ and profile factories."""

import itertools

import pytest

from core.antiabuse import HONEYPOT_FIELD, TIMESTAMP_FIELD

_counter = itertools.count(50_000)


@pytest.fixture
def directory(site, home_page):
    from core.demo import ensure_domains
    from directory.demo import ensure_directory_page

    ensure_domains()
    return ensure_directory_page(home_page)


@pytest.fixture
def make_profile(directory):
    """Create a published (by default) profile; keyword overrides."""
    from core.models import Domain
    from directory.demo import create_partner
    from directory.fake import partner_data
    from directory.models import PartnerProfile

    def make(status=PartnerProfile.Status.PUBLISHED, **overrides):
        index = next(_counter)
        data = partner_data(index, ["31", "34", "30"], list(Domain.objects.order_by("pk")))
        data.update(overrides)
        return create_partner(data, status=status)

    return make


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
