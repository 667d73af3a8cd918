"""What the site search returns: live public pages of every type, and the
public objects of the apps that are not pages (partner profiles, lexicon
terms). Each source says which objects are visible, how to link to them and
which public fields make the excerpt.

A source whose model does not exist (an app not installed yet) is skipped.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelsearch.index import get_indexed_models
from wagtail.models import Page, Site

from core.links import page_path, subpage_path
from search.ranking import Scope

# Public text fields an excerpt may be cut from, in order of preference.
PAGE_EXCERPT_FIELDS = ("search_description", "summary", "intro", "body")


@dataclass
class ObjectSource:
    """A model that is not a page but has public objects reached through a
    route of a routable page (for example /annuaire/profil/<pk>/)."""

    model_label: str
    title_field: str
    excerpt_fields: tuple
    route_page_label: str
    route_name: str
    route_args: object  # callable(obj) -> list
    visible_filter: object  # callable(manager) -> QuerySet
    type_label: str
    type_key: str
    model: type = field(default=None, init=False)

    def resolve(self):
        try:
            self.model = apps.get_model(self.model_label)
        except LookupError:
            return None
        return self

    def visible(self):
        return self.visible_filter(self.model.objects)

    def urls(self, objects, request=None):
        """{pk: url}, with one query for the routable page."""
        try:
            page_model = apps.get_model(self.route_page_label)
        except LookupError:
            return {}
        page = page_model.objects.live().first()
        if page is None or page_path(page, request) is None:
            return {}
        return {obj.pk: subpage_path(page, self.route_name, *self.route_args(obj), request=request) for obj in objects}


OBJECT_SOURCES = (
    ObjectSource(
        model_label="directory.PartnerProfile",
        title_field="display_name",
        excerpt_fields=("presentation",),
        route_page_label="directory.DirectoryPage",
        route_name="profile_route",
        route_args=lambda obj: [obj.pk],
        visible_filter=lambda objects: objects.published(),
        type_label=_("Patient partenaire"),
        type_key="partenaire",
    ),
    ObjectSource(
        model_label="participation.Call",
        title_field="title",
        excerpt_fields=("project",),
        route_page_label="participation.ParticipationPage",
        route_name="call_route",
        route_args=lambda obj: [obj.pk],
        # At query time: a call past its deadline or closed is never a result.
        visible_filter=lambda objects: objects.open(),
        type_label=_("Appel à participation"),
        type_key="appel",
    ),
    ObjectSource(
        model_label="resources.GlossaryTerm",
        title_field="term",
        excerpt_fields=("short_definition", "definition"),
        route_page_label="resources.LexiconPage",
        route_name="term",
        route_args=lambda obj: [obj.slug],
        visible_filter=lambda objects: objects.filter(live=True),
        type_label=_("Terme du lexique"),
        type_key="lexique",
    ),
)


@dataclass
class ResultType:
    key: str
    label: str
    content_type_ids: list
    source: ObjectSource = None  # None for pages


def object_sources():
    return [source for source in (s.resolve() for s in OBJECT_SOURCES) if source is not None]


def page_types():
    """One result type per page model (the index stores the specific type)."""
    page_models = [m for m in get_indexed_models() if issubclass(m, Page) and m is not Page]
    content_types = ContentType.objects.get_for_models(*page_models)
    types = []
    for model in page_models:
        types.append(
            ResultType(
                key=model._meta.model_name,
                label=capfirst(model._meta.verbose_name),
                content_type_ids=[content_types[model].pk],
            )
        )
    return types


def result_types():
    """Every result type: page models, then object sources."""
    types = page_types()
    object_types = object_sources()
    content_types = ContentType.objects.get_for_models(*[s.model for s in object_types])
    for source in object_types:
        types.append(
            ResultType(
                key=source.type_key,
                label=source.type_label,
                content_type_ids=[content_types[source.model].pk],
                source=source,
            )
        )
    return types


def visible_pages(request=None):
    pages = Page.objects.live().public().filter(depth__gt=1)
    site = getattr(request, "_wagtail_site", None)
    if site is None and request is not None:
        site = Site.find_for_request(request)
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    return pages


def scopes_for(types, request=None):
    """Ranking scopes (content types + visible objects) of `types`."""
    scopes = []
    page_ct_ids = [ct for t in types if t.source is None for ct in t.content_type_ids]
    if page_ct_ids:
        scopes.append(Scope(page_ct_ids, visible_pages(request)))
    for result_type in types:
        if result_type.source is not None:
            scopes.append(Scope(result_type.content_type_ids, result_type.source.visible()))
    return scopes
