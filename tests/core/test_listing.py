"""core.listing on plain Wagtail pages: facets, free text, sort and page
combine in the context every listing template reads; whatever cannot be
applied is reported and left out; the number of queries does not grow."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

import core.listing
from core.facets import Facet
from core.listing import Listing, Sort

pytestmark = pytest.mark.django_db

LISTING = Listing(
    facets=[Facet("niveau", "Niveau", "depth", options=lambda: [("2", "Accueil"), ("3", "Rubrique")])],
    sorts=[Sort("titre", "Titre", ("title", "pk")), Sort("recent", "Les plus récentes", ("-pk",))],
    per_page=2,
)


def add_pages(home_page, n, start=0):
    for i in range(start, start + n):
        home_page.add_child(instance=Page(title=f"Rubrique {i:02d}", slug=f"rubrique-{i}"))


def run(url):
    request = RequestFactory().get(url)
    return LISTING.context(request, Page.objects.filter(depth__gte=2))


def test_facet_sort_and_page_combine_and_are_kept(home_page):
    add_pages(home_page, 5)
    context = run("/?niveau=3&tri=recent&page=2")
    assert context["result_count"] == 5 and context["filtered"] and context["sort"] == "recent"
    assert [p.title for p in context["results"]] == ["Rubrique 02", "Rubrique 01"]
    assert context["page_obj"].object_list == context["results"]
    assert context["kept_params"] == [("niveau", "3"), ("tri", "recent")]
    assert context["sorts"] == [("titre", "Titre"), ("recent", "Les plus récentes")]
    assert context["facets"].ignored == []
    counts = {o.value: o.count for g in context["facets"].groups for o in g.options}
    assert counts == {"2": 1, "3": 5}


def test_default_sort_is_not_kept_and_nothing_is_filtered(home_page):
    add_pages(home_page, 3)
    context = run("/")
    assert context["sort"] == "titre" and context["kept_params"] == [] and not context["filtered"]
    assert [p.title for p in context["results"]] == ["Accueil", "Rubrique 00"]
    assert context["result_count"] == 4


def test_what_cannot_be_applied_is_reported_and_left_out(home_page):
    add_pages(home_page, 5)
    context = run("/?niveau=9&tri=hasard&page=abc")
    assert context["facets"].ignored == ["Niveau : « 9 »", "Tri : « hasard »", "Page : « abc »"]
    assert context["sort"] == "titre" and context["page_obj"].number == 1 and context["result_count"] == 6
    assert all("hasard" not in option.url for g in context["facets"].groups for option in g.options)
    beyond = run("/?page=99")
    assert beyond["page_obj"].number == 3 and beyond["facets"].ignored == ["Page : « 99 »"]
    assert run("/?page=3")["facets"].ignored == []


def test_free_text_narrows_the_results_and_the_counts(home_page):
    add_pages(home_page, 3)
    home_page.add_child(instance=Page(title="Atelier de co-construction", slug="atelier"))
    context = run("/?q=co-construction")
    assert [p.title for p in context["results"]] == ["Atelier de co-construction"]
    assert context["query"] == "co-construction" and context["filtered"]
    assert {o.value: o.count for g in context["facets"].groups for o in g.options} == {"3": 1}


def test_a_broad_search_gives_the_same_results_as_a_narrow_one(home_page, monkeypatch):
    """Up to MAX_MATERIALISED_MATCHES the matching keys are read once, beyond
    they stay a subquery: the page, the count and the facet counts agree."""
    for i in range(3):
        home_page.add_child(instance=Page(title=f"Atelier {i} de co-construction", slug=f"atelier-{i}"))
    add_pages(home_page, 2)
    narrow = run("/?q=co-construction&tri=recent")
    monkeypatch.setattr(core.listing, "MAX_MATERIALISED_MATCHES", 2)
    broad = run("/?q=co-construction&tri=recent")
    assert (
        [p.title for p in broad["results"]]
        == [p.title for p in narrow["results"]]
        == ["Atelier 2 de co-construction", "Atelier 1 de co-construction"]
    )
    assert broad["result_count"] == narrow["result_count"] == 3
    for context in (narrow, broad):
        assert {o.value: o.count for g in context["facets"].groups for o in g.options} == {"3": 3}


def measure(url):
    with CaptureQueriesContext(connection) as queries:
        run(url)
    return [q["sql"] for q in queries.captured_queries]


def test_queries_do_not_grow_and_the_shown_page_needs_no_distinct(home_page):
    url = "/?niveau=3&tri=recent&page=2"
    add_pages(home_page, 5)
    small = measure(url)
    add_pages(home_page, 45, start=5)
    large = measure(url)
    assert len(small) == len(large) == 3  # one facet count, the count, the page
    count_sql, page_sql = large[1], large[2]
    for sql in (count_sql, page_sql):
        outer = sql.split(" IN (SELECT")[0]
        assert "DISTINCT" not in outer, sql
