"""Snippets of the knowledge base: sheet categories, the lexicon, competencies."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from core.links import subpage_path
from core.models.mixins import SlugFromNameMixin
from resources.blocks import ReferenceBlock
from resources.models.mixins import SourcesMixin
from resources.models.pages import LexiconPage
from search.text import fold, searchable_text


class ToolSheetCategory(SlugFromNameMixin, index.Indexed, Orderable):
    """An editable category of tool sheets (comprendre, s'engager, se situer…)."""

    name = models.CharField(_("Nom"), max_length=80, unique=True)
    slug = models.SlugField(_("Identifiant dans l'adresse"), max_length=80, unique=True, blank=True)
    description = models.CharField(_("Description courte"), max_length=250, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("catégorie de fiches")
        verbose_name_plural = _("catégories de fiches")

    def __str__(self):
        return self.name


class Competency(SlugFromNameMixin, index.Indexed, models.Model):
    """A partnership competency shared by several frameworks: rows of the
    comparison view line up on it."""

    name = models.CharField(_("Compétence"), max_length=200, unique=True)
    slug = models.SlugField(_("Identifiant"), max_length=80, unique=True, blank=True)
    description = models.TextField(_("Description commune"), blank=True, max_length=800)
    sort_order = models.PositiveSmallIntegerField(
        _("Ordre"), default=0, help_text=_("Ordre des lignes dans la vue comparée.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("compétence")
        verbose_name_plural = _("compétences")

    def __str__(self):
        return self.name


class GlossaryTerm(
    SourcesMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A word of the lexicon ("Des mots pour se comprendre").

    Only published terms show on the site and in the inline lexicon; drafts
    and the "Relecture croisée" workflow stay in the admin. ClusterableModel
    (a models.Model) keeps related terms and sheets in revisions."""

    term = models.CharField(_("Terme"), max_length=120, unique=True)
    slug = models.SlugField(_("Identifiant dans l'adresse"), max_length=120, unique=True, blank=True)
    variants = models.TextField(
        _("Variantes et synonymes"),
        blank=True,
        help_text=_(
            "Une variante par ligne (ex. « patient expert », « patient ressource », sigle). "
            "Elles sont reconnues dans les textes comme le terme lui-même."
        ),
    )
    short_definition = models.CharField(
        _("Définition courte"),
        max_length=300,
        help_text=_("Une ou deux phrases, reprises dans l'encadré « Les mots de cette fiche »."),
    )
    definition = RichTextField(_("Définition"), features=["bold", "italic", "link", "ul", "ol"])
    sources = StreamField(
        [("reference", ReferenceBlock())],
        blank=True,
        use_json_field=True,
        verbose_name=_("Sources"),
    )
    related_terms = ParentalManyToManyField("self", blank=True, symmetrical=False, verbose_name=_("Termes liés"))
    see_also = ParentalManyToManyField(
        "resources.ToolSheetPage", blank=True, related_name="glossary_terms", verbose_name=_("Fiches à consulter")
    )
    inline_linking = models.BooleanField(
        _("Lier automatiquement dans les textes"),
        default=True,
        help_text=_("Décochez pour un mot trop courant qui serait lié à tort."),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="glossaryterm")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="glossaryterm",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("term"),
        FieldPanel("variants"),
        FieldPanel("short_definition"),
        FieldPanel("definition"),
        FieldPanel("sources"),
        MultiFieldPanel(SourcesMixin.sources_panels, heading=_("Sources structurées et version")),
        MultiFieldPanel(
            [FieldPanel("related_terms"), FieldPanel("see_also")],
            heading=_("Pour aller plus loin"),
        ),
        MultiFieldPanel([FieldPanel("slug"), FieldPanel("inline_linking")], heading=_("Réglages")),
    ]
    search_fields = [
        index.SearchField("term"),
        index.AutocompleteField("term"),
        index.SearchField("search_text"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["term"]
        verbose_name = _("terme du lexique")
        verbose_name_plural = _("termes du lexique")

    def __str__(self):
        return self.term

    @property
    def revisions(self):
        return self._revisions

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.term)[:120]
        super().save(*args, **kwargs)

    def variant_list(self):
        return [line.strip() for line in self.variants.splitlines() if line.strip()]

    def search_text(self):
        return searchable_text(self.term, " ".join(self.variant_list()), self.short_definition, self.definition)

    @property
    def letter(self):
        first = fold(self.term)[:1].upper()
        return first if first.isalpha() else "#"

    def get_url(self, request=None):
        lexicon = LexiconPage.objects.live().first()
        if lexicon is None:
            return None
        return subpage_path(lexicon, "term", self.slug, request=request)

    def get_preview_template(self, request, mode_name):
        return "resources/glossary_term_preview.html"
