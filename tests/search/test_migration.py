"""The `portal_french` text-search configuration (PostgreSQL only)."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


@pytest.mark.postgres_only
def test_portal_french_folds_accents_and_stems():
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('portal_french', %s)::text", ["L'Éducation thérapeutique des formateurs"])
        vector = cursor.fetchone()[0]
        cursor.execute("SELECT to_tsvector('portal_french', %s)::text", ["education therapeutique formateur"])
        plain = cursor.fetchone()[0]
    assert "é" not in vector
    # Same lexemes with or without accents, plural or singular.
    assert {w.split(":")[0] for w in vector.split()} == {w.split(":")[0] for w in plain.split()}


@pytest.mark.postgres_only
def test_portal_french_matches_unaccented_query():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('portal_french', %s) @@ plainto_tsquery('portal_french', %s)",
            ["Pair-aidance et éducation thérapeutique", "education therapeutique"],
        )
        assert cursor.fetchone()[0] is True


@pytest.mark.postgres_only
def test_search_backend_uses_portal_french_on_postgresql(settings):
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "portal_french"


@pytest.mark.sqlite_only
def test_search_backend_has_no_text_search_configuration_on_sqlite(settings):
    assert "SEARCH_CONFIG" not in settings.WAGTAILSEARCH_BACKENDS["default"]


@pytest.mark.postgres_only
def test_portal_simple_folds_accents_without_stemming():
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('portal_simple', %s)::text", ["Éducation thérapeutique des formateurs"])
        vector = cursor.fetchone()[0]
    assert "'education'" in vector and "'formateurs'" in vector


@pytest.mark.postgres_only
def test_autocomplete_uses_portal_simple_and_finds_unaccented_prefixes(home_page):
    from modelsearch.query import PlainText
    from wagtail.search.backends import get_search_backend

    from home.factories import StandardPageFactory
    from home.models import StandardPage

    page = StandardPageFactory(parent=home_page, title="Éducation thérapeutique", slug="etp")
    backend = get_search_backend()
    assert backend.autocomplete_config == "portal_simple"
    found = backend.autocomplete(PlainText("educ"), StandardPage.objects.all())
    assert page.pk in [p.pk for p in found]
