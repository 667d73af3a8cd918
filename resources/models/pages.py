"""Pages of the knowledge base under /fiches-outils/."""

import math
import re

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.models.mixins import IntroMixin
from core.routing import lazy_view, view_route
from core.vocabulary import Audience, EngagementDegree, EngagementScale
from resources.blocks import (
    CharterPrincipleBlock,
    CharterValueBlock,
    FrameworkDomainBlock,
    ReferenceBlock,
    ToolSheetStreamBlock,
)
from resources.models.mixins import SourcesMixin
from search.text import searchable_text

WORDS_PER_MINUTE = 200
_TAG = re.compile(r"<[^>]+>")


def _strings(raw):
    """Every string inside a StreamField's raw JSON data."""
    if isinstance(raw, str):
        yield raw
    elif isinstance(raw, dict):
        for key, value in raw.items():
            if key not in ("type", "id"):
                yield from _strings(value)
    elif isinstance(raw, (list, tuple)):
        for item in raw:
            yield from _strings(item)


# --- Tool sheets ---------------------------------------------------------------

# The listing lives with the other views, which import this module.
sheet_index_context = lazy_view("resources.views.sheet_index_context")


class ToolSheetIndexPage(IntroMixin, Page):
    """/fiches-outils/: the sheets, with facets, free text and pagination.

    Other page types live under it too (the charter, the lexicon, the
    frameworks, the interactive tools): only ToolSheetPage children are listed.
    """

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_text")]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des fiches outils")
        verbose_name_plural = _("index des fiches outils")

    def search_text(self):
        return searchable_text(self.title, self.intro)

    def sheets(self):
        return ToolSheetPage.objects.live().public().child_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(sheet_index_context(self, request))
        return context


class ToolSheetTag(TaggedItemBase):
    content_object = ParentalKey("resources.ToolSheetPage", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("thème d'une fiche")
        verbose_name_plural = _("thèmes des fiches")


class ToolSheetPage(SourcesMixin, Page):
    """A practical sheet that teams print and use in meetings."""

    summary = models.TextField(
        _("Résumé"), max_length=600, help_text=_("Deux ou trois phrases : à quoi sert la fiche, pour qui.")
    )
    category = models.ForeignKey(
        "resources.ToolSheetCategory",
        verbose_name=_("Catégorie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sheets",
    )
    domain = models.ForeignKey(
        "core.Domain",
        verbose_name=_("Domaine"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tool_sheets",
    )
    engagement_scale = models.CharField(
        _("Niveau d'engagement"), max_length=20, choices=EngagementScale.choices, blank=True
    )
    engagement_degree = models.CharField(
        _("Degré d'engagement"), max_length=20, choices=EngagementDegree.choices, blank=True
    )
    tags = ClusterTaggableManager(through=ToolSheetTag, blank=True, verbose_name=_("Thèmes"))
    last_reviewed = models.DateField(
        _("Dernière relecture"),
        null=True,
        blank=True,
        help_text=_("Date à laquelle le groupe de travail a relu la fiche."),
    )
    reading_time = models.PositiveSmallIntegerField(
        _("Temps de lecture (minutes)"), default=1, editable=False, help_text=_("Calculé à l'enregistrement.")
    )
    body = StreamField(ToolSheetStreamBlock(), blank=True, use_json_field=True, verbose_name=_("Contenu"))
    references = StreamField(
        [("reference", ReferenceBlock())], blank=True, use_json_field=True, verbose_name=_("Références")
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Fiche mise en page (PDF)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("La version graphique de la fiche, à télécharger et imprimer."),
    )
    falc_body = StreamField(
        ToolSheetStreamBlock(),
        blank=True,
        use_json_field=True,
        verbose_name=_("Version facile à lire et à comprendre (FALC)"),
        help_text=_("Facultative. Phrases courtes, un message par phrase. Affichée dans sa propre section."),
    )
    falc_reviewed_by = models.CharField(
        _("FALC relu par"),
        max_length=200,
        blank=True,
        help_text=_(
            "Les textes FALC sont relus par leurs lecteurs : ex. « un groupe de patients de l'association X »."
        ),
    )
    falc_reviewed_on = models.DateField(_("Date de la relecture FALC"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("references"),
        FieldPanel("pdf"),
    ]
    classification_panels = [
        FieldPanel("category"),
        InlinePanel("audiences", label=_("Public visé"), min_num=0),
        FieldPanel("engagement_scale"),
        FieldPanel("engagement_degree"),
        FieldPanel("domain"),
        FieldPanel("tags"),
        FieldPanel("last_reviewed"),
        InlinePanel("related_sheet_links", label=_("Fiches liées (choix de la rédaction)")),
    ]
    falc_panels = [FieldPanel("falc_body"), FieldPanel("falc_reviewed_by"), FieldPanel("falc_reviewed_on")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(classification_panels, heading=_("Classement")),
            ObjectList(falc_panels, heading=_("Version FALC")),
            ObjectList(SourcesMixin.sources_panels, heading=_("Sources et version")),
            ObjectList(Page.promote_panels, heading=_("Référencement")),
            ObjectList(Page.settings_panels, heading=_("Réglages")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("search_text"),
        index.FilterField("engagement_scale"),
        index.FilterField("category"),
        index.FilterField("domain"),
    ]
    parent_page_types = ["resources.ToolSheetIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("fiche outil")
        verbose_name_plural = _("fiches outils")

    def search_text(self):
        return searchable_text(
            self.title,
            self.summary,
            " ".join(tag.name for tag in self.tags.all()),
            self.body,
            self.falc_body,
        )

    def get_meta_description(self):
        return self.search_description or self.summary

    def compute_reading_time(self):
        words = 0
        for value in (self.body.raw_data, self.references.raw_data):
            for text in _strings(list(value)):
                words += len(_TAG.sub(" ", text).split())
        words += len(self.summary.split())
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    def save(self, *args, **kwargs):
        self.reading_time = self.compute_reading_time()
        return super().save(*args, **kwargs)

    def audience_labels(self):
        labels = dict(Audience.choices)
        return [labels.get(a.audience, a.audience) for a in self.audiences.all()]

    @property
    def has_falc(self):
        return bool(self.falc_body)

    def related_sheets(self, limit=4):
        """Editors' choices first, then live sheets sharing a theme; one query."""
        chosen = ToolSheetRelatedSheet.objects.filter(page=self, sheet=OuterRef("pk"))
        shared = ToolSheetTag.objects.filter(content_object=self).values("tag_id")
        return list(
            ToolSheetPage.objects.live()
            .filter(Q(Exists(chosen)) | Q(tags__in=shared))
            .exclude(pk=self.pk)
            .annotate(chosen=Exists(chosen))
            .distinct()
            .order_by("-chosen", "title")[:limit]
        )

    def related_projects(self, limit=6):
        """Live projects chosen by editors (stored on the project side) or
        sharing a theme with this sheet; [] until the projects app has them."""
        try:
            project_model = apps.get_model("projects", "ProjectPage")
            link_model = apps.get_model("projects", "ProjectRelatedSheet")
        except LookupError:
            return []
        chosen = link_model.objects.filter(page=OuterRef("pk"), sheet=self)
        shared = ToolSheetTag.objects.filter(content_object=self).values("tag_id")
        return list(
            project_model.objects.live()
            .filter(Q(Exists(chosen)) | Q(tags__in=shared))
            .annotate(chosen=Exists(chosen))
            .distinct()
            .order_by("-chosen", "title")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_sheets"] = self.related_sheets()
        context["related_projects"] = self.related_projects()
        return context


class ToolSheetAudience(Orderable):
    """Who a sheet is written for (several per sheet, countable by facets)."""

    page = ParentalKey(ToolSheetPage, on_delete=models.CASCADE, related_name="audiences")
    audience = models.CharField(_("Public"), max_length=20, choices=Audience.choices)

    panels = [FieldPanel("audience")]

    class Meta(Orderable.Meta):
        verbose_name = _("public visé")
        verbose_name_plural = _("publics visés")
        constraints = [models.UniqueConstraint(fields=["page", "audience"], name="resources_unique_sheet_audience")]


class ToolSheetRelatedSheet(Orderable):
    page = ParentalKey(ToolSheetPage, on_delete=models.CASCADE, related_name="related_sheet_links")
    sheet = models.ForeignKey(ToolSheetPage, verbose_name=_("Fiche"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("sheet")]

    class Meta(Orderable.Meta):
        verbose_name = _("fiche liée")
        verbose_name_plural = _("fiches liées")


# --- The charter ---------------------------------------------------------------


class CharterPage(SourcesMixin, IntroMixin, Page):
    """The partnership charter: ordered principles with their commitments."""

    principles = StreamField(
        [("principle", CharterPrincipleBlock())], use_json_field=True, verbose_name=_("Principes"), blank=True
    )
    values = StreamField(
        [("value", CharterValueBlock())], use_json_field=True, verbose_name=_("Valeurs de la charte"), blank=True
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("principles"), FieldPanel("values")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(SourcesMixin.sources_panels, heading=_("Sources et version")),
            ObjectList(Page.promote_panels, heading=_("Référencement")),
            ObjectList(Page.settings_panels, heading=_("Réglages")),
        ]
    )
    search_fields = Page.search_fields + [index.SearchField("search_text")]
    parent_page_types = ["resources.ToolSheetIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("charte du partenariat")
        verbose_name_plural = _("chartes du partenariat")

    def search_text(self):
        return searchable_text(self.title, self.intro, self.principles, self.values)

    def numbered_principles(self):
        """(number, anchor, value) for each principle; anchors are unique."""
        seen, rows = set(), []
        for number, block in enumerate(self.principles, start=1):
            anchor = slugify(block.value.get("anchor") or block.value["title"])[:60] or f"principe-{number}"
            if anchor in seen:
                anchor = f"{anchor}-{number}"
            seen.add(anchor)
            rows.append((number, anchor, block.value))
        return rows


# --- The lexicon ---------------------------------------------------------------


class LexiconPage(RoutablePageMixin, IntroMixin, Page):
    """/fiches-outils/lexique/: A–Z of the published terms, one URL per term."""

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("search_text")]
    parent_page_types = ["resources.ToolSheetIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("lexique")
        verbose_name_plural = _("lexiques")

    def search_text(self):
        return searchable_text(self.title, self.intro)

    index_route = view_route("", "resources.views.lexicon_index", name="index_route")
    term_route = view_route("<slug:slug>/", "resources.views.lexicon_term", name="term")


# --- Competency frameworks -----------------------------------------------------


class CompetencyFrameworkIndexPage(RoutablePageMixin, IntroMixin, Page):
    """/fiches-outils/referentiels/: the frameworks and their comparison."""

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("search_text")]
    parent_page_types = ["resources.ToolSheetIndexPage"]
    subpage_types = ["resources.CompetencyFrameworkPage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des référentiels de compétences")
        verbose_name_plural = _("index des référentiels de compétences")

    def search_text(self):
        return searchable_text(self.title, self.intro)

    def frameworks(self):
        return CompetencyFrameworkPage.objects.live().public().child_of(self).order_by("path")

    index_route = view_route("", "resources.views.framework_index", name="index_route")
    compare_route = view_route("comparer/", "resources.views.framework_compare", name="compare")


class CompetencyFrameworkPage(SourcesMixin, IntroMixin, Page):
    """What a profile needs to know how to do: domains → competencies →
    observable indicators, edited inline as one ordered structure."""

    profile = models.CharField(
        _("Profil"),
        max_length=120,
        help_text=_("À qui s'adresse le référentiel : patient partenaire, professionnel de santé, binôme…"),
    )
    domains = StreamField(
        [("domain", FrameworkDomainBlock())], use_json_field=True, blank=True, verbose_name=_("Domaines de compétences")
    )

    content_panels = Page.content_panels + [
        FieldPanel("profile"),
        FieldPanel("intro"),
        FieldPanel("domains"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(SourcesMixin.sources_panels, heading=_("Sources et version")),
            ObjectList(Page.promote_panels, heading=_("Référencement")),
            ObjectList(Page.settings_panels, heading=_("Réglages")),
        ]
    )
    search_fields = Page.search_fields + [index.SearchField("search_text")]
    parent_page_types = ["resources.CompetencyFrameworkIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("référentiel de compétences")
        verbose_name_plural = _("référentiels de compétences")

    def search_text(self):
        return searchable_text(self.title, self.profile, self.intro, self.domains)

    @cached_property
    def cells(self):
        """{competency pk: (domain title, competency block value)} in order."""
        cells = {}
        for domain in self.domains:
            for item in domain.value["competencies"]:
                competency = item["competency"]
                if competency is not None and competency.pk not in cells:
                    cells[competency.pk] = (domain.value["title"], item)
        return cells

    def competency_count(self):
        return len(self.cells)

    def indicator_count(self):
        return sum(len(item["indicators"]) for _, item in self.cells.values())


def compare_frameworks(a, b):
    """Rows aligned on shared Competency records: (competency, cell_a, cell_b);
    a cell is None when the framework does not cover that competency."""
    rows, order = [], []
    for framework in (a, b):
        for pk, (_label, item) in framework.cells.items():
            if pk not in order:
                order.append(pk)
                rows.append(item["competency"])
    rows.sort(key=lambda c: (c.sort_order, order.index(c.pk)))
    return [(c, a.cells.get(c.pk), b.cells.get(c.pk)) for c in rows]


# --- The bibliography ----------------------------------------------------------


class BibliographyPage(IntroMixin, Page):
    """/fiches-outils/bibliographie/: every Reference with the pages citing it,
    A–Z and by theme (computed, nothing to edit but the intro)."""

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_text")]
    parent_page_types = ["resources.ToolSheetIndexPage"]
    subpage_types = []
    max_count = 1

    def search_text(self):
        return searchable_text(self.title, self.intro)

    class Meta:
        verbose_name = _("bibliographie")
        verbose_name_plural = _("bibliographies")

    def get_context(self, request, *args, **kwargs):
        from resources.models.mixins import Reference
        from resources.sources import citations

        context = super().get_context(request, *args, **kwargs)
        cited = citations(request)
        references = sorted(Reference.objects.all(), key=lambda r: r.sort_key)
        for reference in references:
            reference.cited_by = cited.get(reference.pk, [])
        letters, themes = {}, {}
        for reference in references:
            letters.setdefault(reference.letter, []).append(reference)
            themes.setdefault(reference.theme or str(_("Autres références")), []).append(reference)
        context["references"] = references
        context["letters"] = sorted(letters.items())
        context["themes"] = sorted(themes.items(), key=lambda item: item[0].lower())
        return context
