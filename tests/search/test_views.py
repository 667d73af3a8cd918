"""The site search page and its autocomplete, through Django's test client
on a corpus built by factories (once for the module, see conftest)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction

from directory.factories import PartnerProfileFactory
from home.factories import StandardPageFactory
from tests.utils import plain

URL = "/recherche/"
SUGGEST = "/recherche/suggestions/"


def titles(response):
    html = response.content.decode()
    return re.findall(r'class="search-result__title"><a href="[^"]*">([^<]+)</a>', html)


def result_urls(response):
    return re.findall(r'class="search-result__title"><a href="([^"]*)">', response.content.decode())


def test_results_show_type_title_link_and_highlighted_excerpt(client, corpus):
    response = client.get(URL, {"q": "education therapeutique"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Éducation thérapeutique du patient" in titles(response)
    assert 'class="search-result__type">Terme du lexique<' in html
    assert re.search(r"<mark>[ÉéEe]ducation</mark>", html)
    assert "<mark>thérapeutique</mark>" in html
    assert response.context["outcome"].total >= 3


def test_every_result_type_is_found(client, corpus):
    outcome = client.get(URL, {"q": "partenaires"}).context["outcome"]
    keys = {t.key for t in outcome.types}
    assert {"toolsheetpage", "projectpage", "lexique"} <= keys
    assert sum(t.count for t in outcome.types) == outcome.total


def test_type_filter_limits_results_and_keeps_every_count(client, corpus):
    everything = client.get(URL, {"q": "patients"}).context["outcome"]
    response = client.get(URL, {"q": "patients", "type": "lexique"})
    outcome = response.context["outcome"]
    counts = {t.key: t.count for t in everything.types}
    assert {t.key: t.count for t in outcome.types} == counts
    assert outcome.page_obj.paginator.count == counts["lexique"]
    assert {r.type_label for r in outcome.results} == {"Terme du lexique"}
    assert 'aria-current="true" class="is-selected">Terme du lexique' in response.content.decode()


def test_pagination_is_exact_and_bad_page_numbers_are_harmless(client, corpus):
    first = client.get(URL, {"q": "patient"})
    outcome = first.context["outcome"]
    assert outcome.page_obj.paginator.num_pages >= 2
    second = client.get(URL, {"q": "patient", "page": 2})
    assert second.context["outcome"].page_obj.number == 2
    assert not set(result_urls(first)) & set(result_urls(second))
    last = outcome.page_obj.paginator.num_pages
    # Not a number: the first page; a number out of range: the last one.
    for page, shown in [("abc", 1), ("1e9", 1), ("", 1), ("-1", last), ("0", last), (str(10**30), last)]:
        response = client.get(URL, {"q": "patient", "page": page})
        assert response.status_code == 200
        assert response.context["outcome"].page_obj.number == shown, page


@pytest.fixture
def hidden_pages(corpus):
    draft = StandardPageFactory(parent=corpus, title="Zorglub en brouillon", intro="Zorglub caché.", live=False)
    private = StandardPageFactory(parent=corpus, title="Zorglub réservé", intro="Zorglub privé.")
    restriction = PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Zorglub"))
    public = StandardPageFactory(parent=corpus, title="Zorglub public", intro="Zorglub visible.")
    return draft, private, public


def test_only_live_public_pages_are_returned(client, hidden_pages):
    response = client.get(URL, {"q": "zorglub"})
    assert titles(response) == ["Zorglub public"]
    assert [r["title"] for r in client.get(SUGGEST, {"q": "zorgl"}).json()["results"]] == ["Zorglub public"]


def test_unpublished_profiles_are_never_returned_even_if_indexed(client, corpus):
    from wagtail.search.backends import get_search_backend

    from directory.models import PartnerProfile

    profile = PartnerProfile.objects.published().first()
    profile.presentation = "Ma passion : le xylophone quadriphonique."
    profile.save()
    profile.sync_search_index()
    assert titles(client.get(URL, {"q": "xylophone"})) == [profile.display_name]
    profile.status = PartnerProfile.Status.PAUSED
    profile.save()
    get_search_backend().add(profile)  # still in the index, as a stale entry would be
    assert titles(client.get(URL, {"q": "xylophone"})) == []


def test_matched_words_are_highlighted_and_user_input_is_escaped(client, corpus):
    StandardPageFactory(
        parent=corpus,
        title="Atelier <b>gras</b>",
        slug="atelier-balise",
        intro="Les formateurs & les <script>alert(1)</script> aidants.",
    )
    response = client.get(URL, {"q": "<script>formateurs</script> alert"})
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<script>formateurs" not in html
    assert "Atelier &lt;b&gt;gras&lt;/b&gt;" in html
    assert "<mark>formateurs</mark>" in html


def test_promoted_results_come_first(client, corpus):
    charter = Page.objects.get(slug="charte-du-partenariat")
    query = Query.get("partenaires")
    SearchPromotion.objects.create(query=query, page=charter, description="La charte signée par les partenaires.")
    response = client.get(URL, {"q": "Partenaires"})
    html = response.content.decode()
    assert "Sélection de l’équipe éditoriale" in html
    promoted_at = html.index("search-result--promoted")
    assert promoted_at < html.index('class="search-result"')
    assert response.context["outcome"].promotions[0].title == "Charte du partenariat"
    # Not on page 2, nor with a type filter.
    assert not client.get(URL, {"q": "partenaires", "page": 2}).context["outcome"].promotions


def test_queries_are_logged_cheaply(client, corpus):
    def hits(text):
        query = Query.objects.filter(query_string=text).first()
        return query.hits if query else 0

    client.get(URL, {"q": "Pair aidance"})
    assert hits("pair aidance") == 1
    client.get(URL, {"q": "pair aidance"})  # same client again: counted once
    assert hits("pair aidance") == 1
    client.get(URL, {"q": "pair aidance"}, REMOTE_ADDR="10.0.0.2")
    assert hits("pair aidance") == 2
    client.get(URL, {"q": "charte", "page": 2})
    client.get(URL, {"q": ""})
    client.get(URL, {"q": "   "})
    assert hits("charte") == 0
    assert not Query.objects.filter(query_string="").exists()


def test_no_result_proposes_close_lexicon_terms_and_the_pillars(client, corpus):
    response = client.get(URL, {"q": "patiant partenere"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Aucun résultat pour « patiant partenere »" in plain(html)
    assert "Vouliez-vous dire" in html
    assert re.search(r"Vouliez-vous dire :\s*<a href=\"/recherche/\?q=Patient%20partenaire\">", plain(html))
    assert "Parcourir les rubriques" in html
    assert 'href="/fiches-outils/"' in html and 'href="/annuaire/"' in html
    assert "/fiches-outils/lexique/" in html


def test_any_word_is_used_when_no_item_holds_them_all(client, corpus):
    outcome = client.get(URL, {"q": "charte zorglubesque"}).context["outcome"]
    assert outcome.relaxed
    assert "Charte du partenariat" in [r.title for r in outcome.results]


def test_common_words_only_get_a_message(client, corpus):
    response = client.get(URL, {"q": "les des et"})
    assert response.status_code == 200
    assert "mots trop courants" in response.content.decode()


def test_autocomplete_returns_at_most_eight_titles_with_type_and_url(client, corpus):
    data = client.get(SUGGEST, {"q": "pat"}).json()
    assert 1 <= len(data["results"]) <= 8
    assert set(data["results"][0]) == {"title", "type", "url"}
    assert all(r["url"].startswith("/") for r in data["results"])
    found = client.get(SUGGEST, {"q": "educ"}).json()["results"]
    assert found[0]["title"].startswith("Éducation")
    assert {"title": "Pair-aidance", "type": "Terme du lexique", "url": "/fiches-outils/lexique/pair-aidance/"} in (
        client.get(SUGGEST, {"q": "pair aid"}).json()["results"]
    )
    assert client.get(SUGGEST, {"q": ""}).json()["results"] == []
    assert client.get(SUGGEST, {"q": "education therapeutiques"}).json()["results"][0]["title"].startswith("Éducation")


def test_search_page_accepts_get_only(client, corpus):
    assert client.post(URL, {"q": "x"}).status_code == 405


def add_content(root, start, n):
    """n standard pages and n partners that match "partenaire projet"."""
    for i in range(start, start + n):
        StandardPageFactory(parent=root, title=f"Partenariat numéro {i}", intro="Un partenaire, un projet.")
        PartnerProfileFactory(presentation="Partenaire et patient depuis dix ans, engagé dans un projet.")


@pytest.mark.parametrize(("path", "type_key"), [(URL, "standardpage"), (URL, "partenaire"), (SUGGEST, None)])
def test_query_count_does_not_grow_with_data(client, corpus, path, type_key):
    """Equal counts at two sizes for one result type, and for the autocomplete."""
    add_content(corpus, 0, 3)
    params = {"q": "partenaire projet", **({"type": type_key} if type_key else {})}
    client.get(path, params)
    small = queries(client, path, params)
    add_content(corpus, 3, 30)
    client.get(path, params)
    large = queries(client, path, params)
    assert len(small) == len(large), "\n".join(q["sql"][:150] for q in [*small, {"sql": "-----"}, *large])
    assert len(large) <= 15


def test_query_count_of_all_types_does_not_grow_with_the_results_shown(client, corpus):
    """Unfiltered, with two result types on the page: one of each, then five
    of each (the whole first page)."""
    params = {"q": "zorblax"}

    def add(start, n):
        for i in range(start, start + n):
            StandardPageFactory(parent=corpus, title=f"Atelier zorblax {i}", intro="Un atelier zorblax.")
            PartnerProfileFactory(presentation="Patient partenaire, animateur d'ateliers zorblax.")

    def measure(expected_results):
        client.get(URL, params)
        count = len(queries(client, URL, params))
        results = client.get(URL, params).context["outcome"].results
        assert len(results) == expected_results
        assert len({r.type_label for r in results}) == 2
        return count

    add(0, 1)
    small = measure(2)
    add(1, 4)
    large = measure(10)
    assert small == large
    assert large <= 15


def queries(client, path, params):
    with CaptureQueriesContext(connection) as ctx:
        client.get(path, params)
    return ctx.captured_queries


def test_hidden_matches_ranked_first_do_not_hide_visible_ones(client, corpus):
    """More hidden entries than the ranking's spare room: the ranking is
    redone with the visibility test on every match."""
    for i in range(60):
        StandardPageFactory(parent=corpus, title=f"Quokka quokka quokka {i}", intro="Quokka quokka.", live=False)
    StandardPageFactory(parent=corpus, title="Un seul quokka", intro="Un texte plus long sur le quokka publié.")
    assert titles(client.get(URL, {"q": "quokka"})) == ["Un seul quokka"]


@override_settings(PORTAL_TRUSTED_PROXIES="1")
def test_the_search_log_counts_each_visitor_behind_the_proxy_once(client, corpus):
    url = "/recherche/"
    client.get(url, {"q": "pair aidance"}, REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="198.51.100.23")
    client.get(url, {"q": "pair aidance"}, REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.23")
    assert Query.objects.get(query_string="pair aidance").hits == 1
    client.get(url, {"q": "pair aidance"}, REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert Query.objects.get(query_string="pair aidance").hits == 2


@pytest.mark.django_db
def test_editor_labels_of_display_choices_are_not_indexed(client):
    """A heading's level ("Titre de section (niveau 2)") and a callout's kind
    are display options, not content: searching them finds nothing
    (core.blocks.UnindexedChoiceBlock)."""
    StandardPageFactory(
        title="Page des étapes",
        slug="page-titre",
        body__0__heading__text="Les étapes",
        body__0__heading__level="h2",
        body__1__paragraph__value="<p>Un texte sur le partenariat.</p>",
    )
    assert "Page des étapes" in plain(client.get(URL, {"q": "étapes"}).content)
    html = plain(client.get(URL, {"q": "titre de section niveau"}).content)
    assert "Page des étapes" not in html
