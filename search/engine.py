"""The site search: one ranked list over every source, a type facet with
counts, lazy pagination, hydrated results with highlighted excerpts, and the
suggestions of the autocomplete.

Database backends (SQLite, PostgreSQL) are read in one ranked query
(search.ranking); any other backend goes through `backend.search()` once per
model, results interleaved.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext
from modelsearch.query import PlainText
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from search import ranking
from search.excerpts import excerpt
from search.sources import PAGE_EXCERPT_FIELDS, result_types, scopes_for
from search.text import (
    MAX_EXTERNAL_RESULTS,
    MAX_QUERY_WORDS,
    _unfiltered,
    clean_query,
    normalise,
    parse_query,
    query_terms,
    stem,
    words,
)

PAGE_SIZE = 10
# Best matches re-ranked by title (a multiple of PAGE_SIZE keeps pages consistent).
RERANK_WINDOW = 30
_PAGE_URL_FIELDS = ("id", "title", "url_path", "content_type_id", "depth", "path", "live")
MAX_SUGGESTIONS = 8


@dataclass
class Result:
    type_label: str
    title: str
    url: str
    excerpt: str = ""
    promoted: bool = False


@dataclass
class TypeCount:
    key: str
    label: str
    count: int
    selected: bool = False


class _Matches:
    """A lazy, sliceable sequence of (content_type_id, object_id) for Django's
    Paginator: the count is known, each slice runs one ranked query."""

    def __init__(self, total, fetch):
        self.total = total
        self.fetch = fetch

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, key):
        if not isinstance(key, slice):
            raise TypeError("slices only")
        start = key.start or 0
        stop = self.total if key.stop is None else key.stop
        return self.fetch(start, max(0, stop - start))


@dataclass
class SearchOutcome:
    query: str
    terms: list
    types: list = field(default_factory=list)
    page_obj: object = None
    results: list = field(default_factory=list)
    promotions: list = field(default_factory=list)
    relaxed: bool = False  # no result with every word: any word was used
    selected_type: object = None

    @cached_property
    def total(self):
        return sum(t.count for t in self.types)


# --- the ranked matches, database fast path or generic fallback --------------


def _visible_keys(scope, pks):
    """{pk: content_type_id} of the visible objects of `scope` among `pks`."""
    visible = scope.visible.filter(pk__in=pks)
    if issubclass(visible.model, Page):
        return dict(visible.values_list("pk", "content_type_id"))
    return dict.fromkeys(visible.values_list("pk", flat=True), scope.content_type_ids[0])


def _fallback_rows(backend, query, scopes):
    """Every visible match (up to a bound per scope), interleaved across
    scopes: for search servers that are not the database."""
    per_scope = []
    for scope in scopes:
        model = scope.visible.model
        results = backend.search(query, _unfiltered(model), order_by_relevance=True)
        pks = [obj.pk for obj in results[:MAX_EXTERNAL_RESULTS]]
        visible = _visible_keys(scope, pks)
        per_scope.append([(visible[pk], str(pk)) for pk in pks if pk in visible])
    rows = []
    for position in range(max((len(r) for r in per_scope), default=0)):
        rows.extend(r[position] for r in per_scope if position < len(r))
    return rows


def _titles(rows, types):
    """{(content_type_id, object_id): title} of `rows`: one query for the
    pages, one per object source present."""
    type_by_ct = {ct: t for t in types for ct in t.content_type_ids}
    titles = {}
    page_ids = [int(pk) for ct, pk in rows if ct in type_by_ct and type_by_ct[ct].source is None]
    if page_ids:
        for pk, ct, title in Page.objects.filter(pk__in=page_ids).values_list("pk", "content_type_id", "title"):
            titles[(ct, str(pk))] = title
    for result_type in types:
        source = result_type.source
        ct_id = result_type.content_type_ids[0]
        ids = [pk for ct, pk in rows if ct == ct_id] if source is not None else []
        if ids:
            for pk, title in source.model.objects.filter(pk__in=ids).values_list("pk", source.title_field):
                titles[(ct_id, str(pk))] = title
    return titles


def rerank(rows, titles, terms):
    """Put first the items whose title is the query (a lexicon term, a
    sheet's exact name), then those whose title holds every query word; the
    backend's order otherwise. Backends weigh titles unevenly (lexicon terms
    and profiles have no `title` field), this evens it out."""
    wanted = set(terms)

    def key(item):
        position, row = item
        title_words = set(normalise(titles.get(row, "")).split())
        exact = bool(wanted) and title_words == wanted
        covered = bool(wanted) and wanted <= title_words
        return (not exact, not covered, position)

    return [row for _position, row in sorted(enumerate(rows), key=key)]


class _Ranker:
    def __init__(self, backend, query, scopes, types=(), terms=()):
        self.backend, self.query, self.scopes = backend, query, scopes
        self.types, self.terms = types, terms
        self._fallback = None
        self._head = {}

    def counts(self):
        counts = ranking.count_matches(self.backend, self.query, self.scopes)
        if counts is None:
            counts = {}
            for ct_id, _pk in self.fallback_rows():
                counts[ct_id] = counts.get(ct_id, 0) + 1
        return counts

    def _rows(self, scopes, offset, limit):
        rows = ranking.rank_matches(self.backend, self.query, scopes, offset, limit)
        if rows is None:
            wanted = {ct for scope in scopes for ct in scope.content_type_ids}
            rows = [row for row in self.fallback_rows() if row[0] in wanted][offset : offset + limit]
        return rows

    def rows(self, scopes, offset, limit):
        """Rows [offset, offset + limit); the first RERANK_WINDOW are
        re-ranked by title (see `rerank`), the rest keep the backend's order."""
        if offset >= RERANK_WINDOW:
            return self._rows(scopes, offset, limit)
        key = id(scopes)
        if key not in self._head:
            head = self._rows(scopes, 0, RERANK_WINDOW)
            self._head[key] = rerank(head, _titles(head, self.types), self.terms)
        head = self._head[key]
        rows = head[offset : offset + limit]
        if offset + limit > RERANK_WINDOW and len(head) == RERANK_WINDOW:
            rows += self._rows(scopes, RERANK_WINDOW, offset + limit - RERANK_WINDOW)
        return rows

    def fallback_rows(self):
        if self._fallback is None:
            self._fallback = _fallback_rows(self.backend, self.query, self.scopes)
        return self._fallback


# --- hydration -------------------------------------------------------------------


def _hydrate(rows, types, terms, request, with_excerpts=True):
    """Results for `rows`, in order, with a bounded number of queries: the
    pages (one query per page type present when excerpts need the specific
    fields), then one query (plus its routable page) per object source
    present."""
    type_by_ct = {ct: t for t in types for ct in t.content_type_ids}
    found = {}
    page_ids = [int(pk) for ct, pk in rows if ct in type_by_ct and type_by_ct[ct].source is None]
    if page_ids:
        pages = Page.objects.filter(pk__in=page_ids)
        pages = pages.specific() if with_excerpts else pages.only(*_PAGE_URL_FIELDS)
        for page in pages:
            found[(page.content_type_id, str(page.pk))] = Result(
                type_label=type_by_ct[page.content_type_id].label,
                title=page.title,
                url=page.get_url(request) or "",
                excerpt=excerpt([getattr(page, name, "") for name in PAGE_EXCERPT_FIELDS], terms)
                if with_excerpts
                else "",
            )
    for result_type in types:
        source = result_type.source
        ct_id = result_type.content_type_ids[0]
        ids = [pk for ct, pk in rows if ct == ct_id] if source is not None else []
        if not ids:
            continue
        objects = list(source.model.objects.filter(pk__in=ids))
        urls = source.urls(objects, request)
        for obj in objects:
            found[(ct_id, str(obj.pk))] = Result(
                type_label=result_type.label,
                title=str(getattr(obj, source.title_field)),
                url=urls.get(obj.pk, ""),
                excerpt=excerpt([getattr(obj, name, "") for name in source.excerpt_fields], terms)
                if with_excerpts
                else "",
            )
    return [found[row] for row in rows if row in found]


def promotions(query, request=None):
    """Editors' picks for this exact query (Wagtail's search promotions),
    live pages and external links only. Never creates a Query row."""
    normalised = normalise_query_string(query)
    if not normalised:
        return []
    picks = (
        SearchPromotion.objects.filter(query__query_string=normalised)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    results = []
    for pick in picks:
        if pick.page_id:
            if not pick.page.live:
                continue
            url = pick.page.get_url(request) or ""
        else:
            url = pick.external_link_url
        if not url:
            continue
        results.append(
            Result(
                type_label=gettext("Sélection"),
                title=pick.title or url,
                url=url,
                excerpt=pick.description,
                promoted=True,
            )
        )
    return results


# --- entry points ------------------------------------------------------------------


def site_search(raw_query, request=None, type_key=None, page_number=1, page_size=PAGE_SIZE):
    query = clean_query(raw_query)
    outcome = SearchOutcome(query=query, terms=query_terms(query))
    query_object = parse_query(query)
    if query_object is None:
        return outcome
    backend = get_search_backend()
    types = result_types()
    scopes = scopes_for(types, request)
    ranker = _Ranker(backend, query_object, scopes, types, outcome.terms)
    counts = ranker.counts()
    if not counts and len(outcome.terms) > 1:
        ranker = _Ranker(backend, parse_query(query, operator="or"), scopes, types, outcome.terms)
        counts = ranker.counts()
        outcome.relaxed = bool(counts)
    selected = next((t for t in types if t.key == type_key), None)
    outcome.selected_type = selected
    outcome.types = [
        TypeCount(t.key, t.label, sum(counts.get(ct, 0) for ct in t.content_type_ids), selected is t)
        for t in types
        if any(counts.get(ct) for ct in t.content_type_ids) or selected is t
    ]
    outcome.types.sort(key=lambda t: (-t.count, t.label))
    shown_types = [selected] if selected else types
    shown_scopes = scopes_for(shown_types, request) if selected else scopes
    total = sum(counts.get(ct, 0) for t in shown_types for ct in t.content_type_ids)

    def fetch(offset, limit):
        return ranker.rows(shown_scopes, offset, limit) if limit else []

    paginator = Paginator(_Matches(total, fetch), page_size)
    outcome.page_obj = paginator.get_page(page_number)
    outcome.results = _hydrate(list(outcome.page_obj.object_list), types, outcome.terms, request)
    if outcome.page_obj.number == 1 and not selected:
        outcome.promotions = promotions(query, request)
    return outcome


def _autocomplete_query(raw_query):
    """All words but the last as whole (folded) words, the last one as a
    prefix of its normalised form: "education therapeutiques" looks for
    "education" and "therapeut…"."""
    typed = words(clean_query(raw_query).replace('"', " "))[:MAX_QUERY_WORDS]
    if not typed:
        return None
    return PlainText(" ".join([*typed[:-1], stem(typed[-1])]), operator="and")


def suggestions(raw_query, request=None, limit=MAX_SUGGESTIONS):
    """At most `limit` titles starting with (or holding a word starting with)
    the typed prefix: [{"title", "type", "url"}]."""
    query_object = _autocomplete_query(raw_query)
    if query_object is None:
        return []
    backend = get_search_backend()
    types = [t for t in result_types() if t.source is None or t.key == "lexique"]
    scopes = scopes_for(types, request)
    rows = ranking.rank_matches(backend, query_object, scopes, 0, limit, autocomplete=True)
    if rows is None:
        rows = []
        for scope in scopes:
            model = scope.visible.model
            found = backend.autocomplete(query_object, _unfiltered(model))[:limit]
            pks = [obj.pk for obj in found]
            keys = _visible_keys(scope, pks)
            rows.extend((keys[pk], str(pk)) for pk in pks if pk in keys)
        rows = rows[:limit]
    results = _hydrate(rows, types, (), request, with_excerpts=False)
    return [{"title": r.title, "type": r.type_label, "url": r.url} for r in results]
