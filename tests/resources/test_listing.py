"""The sheet listing with its own data per test: free text, pagination,
what is listed, multi-valued facets."""

import pytest

from home.factories import StandardPageFactory
from home.models import StandardPage
from resources.factories import LexiconPageFactory, ToolSheetPageFactory
from resources.models import LexiconPage, ToolSheetPage

from .conftest import make_sheet
from .test_facets import URL, listed_titles

pytestmark = pytest.mark.django_db


def test_free_text_is_accent_and_case_insensitive(client, sheet_index):
    make_sheet(sheet_index, 1, title="Évaluer un projet", summary="Les indicateurs d'expérience.")
    make_sheet(sheet_index, 2, title="Autre chose", summary="Rien à voir.")
    for query in ("EVALUER", "évaluer", "experience"):
        assert listed_titles(client.get(URL, {"q": query})) == ["Évaluer un projet"], query
    assert client.get(URL, {"q": '"(*:^' * 50}).status_code == 200


def test_pagination_keeps_filters_and_tolerates_bad_pages(client, sheet_index):
    for n in range(15):
        make_sheet(sheet_index, n, engagement_scale="micro", title=f"Fiche {n:02d}")
    first = client.get(URL + "?niveau=micro")
    assert len(first.context["results"]) == 12
    assert "niveau=micro&amp;page=2" in first.content.decode()
    second = client.get(URL + "?niveau=micro&page=2")
    assert [s.title for s in second.context["results"]] == ["Fiche 12", "Fiche 13", "Fiche 14"]
    assert client.get(URL + "?page=999").context["page_obj"].number == 2
    assert client.get(URL + "?page=abc").context["page_obj"].number == 1


def test_only_tool_sheets_are_listed(client, sheet_index):
    make_sheet(sheet_index, 1)
    LexiconPageFactory(parent=sheet_index)
    StandardPageFactory(parent=sheet_index, title="Une page libre")
    ToolSheetPageFactory(parent=sheet_index, title="Brouillon", live=False)
    response = client.get(URL)
    assert listed_titles(response) == ["Fiche numéro 1"]
    # The other children are offered as "Autres ressources".
    assert "Lexique" in response.content.decode()


def test_index_accepts_children_of_other_apps(sheet_index):
    # The tools app adds its pages under the index: subpage types stay open.
    allowed = sheet_index.specific_class.allowed_subpage_models()
    assert getattr(sheet_index.specific_class, "subpage_types", None) is None
    assert ToolSheetPage in allowed and LexiconPage in allowed and StandardPage in allowed


def test_multi_valued_audience_counts_each_sheet_once(client, sheet_index):
    make_sheet(sheet_index, 1, audiences=["patients", "professionnels"], tags=["a", "b"])
    make_sheet(sheet_index, 2, audiences=["patients"], tags=["a"])
    response = client.get(URL)
    counts = {(g.facet.param, o.value): o.count for g in response.context["facets"].groups for o in g.options}
    assert counts[("public", "patients")] == 2
    assert counts[("public", "professionnels")] == 1
    assert counts[("theme", "a")] == 2
    assert response.context["result_count"] == 2
    assert len(client.get(URL + "?public=patients").context["results"]) == 2
