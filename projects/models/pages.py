"""Project pages and the showcase that lists them (/projets/)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import geo
from core.links import join_subpage
from core.models import Domain
from core.models.mixins import IntroMixin
from core.routing import view_route
from core.vocabulary import EngagementDegree, EngagementScale, PartnerRole, StructureType
from projects.blocks import ProjectStreamBlock
from projects.models.accompaniment import STEP_ORDER, MethodStep, step_reached
from search.text import searchable_text


class ProjectStatus(models.TextChoices):
    PLANNED = "en-projet", _("En projet")
    RUNNING = "en-cours", _("En cours")
    DONE = "termine", _("Terminé")


class ProjectProvenance(models.TextChoices):
    """Where a demonstration project comes from (docs/demo-content.md)."""

    SOURCES = "sources", _("D'après les documents sources")
    FICTIONAL = "fictif", _("Fictif")


class ProjectPageTag(TaggedItemBase):
    """Themes of a project, on taggit's default Tag model (shared with tool sheets)."""

    content_object = ParentalKey("projects.ProjectPage", related_name="tagged_items", on_delete=models.CASCADE)


class ProjectPartnerRole(Orderable):
    """A partner role involved in a project (a child table, so facets can count it)."""

    page = ParentalKey("projects.ProjectPage", related_name="partner_roles", on_delete=models.CASCADE)
    role = models.CharField(_("Rôle"), max_length=40, choices=PartnerRole.choices)

    panels = [FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("rôle de partenaire")
        verbose_name_plural = _("rôles de partenaires")
        constraints = [models.UniqueConstraint(fields=["page", "role"], name="projects_unique_role_per_page")]

    def __str__(self):
        return self.get_role_display()


class ProjectRelatedSheet(Orderable):
    """A tool sheet that helped the project (shown on the project page)."""

    page = ParentalKey("projects.ProjectPage", related_name="related_sheets", on_delete=models.CASCADE)
    sheet = models.ForeignKey(
        "resources.ToolSheetPage",
        verbose_name=_("Fiche outil"),
        related_name="project_links",
        on_delete=models.CASCADE,
    )

    panels = [FieldPanel("sheet")]

    class Meta(Orderable.Meta):
        verbose_name = _("fiche outil liée")
        verbose_name_plural = _("fiches outils liées")

    def __str__(self):
        return str(self.sheet)


class ProjectPage(Page):
    """One accompanied project: who, where, when, how far patients are engaged,
    and what came out of it."""

    summary = models.CharField(
        _("Résumé en une ligne"), max_length=255, help_text=_("Affiché sur les cartes de la liste et dans le flux.")
    )
    domain = models.ForeignKey(
        "core.Domain",
        verbose_name=_("Domaine"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    tags = ClusterTaggableManager(
        _("Thèmes"),
        through=ProjectPageTag,
        blank=True,
        help_text=_("Sous-thèmes partagés avec les fiches outils : parcours de soins, ETP, aidants, FALC…"),
    )
    is_illustrative = models.BooleanField(
        _("Exemple illustratif"),
        default=False,
        help_text=_("Cochez pour un projet de démonstration : un bandeau prévient que les chiffres sont inventés."),
    )

    provenance = models.CharField(
        _("Provenance"),
        max_length=10,
        choices=ProjectProvenance.choices,
        blank=True,
        help_text=_(
            "Pour un projet de démonstration : « d'après les documents sources » (seuls la structure et le sujet "
            "viennent du document cité) ou « fictif » (structure inventée, signalée par « (fictif) » dans son nom). "
            "Laissez vide pour un projet réel décrit par son équipe."
        ),
    )
    provenance_source = models.CharField(
        _("Document source"),
        max_length=255,
        blank=True,
        help_text=_("Le document d'où viennent la structure et le sujet : titre, auteur ou organisme, date."),
    )

    structure_name = models.CharField(_("Structure porteuse"), max_length=160)
    structure_type = models.CharField(
        _("Type de structure"), max_length=20, choices=StructureType.choices, default=StructureType.CH
    )
    region_code = models.CharField(_("Région"), max_length=3, choices=geo.REGION_CHOICES, blank=True)
    department_code = models.CharField(_("Département"), max_length=3, choices=geo.DEPARTMENT_CHOICES)
    town = models.CharField(_("Commune"), max_length=100, blank=True)

    start_year = models.PositiveSmallIntegerField(_("Année de début"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("Année de fin"), null=True, blank=True)
    status = models.CharField(_("État"), max_length=12, choices=ProjectStatus.choices, default=ProjectStatus.RUNNING)

    engagement_degree = models.CharField(
        _("Degré d'engagement"),
        max_length=20,
        choices=EngagementDegree.choices,
        help_text=_("De l'information des patients jusqu'au partenariat (co-construction, co-décision)."),
    )
    engagement_scale = models.CharField(
        _("Niveau"),
        max_length=10,
        choices=EngagementScale.choices,
        help_text=_(
            "Micro : les soins d'une personne ; méso : un service ou une organisation ; macro : une politique."
        ),
    )

    body = StreamField(ProjectStreamBlock(), blank=True, use_json_field=True, verbose_name=_("Contenu"))

    call = models.ForeignKey(
        "accompaniment.CallForProjectsPage",
        verbose_name=_("Appel à projets"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
        help_text=_("L'appel à projets par lequel l'équipe est accompagnée, s'il y en a un."),
    )
    step_reached = models.CharField(
        _("Étape atteinte"), max_length=20, choices=MethodStep.choices, blank=True, editable=False
    )

    contact_label = models.CharField(
        _("Contact : intitulé"),
        max_length=120,
        blank=True,
        help_text=_("Par exemple : « Direction de la qualité ». Jamais le nom d'une personne."),
    )
    contact_email = models.EmailField(
        _("Contact : adresse générique"),
        blank=True,
        help_text=_(
            "Une adresse de service ou de structure, affichée publiquement. Laissez vide pour ne rien afficher."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("is_illustrative"),
        MultiFieldPanel([FieldPanel("provenance"), FieldPanel("provenance_source")], heading=_("Provenance")),
        FieldPanel("body"),
    ]
    description_panels = [
        MultiFieldPanel([FieldPanel("domain"), FieldPanel("tags")], heading=_("Domaine et thèmes")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("engagement_degree"), FieldPanel("engagement_scale")]),
                InlinePanel("partner_roles", label=_("Rôle de partenaire impliqué")),
            ],
            heading=_("Engagement des patients"),
        ),
        MultiFieldPanel(
            [FieldPanel("structure_name"), FieldPanel("structure_type")],
            heading=_("Structure"),
        ),
        MultiFieldPanel(
            [FieldPanel("department_code"), FieldPanel("town"), FieldPanel("region_code")],
            heading=_("Territoire"),
            help_text=_("La région se déduit du département si vous la laissez vide."),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]), FieldPanel("status")],
            heading=_("Période"),
        ),
        MultiFieldPanel([FieldPanel("contact_label"), FieldPanel("contact_email")], heading=_("Contact public")),
        InlinePanel("related_sheets", label=_("Fiche outil liée"), heading=_("Fiches outils liées")),
    ]
    accompaniment_panels = [
        FieldPanel("call"),
        InlinePanel(
            "accompaniment_steps",
            label=_("Étape"),
            heading=_("Étapes de l'accompagnement"),
            help_text=_("Les six étapes de la méthode ; ajoutez-les au fil du projet, dans l'ordre qui convient."),
            max_num=len(MethodStep),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(description_panels, heading=_("Fiche descriptive")),
            ObjectList(accompaniment_panels, heading=_("Accompagnement")),
            ObjectList(Page.promote_panels, heading=_("Référencement")),
            ObjectList(Page.settings_panels, heading=_("Paramètres")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("search_text"),
        index.FilterField("domain"),
        index.FilterField("status"),
        index.FilterField("department_code"),
        index.FilterField("region_code"),
    ]

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("projet")
        verbose_name_plural = _("projets")

    def save(self, *args, **kwargs):
        if self.department_code and not self.region_code:
            self.region_code = geo.region_of(self.department_code)
        self.step_reached = step_reached(self.accompaniment_steps.all())
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.provenance == ProjectProvenance.SOURCES and not self.provenance_source.strip():
            raise ValidationError({"provenance_source": gettext("Citez le document d'où vient ce projet.")})
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": gettext("L'année de fin ne peut pas précéder l'année de début.")})

    def search_text(self):
        return searchable_text(
            self.title,
            self.summary,
            self.structure_name,
            self.town,
            geo.department_name(self.department_code),
            self.domain.name if self.domain_id else "",
            " ".join(tag.name for tag in self.tags.all()),
            self.body,
        )

    def get_meta_description(self):
        return self.search_description or self.summary

    @property
    def department_name(self):
        return geo.department_name(self.department_code)

    @property
    def region_name(self):
        return geo.region_name(self.region_code)

    @property
    def period(self):
        if self.start_year and self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        if self.start_year and self.status != ProjectStatus.DONE and not self.end_year:
            return f"depuis {self.start_year}"
        return str(self.start_year or self.end_year or "")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index_page"] = self.get_parent().specific if self.depth > 1 else None
        context["roles"] = list(self.partner_roles.all())
        context["themes"] = list(self.tags.all())
        context["related_sheets"] = self.related_sheet_pages()
        context["accompaniment_steps"] = sorted(
            self.accompaniment_steps.all(), key=lambda s: STEP_ORDER.get(s.step, 99)
        )
        return context

    def related_sheet_pages(self):
        """Live tool sheets linked to this project, in the editor's order."""
        return [link.sheet for link in self.related_sheets.select_related("sheet").filter(sheet__live=True)]


class ProjectIndexPage(RoutablePageMixin, IntroMixin, Page):
    """The showcase: filters with counts, domain landing pages, the territory
    map, the Atom feed and the proposal form are routes of this page."""

    per_page = models.PositiveSmallIntegerField(_("Projets par page"), default=12)
    map_intro = models.TextField(
        _("Introduction de la carte"),
        blank=True,
        max_length=600,
        help_text=_("Affichée au-dessus de la carte du territoire."),
    )
    proposal_intro = models.TextField(
        _("Introduction du formulaire « Proposer un projet »"), blank=True, max_length=800
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("per_page"),
        FieldPanel("map_intro"),
        FieldPanel("proposal_intro"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_text")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["projects.ProjectPage"]
    max_count = 1

    class Meta:
        verbose_name = _("liste des projets")
        verbose_name_plural = _("listes des projets")

    def search_text(self):
        return searchable_text(self.title, self.intro)

    # --- Routes ---------------------------------------------------------------

    index_route = view_route("", "projects.views.project_list", name="index_route")
    domain_route = view_route("domaine/<slug:slug>/", "projects.views.domain_project_list", name="domain_route")
    map_route = view_route("carte/", "projects.views.territory_map", name="map_route")
    feed_route = view_route("flux/", "projects.views.atom_feed", name="feed_route")
    proposal_route = view_route("proposer/", "projects.views.propose", name="proposal_route")

    def get_sitemap_urls(self, request=None):
        """The listing, plus each domain's landing page and the map (on the
        host Wagtail's sitemap gives the listing itself)."""
        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        location = urls[0]["location"]
        extra = [("domain_route", [slug]) for slug in Domain.objects.values_list("slug", flat=True)]
        extra.append(("map_route", []))
        return urls + [
            {"location": join_subpage(location, self, name, *args), "lastmod": self.last_published_at}
            for name, args in extra
        ]

    # --- Data -----------------------------------------------------------------

    def projects(self):
        """Live, public projects of this showcase."""
        return ProjectPage.objects.live().public().child_of(self)
