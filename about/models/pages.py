"""The pages that say who is behind the portal and what it commits to:
"Qui sommes-nous", "Devenir patient partenaire", the key figures, the legal
notice and the accessibility statement (docs/apps/about.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.models.mixins import IntroMixin, NoIndexMixin
from search.text import searchable_text

RICH = ["bold", "italic", "link", "ul", "ol"]


def tabs(content_panels, promote_panels=Page.promote_panels):
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(promote_panels, heading=_("Référencement")),
            ObjectList(Page.settings_panels, heading=_("Paramètres")),
        ]
    )


class AboutPage(IntroMixin, Page):
    """ "Qui sommes-nous": the CRIAPS, its mission, the regional health plan it
    serves, the co-piloting pair and the members (snippets), how to join."""

    mission = RichTextField(_("Mission"), features=RICH, help_text=_("Ce que fait le groupe, pour qui, comment."))
    health_plan = RichTextField(
        _("Le projet régional de santé"),
        features=RICH,
        help_text=_("La priorité du projet régional de santé que le groupe sert, et ce qu'elle demande."),
    )
    join = RichTextField(
        _("Rejoindre le groupe de travail"),
        features=RICH,
        help_text=_("Qui peut rejoindre le groupe, comment se manifester, ce qui est attendu."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True, verbose_name=_("Compléments"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("mission"),
        FieldPanel("health_plan"),
        HelpPanel(
            content=_(
                "Le binôme de co-pilotage et les membres se gèrent dans Fragments : « Co-pilotes » et "
                "« Membres et contributeurs »."
            )
        ),
        FieldPanel("join"),
        FieldPanel("body"),
    ]
    edit_handler = tabs(content_panels)
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_text")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("page « Qui sommes-nous »")

    def search_text(self):
        return searchable_text(self.title, self.intro, self.mission, self.health_plan, self.join, self.body)

    def get_context(self, request, *args, **kwargs):
        from .snippets import Contributor, CoPilot

        context = super().get_context(request, *args, **kwargs)
        context["copilots"] = list(CoPilot.objects.all())
        contributors = list(Contributor.objects.all())
        context["colleges"] = [
            (label, [c for c in contributors if c.college == value])
            for value, label in Contributor.College.choices
            if any(c.college == value for c in contributors)
        ]
        context["guide"] = PartnerGuidePage.objects.live().public().first()
        context["figures_page"] = KeyFiguresPage.objects.live().public().first()
        return context


class PartnerGuidePage(IntroMixin, Page):
    """ "Devenir patient partenaire": the roles (from the shared vocabulary,
    each linked to its lexicon term), then the editors' text: commitment,
    status and compensation, training, mission letter, risks and the charter."""

    body = StreamField(BaseStreamBlock(), use_json_field=True, verbose_name=_("Contenu"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        HelpPanel(
            content=_(
                "La liste des rôles est construite automatiquement à partir des rôles de l'annuaire et de leur "
                "définition dans le lexique. Rédigez ici : ce à quoi on s'engage, statut et prise en charge "
                "(défraiement, rémunération), formations, lettre de mission, risques et protection par la charte."
            )
        ),
        FieldPanel("body"),
    ]
    edit_handler = tabs(content_panels)
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_text")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("page « Devenir patient partenaire »")

    def search_text(self):
        return searchable_text(self.title, self.intro, self.body)

    def get_context(self, request, *args, **kwargs):
        from core.vocabulary import ROLE_LEXICON_TERMS, PartnerRole
        from directory.models import DirectoryPage
        from resources.models import CharterPage, GlossaryTerm, LexiconPage

        context = super().get_context(request, *args, **kwargs)
        terms = {t.slug: t for t in GlossaryTerm.objects.filter(slug__in=ROLE_LEXICON_TERMS.values(), live=True)}
        lexicon = LexiconPage.objects.live().public().first()
        context["roles"] = [
            {"label": label, "term": terms.get(ROLE_LEXICON_TERMS[value]), "lexicon": lexicon}
            for value, label in PartnerRole.choices
        ]
        context["charter"] = CharterPage.objects.live().public().first()
        context["directory"] = DirectoryPage.objects.live().public().first()
        return context


class KeyFiguresPage(IntroMixin, Page):
    """The key figures, computed from the live data on every request (never
    typed): about/figures.py."""

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        HelpPanel(
            content=_(
                "Les chiffres de cette page sont calculés à partir des données du portail : ils ne se saisissent "
                "pas. Les demandes de mise en relation ne sont affichées qu'à partir de 5, pour que personne ne "
                "soit reconnaissable."
            )
        ),
    ]
    edit_handler = tabs(content_panels)
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_text")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    def search_text(self):
        return searchable_text(self.title, self.intro)

    class Meta:
        verbose_name = _("page des chiffres clés")

    def get_context(self, request, *args, **kwargs):
        from about.figures import key_figures

        context = super().get_context(request, *args, **kwargs)
        context["figures"] = key_figures(request)
        return context


class LegalNoticePage(NoIndexMixin, IntroMixin, Page):
    """The legal notice: each item is a field, shown only when filled, so the
    public never reads an empty or "to be completed" line."""

    publisher = models.CharField(
        _("Éditeur"), max_length=200, help_text=_("Nom de la structure qui publie le portail (association, agence…).")
    )
    publisher_address = models.CharField(
        _("Adresse de l'éditeur"), max_length=255, blank=True, help_text=_("Adresse postale de l'éditeur.")
    )
    publication_director = models.CharField(
        _("Direction de la publication"),
        max_length=200,
        blank=True,
        help_text=_("Obligatoire en production : la personne qui répond des contenus (souvent la présidence)."),
    )
    host = models.CharField(
        _("Hébergeur"), max_length=200, blank=True, help_text=_("Obligatoire en production : nom de l'hébergeur.")
    )
    host_address = models.CharField(
        _("Adresse et téléphone de l'hébergeur"), max_length=255, blank=True, help_text=_("Obligatoire en production.")
    )
    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True, verbose_name=_("Compléments"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("publisher"), FieldPanel("publisher_address"), FieldPanel("publication_director")],
            heading=_("Éditeur"),
        ),
        MultiFieldPanel([FieldPanel("host"), FieldPanel("host_address")], heading=_("Hébergement")),
        FieldPanel("body"),
    ]
    edit_handler = tabs(content_panels, NoIndexMixin.promote_panels)
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    search_fields = Page.search_fields + [index.SearchField("search_text")]

    def search_text(self):
        return searchable_text(self.title, self.intro)

    class Meta:
        verbose_name = _("mentions légales")
        verbose_name_plural = _("mentions légales")

    def missing_for_production(self):
        """The legal items still empty (shown to editors, never to the public)."""
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in ("publisher_address", "publication_director", "host", "host_address")
            if not getattr(self, name)
        ]


class AccessibilityStatementPage(NoIndexMixin, IntroMixin, Page):
    """The accessibility statement in the RGAA's structure: state of
    compliance, non-accessible content, derogations, how it was assessed,
    feedback and remedy."""

    class Compliance(models.TextChoices):
        FULL = "totale", _("totalement conforme")
        PARTIAL = "partielle", _("partiellement conforme")
        NONE = "non", _("non conforme")

    entity = models.CharField(
        _("Entité qui s'engage"), max_length=200, help_text=_("La structure qui publie le portail.")
    )
    compliance = models.CharField(
        _("État de conformité"),
        max_length=10,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
        help_text=_(
            "« Totalement conforme » seulement après un audit complet sans non-conformité ; sans audit, "
            "« non conforme » ou « partiellement conforme » selon les vérifications faites."
        ),
    )
    compliance_rate = models.DecimalField(
        _("Taux de conformité (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Le taux moyen donné par le dernier audit ; laissez vide tant qu'aucun audit n'a été fait."),
    )
    assessment = RichTextField(
        _("Résultats des tests et méthode"),
        features=RICH,
        help_text=_("Qui a évalué, quand, sur quel échantillon de pages, avec quels outils et technologies."),
    )
    non_accessible = RichTextField(
        _("Contenus non accessibles"),
        features=RICH,
        help_text=_("Les non-conformités connues, et ce qui est prévu pour chacune."),
    )
    derogations = RichTextField(
        _("Dérogations pour charge disproportionnée"),
        features=RICH,
        blank=True,
        help_text=_("Laissez vide s'il n'y en a pas : la page le dit alors."),
    )
    out_of_scope = RichTextField(
        _("Contenus non soumis à l'obligation"),
        features=RICH,
        blank=True,
        help_text=_("Par exemple : documents bureautiques publiés avant 2018. Laissez vide s'il n'y en a pas."),
    )
    established_on = models.DateField(_("Déclaration établie le"))
    feedback = RichTextField(
        _("Retour d'information et contact"),
        features=RICH,
        help_text=_("Comment signaler un défaut d'accessibilité et obtenir le contenu sous une autre forme."),
    )
    schema = RichTextField(
        _("Schéma pluriannuel et plan d'action"),
        features=RICH,
        blank=True,
        help_text=_("Lien vers le schéma pluriannuel de mise en accessibilité, quand il existe."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("entity"),
                FieldPanel("compliance"),
                FieldPanel("compliance_rate"),
                FieldPanel("established_on"),
            ],
            heading=_("État de conformité"),
        ),
        FieldPanel("assessment"),
        FieldPanel("non_accessible"),
        FieldPanel("derogations"),
        FieldPanel("out_of_scope"),
        FieldPanel("feedback"),
        FieldPanel("schema"),
    ]
    edit_handler = tabs(content_panels, NoIndexMixin.promote_panels)
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    search_fields = Page.search_fields + [index.SearchField("search_text")]

    def search_text(self):
        return searchable_text(self.title, self.intro)

    class Meta:
        verbose_name = _("déclaration d'accessibilité")
        verbose_name_plural = _("déclarations d'accessibilité")
