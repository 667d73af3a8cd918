"""SQL queries per page do not grow with the number of sheets (5 vs 50)."""

import pytest

from resources.factories import GlossaryTermFactory
from tests.utils import count_queries

from .conftest import add_varied_sheets

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_lexicon(lexicon_page):
    GlossaryTermFactory(term="Patient partenaire")
    GlossaryTermFactory(term="Co-construction")


def measure(client, url):
    client.get(url)  # warm the per-process caches (site root paths, settings, lexicon)
    return count_queries(client, url)


URLS = [
    "/fiches-outils/",
    "/fiches-outils/?public=patients&niveau=meso&q=co-construction",
    "/fiches-outils/?theme=gouvernance&page=2",
    "/fiches-outils/fiche-0/",
    "/fiches-outils/lexique/",
    "/fiches-outils/lexique/patient-partenaire/",
]


def test_query_count_does_not_grow_with_sheets(client, sheet_index, categories, domains, with_lexicon):
    add_varied_sheets(sheet_index, categories, domains, 5)
    small = {}
    for url in URLS:
        response, small[url] = measure(client, url)
        assert response.status_code == 200, url
    add_varied_sheets(sheet_index, categories, domains, 45, start=5)
    large = {}
    for url in URLS:
        response, large[url] = measure(client, url)
        assert response.status_code == 200, url
    assert small == large
    assert max(small.values()) <= 30, small
