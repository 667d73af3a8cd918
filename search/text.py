"""The portal's search layer: one entry point for every free-text filter.

Listings (tool sheets, projects, directory) narrow their queryset with
`filter_queryset(queryset, q)`; the site search page uses `search(...)`.
Both go through Wagtail's configured backend (database FTS on SQLite or
PostgreSQL, Elasticsearch/OpenSearch in production) and share the same
query cleaning, so a query that works in one place works everywhere.
"""

import re

from wagtail.search.backends import get_search_backend

MAX_QUERY_LENGTH = 200
_UNSAFE = re.compile(r"[\x00-\x1f\"*()^:{}\[\]~\\]")


def clean_query(raw):
    """Make any user input safe for every backend: no control characters or
    query-syntax characters, collapsed spaces, bounded length."""
    if not raw:
        return ""
    text = _UNSAFE.sub(" ", str(raw))[:MAX_QUERY_LENGTH]
    return " ".join(text.split())


def matching_pks(model_or_queryset, query):
    """Primary keys of the objects of `model_or_queryset` matching `query`."""
    query = clean_query(query)
    if not query:
        return None
    backend = get_search_backend()
    results = backend.search(query, model_or_queryset, operator="and")
    return [obj.pk for obj in results]


def filter_queryset(queryset, query):
    """Narrow `queryset` to the objects matching the free text `query`.

    Returns the queryset unchanged when the query is empty after cleaning.
    The result stays a plain queryset, so facets and pagination apply to it.
    """
    pks = matching_pks(queryset, query)
    if pks is None:
        return queryset
    return queryset.filter(pk__in=pks)
