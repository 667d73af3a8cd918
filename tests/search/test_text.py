"""The search layer's contract (search.text): cleaning, French
normalisation, query parsing, and free-text filtering through the real
backend."""

import pytest
from modelsearch.query import And, Or, Phrase, PlainText

from home.factories import StandardPageFactory
from home.models import StandardPage
from search.text import (
    MAX_QUERY_LENGTH,
    clean_query,
    filter_queryset,
    matching_pks,
    normalise,
    parse_query,
    searchable_text,
)


@pytest.mark.parametrize(
    ("typed", "indexed"),
    [
        ("education therapeutique", "L'Éducation thérapeutique"),
        ("formateurs", "formateur"),
        ("pair aidance", "pair-aidance"),
        ("partenaires", "Partenaire"),
        ("hopitaux", "hôpital"),
        ("l'education", "éducation"),
        ("EDUCATION", "éducation"),
    ],
)
def test_query_and_text_normalise_to_the_same_words(typed, indexed):
    assert normalise(typed) == normalise(indexed)


def test_partenaire_and_partenariat_stay_apart():
    assert normalise("partenaire") != normalise("partenariat")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('"', ""),
        ('pair "aidance', "pair aidance"),
        ("a\x00b", "a b"),
        ("(x) AND y* -z", "x AND y -z"),
        ("  espaces   multiples ", "espaces multiples"),
        ("\u202eabc\u202c", "abc"),
    ],
)
def test_clean_query_removes_what_backends_choke_on(raw, expected):
    assert clean_query(raw) == expected


def test_clean_query_keeps_balanced_phrases_and_bounds_length():
    assert clean_query('"pair aidance" formation') == '"pair aidance" formation'
    long = clean_query("mot " * 5000)
    assert len(long) <= MAX_QUERY_LENGTH
    assert long.endswith("mot")


def test_parse_query_builds_phrases_and_word_alternatives():
    query = parse_query('"pair aidance" formateurs')
    assert isinstance(query, And)
    phrase, word = query.subqueries
    assert isinstance(phrase, Phrase) and phrase.query_string == "pair aidanc"
    assert isinstance(word, Or)
    assert {q.query_string for q in word.subqueries} == {"formateur", "formateurs"}
    assert isinstance(parse_query("charte"), Or)
    assert isinstance(parse_query("patient"), PlainText)


@pytest.mark.parametrize("raw", ["", "   ", '"', "le la les", "AND OR NOT NEAR", "***", "\x00"])
def test_parse_query_returns_none_when_nothing_is_searchable(raw):
    assert parse_query(raw) is None


@pytest.mark.django_db
def test_searchable_text_reads_rich_text_and_streamfields():
    page = StandardPage(
        title="T", intro="<p>Les <b>formateurs</b></p>", body=[("paragraph", "<p>Éducation thérapeutique</p>")]
    )
    text = searchable_text(page.title, page.intro, page.body)
    assert "formateur" in text.split()
    assert "therapeut" in text.split()
    assert "<" not in text


@pytest.fixture
def sandbox(home_page):
    """A parent page: the tests look only at its children."""
    return StandardPageFactory(parent=home_page, title="Bac à sable", slug="bac-a-sable-recherche")


@pytest.fixture
def pages(sandbox):
    def add(title, body, publish=True):
        return StandardPageFactory(
            parent=sandbox,
            title=title,
            slug=title.lower().replace(" ", "-"),
            body__0__paragraph__value=f"<p>{body}</p>",
            live=publish,
        )

    return {
        "etp": add("Atelier ETP", "L'éducation thérapeutique avec des patients formateurs."),
        "pair": add("Pair aidance", "La pair-aidance en psychiatrie."),
        "draft": add("Brouillon", "Éducation thérapeutique en brouillon.", publish=False),
    }


@pytest.mark.django_db
def test_filter_queryset_finds_french_variants_and_keeps_a_queryset(pages, sandbox):
    live = StandardPage.objects.child_of(sandbox).live()
    found = filter_queryset(live, "education therapeutiques")
    assert list(found.values_list("title", flat=True)) == ["Atelier ETP"]
    assert found.filter(title__startswith="Atelier").count() == 1  # still a queryset
    assert list(filter_queryset(live, "pair aidance").values_list("pk", flat=True)) == [pages["pair"].pk]
    assert list(filter_queryset(live, "FORMATEUR")) == [pages["etp"]]


@pytest.mark.django_db
def test_filter_queryset_respects_the_callers_filters_and_empty_queries(pages, sandbox):
    everything = StandardPage.objects.child_of(sandbox)
    assert set(filter_queryset(everything, "education")) == {pages["etp"], pages["draft"]}
    assert set(filter_queryset(everything.live(), "education")) == {pages["etp"]}
    assert filter_queryset(everything, '"') is not None
    assert filter_queryset(everything, "   ").count() == everything.count()


@pytest.mark.django_db
def test_filter_queryset_survives_the_sqlite_traps(pages, sandbox):
    live = StandardPage.objects.child_of(sandbox).live()
    for raw in ['"', "pair\x00aidance", '"pair aidance', "NEAR(a b)", "a OR", "x*", "-y", "^z", "col:val"]:
        list(filter_queryset(live, raw))  # never OperationalError
    assert list(filter_queryset(live, '"pair aidance"')) == [pages["pair"]]
    assert list(filter_queryset(live, '"psychiatrie aidance"')) == []


@pytest.mark.django_db
def test_matching_pks_returns_keys_without_loading_objects(pages, sandbox, django_assert_max_num_queries):
    live = StandardPage.objects.child_of(sandbox).live()
    matching_pks(live, "psychiatrie")  # warm the content-type cache
    # SQLite: the FTS match, then the caller's filter; PostgreSQL: one query.
    with django_assert_max_num_queries(2):
        pks = matching_pks(live, "psychiatrie")
    assert pks == [pages["pair"].pk]
    assert matching_pks(StandardPage, "") is None
