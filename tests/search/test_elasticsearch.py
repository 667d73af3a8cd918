"""Elasticsearch 9 and OpenSearch, offline: no server runs here, so we check
what the backend would send — index settings, each indexed model's mapping,
each object's document and a compiled query — by building the backend with
Wagtail's get_search_backend() (it does not contact the server)."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from modelsearch.index import get_indexed_models
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search.backends import elasticsearch_settings
from search.text import normalise, parse_query

BACKENDS = ["elasticsearch9", "opensearch2", "opensearch3"]
# Indexed models that are not public content (admin search only).
ADMIN_ONLY = {"wagtailcore.Page", "wagtaildocs.Document", "wagtailimages.Image", "core.Domain"}
ADMIN_ONLY |= {"resources.ToolSheetCategory", "resources.Competency", "resources.Reference"}


def build(name, **options):
    params = elasticsearch_settings(name, "http://search.invalid:9200", **options)
    return get_search_backend(params.pop("BACKEND"), **params)


@pytest.fixture(params=BACKENDS)
def backend(request):
    return build(request.param)


def test_settings_select_the_backend_from_the_environment():
    assert elasticsearch_settings("elasticsearch9", "http://es:9200")["BACKEND"].endswith(".elasticsearch9")
    assert elasticsearch_settings("opensearch3", "http://os:9200")["URLS"] == ["http://os:9200"]


def test_index_prefix_comes_from_the_environment():
    """SEARCH_INDEX_PREFIX names the indexes (two portals can share a cluster)."""
    environment = {**os.environ, "ELASTICSEARCH_URL": "http://es:9200", "SEARCH_INDEX_PREFIX": "occitanie"}
    environment.pop("OPENSEARCH_URL", None)
    script = "from django.conf import settings; print(settings.WAGTAILSEARCH_BACKENDS['default']['INDEX_PREFIX'])"
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**environment, "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "occitanie_"
    assert build("elasticsearch9", index_prefix="occitanie").index_prefix == "occitanie_"


def test_index_settings_hold_a_french_analyzer(backend):
    analysis = backend.settings["settings"]["analysis"]
    default = analysis["analyzer"]["default"]
    assert default["filter"] == ["french_elision", "lowercase", "asciifolding", "french_stop", "french_light_stemmer"]
    assert analysis["filter"]["french_light_stemmer"] == {"type": "stemmer", "language": "light_french"}
    assert "l" in analysis["filter"]["french_elision"]["articles"]
    # Wagtail's own analyzers are kept, the autocomplete one drops elisions.
    assert analysis["analyzer"]["edgengram_analyzer"]["filter"][0] == "french_elision"
    assert "edgengram" in analysis["filter"]
    assert backend.index_prefix == "portal_"


def public_models():
    return [m for m in get_indexed_models() if m._meta.label not in ADMIN_ONLY]


def test_every_public_model_indexes_its_normalised_search_text(backend):
    missing = []
    for model in public_models():
        properties = backend.mapping_class(model).get_mapping()["properties"]
        names = {name.rsplit("__", 1)[-1] for name in properties}
        if "search_text" not in names:
            missing.append(model._meta.label)
            continue
        field = next(v for k, v in properties.items() if k.endswith("search_text"))
        assert field["type"] == "text"
        assert "analyzer" not in field  # the French default analyzer applies
    assert missing == []


@pytest.mark.django_db
def test_documents_hold_only_public_text(corpus):
    from directory.models import PartnerProfile

    backend = build("elasticsearch9")
    profiles = list(PartnerProfile.objects.published().prefetch_related("tagged_themes__tag"))
    assert {p.consent_health for p in profiles} == {True, False}  # both cases are checked
    private_fields = {"email", "phone", "consent_health", "consent_news", "consent_listing_at", "themes"}
    for profile in profiles:
        mapping = backend.mapping_class(PartnerProfile)
        document = mapping.get_document(profile)
        assert not private_fields & set(document), sorted(document)
        text = json.dumps(document, ensure_ascii=False).lower()
        assert profile.email.lower() not in text
        assert profile.email.split("@")[0].replace("-", " ") not in text
        if profile.phone:
            assert profile.phone.replace(" ", "") not in text.replace(" ", "")
        theme_words = {normalise(t.tag.name) for t in profile.tagged_themes.all()}
        if not profile.consent_health:
            shown = document.get("search_text", "")
            leaked = [
                w for w in theme_words if w and f" {w} " in f" {shown} " and w not in normalise(profile.presentation)
            ]
            assert not leaked, (profile.pk, leaked)


@pytest.mark.django_db
def test_page_documents_carry_the_normalised_text(corpus):
    backend = build("elasticsearch9")
    page = Page.objects.get(slug="charte-du-partenariat").specific
    document = backend.mapping_class(type(page)).get_document(page)
    key = next(k for k in document if k.endswith("search_text"))
    assert "chart" in document[key].split()
    assert document["_edgengrams"]  # the title, for autocomplete


def test_queries_are_compiled_from_the_normalised_words(backend):
    query = parse_query('education therapeutiques "pair aidance"')
    compiler = backend.query_compiler_class(Page.objects.all(), query)
    sent = json.dumps(compiler.get_query())
    assert "therapeut" in sent and "therapeutiques" in sent
    assert "pair aidanc" in sent  # phrase, normalised like the indexed text
    assert "\\u00e9" not in sent and "é" not in sent
