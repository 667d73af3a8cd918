"""Faceted filtering shared by the listings (tool sheets, projects, directory).

A facet is one URL parameter that narrows a queryset on one ORM path. Facets
are single-valued: choosing a value replaces the current one in that facet,
which is what makes the counts exact — the count beside a value is computed
with every *other* active facet and the free text applied, so following the
link returns exactly that many results.

Multi-valued attributes (roles, themes, audiences…) must be stored as
relations (ManyToMany, taggit, a child table) so that `values(path)` can count
them. The number of queries is 1 per facet, whatever the data size.

    facets = [Facet("domaine", "Domaine", "domain__slug", options=lambda: [...]), ...]
    result = apply_facets(queryset, facets, request.GET)
    result.queryset        # filtered, distinct
    result.groups          # for templates/includes/facets.html
    result.ignored         # unknown values, to tell the visitor
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count
from django.http import QueryDict
from taggit.models import Tag


@dataclass
class Facet:
    param: str
    label: str
    path: str
    options: Callable[[], list[tuple[str, str]]]
    # Optional: filter with a custom lookup (e.g. region through department).
    filter_fn: Callable | None = None
    # Optional: compute counts with a custom function(queryset) -> {value: n}.
    count_fn: Callable | None = None

    def filter(self, queryset, value):
        if self.filter_fn:
            return self.filter_fn(queryset, value)
        return queryset.filter(**{self.path: value})

    def counts(self, queryset):
        if self.count_fn:
            return self.count_fn(queryset)
        rows = queryset.order_by().values(self.path).annotate(n=Count("pk", distinct=True))
        return {str(row[self.path]): row["n"] for row in rows if row[self.path] is not None}


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class FacetGroup:
    facet: Facet
    options: list[FacetOption]
    selected: FacetOption | None
    clear_url: str


@dataclass
class FacetResult:
    queryset: object
    groups: list[FacetGroup] = field(default_factory=list)
    active: dict = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)


def used_tags(tagged_items):
    """Options of a theme facet: (slug, name) of taggit's tags used through
    `tagged_items` (the related query name of a through model, e.g.
    "resources_toolsheettag_items"), by name. Sheets and projects share the
    Tag table, so each lists only its own tags."""

    def options():
        used = Tag.objects.filter(**{f"{tagged_items}__isnull": False})
        return list(used.distinct().order_by("name").values_list("slug", "name"))

    return options


def _url(params, **changes):
    query = QueryDict(mutable=True)
    for key, value in params.items():
        if value not in (None, ""):
            query[key] = value
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    query.pop("page", None)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


def apply_facets(queryset, facets, querydict, keep_params=("q", "tri")):
    """Filter `queryset` by the facets in `querydict` and compute counts.

    `queryset` must already carry the free-text filter, so that counts apply it.
    """
    active, ignored = {}, []
    known = {}
    for facet in facets:
        raw = (querydict.get(facet.param) or "").strip()
        if not raw:
            continue
        options = dict(facet.options())
        known[facet.param] = options
        if raw in options:
            active[facet.param] = raw
        else:
            ignored.append(f"{facet.label} : « {raw[:60]} »")

    params = {p: querydict.get(p) for p in keep_params if querydict.get(p)}
    params.update(active)

    filtered = queryset
    for facet in facets:
        if facet.param in active:
            filtered = facet.filter(filtered, active[facet.param])

    groups = []
    for facet in facets:
        others = queryset
        for other in facets:
            if other is not facet and other.param in active:
                others = other.filter(others, active[other.param])
        counts = facet.counts(others)
        options = known.get(facet.param) or dict(facet.options())
        current = active.get(facet.param)
        group_options = []
        for value, label in options.items():
            count = counts.get(str(value), 0)
            if count == 0 and value != current:
                continue
            group_options.append(
                FacetOption(value, label, count, value == current, _url(params, **{facet.param: value}))
            )
        selected = next((o for o in group_options if o.selected), None)
        groups.append(FacetGroup(facet, group_options, selected, _url(params, **{facet.param: None})))
    return FacetResult(filtered.distinct(), groups, active, ignored)
