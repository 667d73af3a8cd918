"""Ranked search over several models in one database query.

Wagtail's database backends rank one model at a time, and on SQLite they do it
with a correlated subquery per matching row (about one second for 2,000
pages). The site search needs pages of every type, partner profiles and
lexicon terms in one ranked, paginated list, in a few milliseconds. So on the
database backends we query the index table itself, once:

    index entries MATCHING the query
      AND (content type, object id) among the VISIBLE objects of each scope
    ORDER BY relevance LIMIT 20 OFFSET n

and count the matches per content type with a second query. The query object
is compiled by the backend's own query compiler, so the matching rules
(phrases, prefixes for autocomplete, the PostgreSQL text-search configuration)
stay Wagtail's. Any other backend (Elasticsearch, OpenSearch) answers None
here and the caller falls back to one `backend.search()` per model.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, F, FloatField, Func, IntegerField, OuterRef, Q, Value
from django.db.models.functions import Cast
from modelsearch.conf import get_app_config
from wagtail.models import Page

# Relative weight of a match in the title (SQLite: FTS5 bm25 column weights).
TITLE_WEIGHT = 4.0
# Ranking first, visibility after, for result windows up to this size...
MAX_FAST_WINDOW = 200
# ...with this many spare entries in case some are hidden.
SLACK = 20


@dataclass
class Scope:
    """Objects a search may return: their content types, and a queryset of
    the visible ones (live public pages, published profiles…)."""

    content_type_ids: list
    visible: object  # QuerySet


def vendor(backend):
    """'sqlite', 'postgresql' or None (a backend this module cannot read)."""
    name = type(backend).__name__
    if name == "SQLiteSearchBackend":
        return "sqlite"
    if name == "PostgresSearchBackend":
        return "postgresql"
    return None


_INTEGER_KEYS = {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField"}


def _visible(scopes, prefix):
    """Entries of the scopes' content types whose object is visible. A
    correlated EXISTS on the object's primary key (an index lookup per
    matching entry) is much cheaper than materialising every visible key
    (10,000 profiles) for an IN."""
    condition = Q()
    for scope in scopes:
        key = OuterRef(f"{prefix}object_id")
        if scope.visible.model._meta.pk.get_internal_type() in _INTEGER_KEYS:
            key = Cast(key, IntegerField())
        visible = Exists(scope.visible.order_by().filter(pk=key))
        condition |= Q(**{f"{prefix}content_type_id__in": list(scope.content_type_ids)}) & visible
    return condition


def _index_entry_model():
    return get_app_config().get_model("IndexEntry")


def _any_indexed_queryset():
    return Page.objects.none()


class _WeightedBM25(Func):
    """bm25() of the FTS5 table with column weights (autocomplete, body, title)."""

    output_field = FloatField()

    def __init__(self, table, weights):
        self.table = table
        self.weights = weights
        super().__init__()

    def as_sql(self, compiler, connection, **extra):
        weights = ", ".join(str(float(w)) for w in self.weights)
        return f"bm25({self.table}, {weights})", []


def _sqlite_entries(backend, query, autocomplete):
    # Imported here because this module loads with the app models (via search.text), and modelsearch's
    # backend modules look up its models when imported: at module top, django.setup() fails.
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

    compiler_class = backend.autocomplete_query_compiler_class if autocomplete else backend.query_compiler_class
    compiler = compiler_class(_any_indexed_queryset(), query)
    search_query = compiler.build_search_query(normalize(query), config=None)
    match = MatchExpression(compiler.FTS_TABLE_FIELDS, search_query)
    table = SQLiteFTSIndexEntry._meta.db_table
    weights = (1.0, 0.0, 0.0) if autocomplete else (0.0, 1.0, TITLE_WEIGHT)
    # bm25 is negative: the lower, the better.
    rank = _WeightedBM25(table, weights)
    entries = SQLiteFTSIndexEntry.objects.filter(match)
    return entries, "index_entry__", rank, False


def _postgres_entries(backend, query, autocomplete):
    # Imported here for the same reason as in _sqlite_entries.
    from django.contrib.postgres.search import SearchRank
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    compiler_class = backend.autocomplete_query_compiler_class if autocomplete else backend.query_compiler_class
    compiler = compiler_class(_any_indexed_queryset(), query)
    config = compiler.get_config(backend)
    search_query = compiler.build_tsquery(query, config=config)
    # ts_rank of the whole tsquery, divided by 1 + log(document length)
    # (normalization 1), so that a short definition is not outranked by a
    # long page that merely repeats a word.
    if autocomplete:
        rank = SearchRank(F("autocomplete"), search_query, normalization=Value(1))
        matches = Q(autocomplete=search_query)
    else:
        rank = SearchRank(F("title"), search_query, normalization=Value(1)) * F("title_norm") * TITLE_WEIGHT
        rank = rank + SearchRank(F("body"), search_query, normalization=Value(1))
        # Two conditions rather than one on `title || body`: each can use the
        # column's GIN index.
        matches = Q(title=search_query) | Q(body=search_query)
    entries = IndexEntry.objects.filter(matches)
    return entries, "", rank, True


def _entries(backend, query, scopes, autocomplete, visible=True):
    kind = vendor(backend)
    if kind is None:
        return None
    build = _sqlite_entries if kind == "sqlite" else _postgres_entries
    entries, prefix, rank, descending = build(backend, query, autocomplete)
    if visible:
        entries = entries.filter(_visible(scopes, prefix))
    else:
        content_types = [ct for scope in scopes for ct in scope.content_type_ids]
        entries = entries.filter(**{f"{prefix}content_type_id__in": content_types})
    return entries, prefix, rank, descending


def count_matches(backend, query, scopes):
    """{content_type_id: number of visible matches} of `query` (a modelsearch
    query object) over `scopes`; None if this backend cannot be read here."""
    if not scopes:
        return {}
    built = _entries(backend, query, scopes, autocomplete=False)
    if built is None:
        return None
    entries, prefix, _rank, _descending = built
    field = f"{prefix}content_type_id"
    return {row[field]: row["n"] for row in entries.order_by().values(field).annotate(n=Count("pk")).order_by()}


def rank_matches(backend, query, scopes, offset=0, limit=20, autocomplete=False):
    """[(content_type_id, object_id as str)] of the visible matches of `query`
    over `scopes`, best first, sliced to [offset, offset + limit); None if
    this backend cannot be read here.

    Nearly every indexed entry is visible (drafts and unpublished profiles are
    few), so the best `offset + limit + SLACK` entries are ranked first
    without the visibility test, which then runs on those few only; when too
    many of them are hidden, the ranking is redone with the test on every
    match."""
    if not scopes:
        return []
    built = _entries(backend, query, scopes, autocomplete, visible=False)
    if built is None:
        return None
    entries, prefix, rank, descending = built
    order = rank.desc() if descending else rank.asc()
    fields = (f"{prefix}pk", f"{prefix}content_type_id", f"{prefix}object_id")
    wanted = offset + limit
    if wanted <= MAX_FAST_WINDOW:
        head = list(entries.annotate(_rank=rank).order_by(order, f"{prefix}pk").values_list(*fields)[: wanted + SLACK])
        if not head:
            return []
        keys = [key for key, _ct, _id in head]
        # On the index entries themselves (not SQLite's FTS table, where the
        # planner would scan every entry of the content types).
        index_entries = _index_entry_model().objects.filter(pk__in=keys)
        shown = set(index_entries.filter(_visible(scopes, "")).values_list("pk", flat=True))
        rows = [(ct, object_id) for key, ct, object_id in head if key in shown]
        if len(rows) >= wanted or len(head) < wanted + SLACK:
            return rows[offset:wanted]
    entries = entries.filter(_visible(scopes, prefix))
    rows = entries.annotate(_rank=rank).order_by(order, f"{prefix}pk")
    return list(rows.values_list(f"{prefix}content_type_id", f"{prefix}object_id")[offset:wanted])
