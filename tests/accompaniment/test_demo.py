"""The calls' demo: last year's call shows 67 / 42 / 20, computed from its
fictional applications; this year's call is open; a second run changes nothing."""

import re

import pytest

from accompaniment import demo
from accompaniment.models import Application, CallForProjectsIndexPage, CallForProjectsPage
from tests.utils import plain

# The demo loads on PostgreSQL in tests/core/test_demo.py and tests/search/test_demo.py; this app's
# checks of it run in the SQLite pass only (CI time).
pytestmark = pytest.mark.sqlite_only


@pytest.mark.django_db
def test_demo_calls_and_their_figures(client, home_page, domains):
    demo.load(None)
    demo.load(None)  # idempotent
    index = CallForProjectsIndexPage.objects.get()
    assert CallForProjectsPage.objects.count() == 2
    assert Application.objects.count() == 67
    html = re.sub(r">\s+<", "><", plain(client.get(index.url).content))
    assert "Candidatures reçues</dt><dd>67</dd>" in html
    assert "Recevables</dt><dd>42</dd>" in html
    assert "Retenues</dt><dd>20</dd>" in html
    current = CallForProjectsPage.objects.get(slug="appel-partenariat-en-cours")
    assert current.is_open()
    assert "Envoyer la candidature" in plain(client.get(current.url).content)
    assert not Application.objects.exclude(contact_email="efface@example.invalid").exists()
