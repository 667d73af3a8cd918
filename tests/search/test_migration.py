"""The `portal_french` text-search configuration (PostgreSQL only)."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL text-search configuration")


@postgres_only
def test_portal_french_folds_accents_and_stems():
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('portal_french', %s)::text", ["L'Éducation thérapeutique des formateurs"])
        vector = cursor.fetchone()[0]
        cursor.execute("SELECT to_tsvector('portal_french', %s)::text", ["education therapeutique formateur"])
        plain = cursor.fetchone()[0]
    assert "é" not in vector
    # Same lexemes with or without accents, plural or singular.
    assert {w.split(":")[0] for w in vector.split()} == {w.split(":")[0] for w in plain.split()}


@postgres_only
def test_portal_french_matches_unaccented_query():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('portal_french', %s) @@ plainto_tsquery('portal_french', %s)",
            ["Pair-aidance et éducation thérapeutique", "education therapeutique"],
        )
        assert cursor.fetchone()[0] is True


def test_search_backend_uses_portal_french_on_postgresql(settings):
    config = settings.WAGTAILSEARCH_BACKENDS["default"]
    if connection.vendor == "postgresql":
        assert config.get("SEARCH_CONFIG") == "portal_french"
    else:
        assert "SEARCH_CONFIG" not in config


@postgres_only
def test_portal_simple_folds_accents_without_stemming():
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('portal_simple', %s)::text", ["Éducation thérapeutique des formateurs"])
        vector = cursor.fetchone()[0]
    assert "'education'" in vector and "'formateurs'" in vector


@postgres_only
def test_autocomplete_uses_portal_simple_and_finds_unaccented_prefixes(home_page):
    from modelsearch.query import PlainText
    from wagtail.search.backends import get_search_backend

    from home.models import StandardPage

    page = StandardPage(title="Éducation thérapeutique", slug="etp")
    home_page.add_child(instance=page)
    backend = get_search_backend()
    assert backend.autocomplete_config == "portal_simple"
    found = backend.autocomplete(PlainText("educ"), StandardPage.objects.all())
    assert page.pk in [p.pk for p in found]
