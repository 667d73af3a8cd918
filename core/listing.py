"""One faceted listing: the tool sheets, the projects and the directory are
configurations of it.

A `Listing` says which facets narrow the list, which sorts it offers (the
first is the default), how many results a page shows and what to load with
the shown results. `listing.context(request, queryset)` applies, in this
order, the free text (`search.text.filter_queryset`), the facets
(`core.facets.apply_facets`: counts apply the free text and every other
facet), the sort and the page, and returns the names every listing template
reads (through `templates/includes/listing.html`):

    query         the cleaned free text ("" when there is none)
    unsearchable_query  the free text as typed when nothing in it can be
                  searched (punctuation, common words): no result, a notice
    facets        core.facets.FacetResult: `groups` for the facet links,
                  `active` for the search form, `ignored` for the notice
    filtered      True when free text or a facet narrows the list
    sort, sorts   the current sort key; [(key, label)] of every sort
    kept_params   [(name, value)] the search form carries as hidden fields
    page_obj      the Django `Page` shown; `results` its objects, loaded
    result_count  results over every page

Whatever was asked and could not be applied (an unknown facet value, sort or
page number) is left out, the nearest valid list is shown and the notice
names it: a listing never answers an error to a URL someone edited.

Queries: one per facet (its counts), then one to count and one to read the
shown page, plus `prepare`'s prefetches. The shown results are selected again
by primary key (`pk IN (…)`), so neither the count nor the page runs DISTINCT
over whole rows, whatever multi-valued facet is active.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.paginator import Paginator

from core.facets import apply_facets
from search.text import clean_query, filter_queryset, parse_query

# Free text read as keys when it matches at most this many objects (see `_free_text`).
MAX_MATERIALISED_MATCHES = 500
QUERY_PARAM = "q"
SORT_PARAM = "tri"
PAGE_PARAM = "page"


@dataclass(frozen=True)
class Sort:
    key: str  # the value of ?tri=
    label: str
    ordering: tuple[str, ...]


def _unchanged(queryset):
    return queryset


def _free_text(queryset, query):
    """`queryset` narrowed to the free text. A narrow search is read as keys
    once (one query), so the facet counts do not run the full-text search
    again; a broad one stays as `search.text.filter_queryset` made it (a
    subquery on PostgreSQL), because a long `IN` list of keys gives
    PostgreSQL slower plans than the search itself."""
    matched = filter_queryset(queryset, query)
    if matched is queryset:  # nothing to search for
        return queryset
    keys = list(matched.values_list("pk", flat=True)[: MAX_MATERIALISED_MATCHES + 1])
    if len(keys) <= MAX_MATERIALISED_MATCHES:
        return queryset.filter(pk__in=keys)
    return matched


@dataclass
class Listing:
    facets: list
    sorts: list[Sort]
    per_page: int
    # Adds select_related/prefetch_related to the queryset of shown results.
    prepare: Callable = field(default=_unchanged)

    def context(self, request, queryset):
        """The template context of `queryset` listed for `request.GET`."""
        raw_query = (request.GET.get(QUERY_PARAM) or "").strip()
        query = clean_query(raw_query)
        # Only punctuation or common words ("!!!", "le"): the search ignores
        # every character of it; say so rather than list everything.
        unsearchable = bool(raw_query) and parse_query(query) is None
        searched = queryset.none() if unsearchable else _free_text(queryset, query)
        params = request.GET.copy()
        sort, ignored_sort = self._sort(params)
        result = apply_facets(searched, self.facets, params, keep_params=(QUERY_PARAM, SORT_PARAM))
        ordered = self.prepare(
            queryset.model._default_manager.filter(pk__in=result.queryset.values("pk")).order_by(*sort.ordering)
        )
        paginator = Paginator(ordered, self.per_page)
        raw_page = (request.GET.get(PAGE_PARAM) or "").strip()
        page_obj = paginator.get_page(raw_page)
        page_obj.object_list = results = list(page_obj.object_list)
        result.ignored += ignored_sort
        if raw_page and raw_page != str(page_obj.number):
            result.ignored.append(f"Page : « {raw_page[:10]} »")
        kept = list(result.active.items())
        if sort is not self.sorts[0]:
            kept.append((SORT_PARAM, sort.key))
        return {
            "query": query,
            "unsearchable_query": raw_query[:60] if unsearchable else "",
            "facets": result,
            "filtered": bool(raw_query or result.active),
            "sort": sort.key,
            "sorts": [(s.key, s.label) for s in self.sorts],
            "kept_params": kept,
            "page_obj": page_obj,
            "results": results,
            "result_count": paginator.count,
        }

    def _sort(self, params):
        """(the sort asked for or the default, [notice]); an unknown sort is
        removed from `params`, so the facet links do not carry it."""
        raw = (params.get(SORT_PARAM) or "").strip()
        by_key = {s.key: s for s in self.sorts}
        if not raw or raw in by_key:
            return by_key.get(raw, self.sorts[0]), []
        params.pop(SORT_PARAM)
        return self.sorts[0], [f"Tri : « {raw[:30]} »"]
