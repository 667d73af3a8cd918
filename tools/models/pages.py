"""The two tool pages: the partnership barometer and the engagement matrix."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.models.mixins import IntroMixin
from core.routing import view_route
from core.vocabulary import EngagementDegree, EngagementScale
from resources.models.mixins import SourcesMixin
from search.text import searchable_text

from .barometer import BarometerDimension


class SelfAssessmentPage(SourcesMixin, RoutablePageMixin, IntroMixin, Page):
    """The partnership barometer: self-assessment, alone or within a team
    session (rounds T0, T1…). Dimensions and criteria are snippets
    (« Baromètre » in the admin menu); answers and sessions live behind
    unguessable links served by this page's routes."""

    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        use_json_field=True,
        verbose_name=_("Mode d'emploi"),
        help_text=_("Comment se servir du baromètre, seul ou en équipe."),
    )
    privacy_notice = models.TextField(
        _("Notice de confidentialité"),
        max_length=800,
        default=(
            "Nous ne vous demandons ni nom ni adresse : seulement votre rôle dans le projet. Vos réponses "
            "ne sont accessibles que par leur lien privé ; les sessions inactives depuis 18 mois sont effacées."
        ),
        help_text=_("Affichée au-dessus du formulaire."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("privacy_notice"),
        HelpPanel(
            content=(
                _(
                    "Les dimensions et critères du baromètre se modifient dans le menu « Baromètre » "
                    "(dimensions du baromètre)."
                )
            )
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(SourcesMixin.sources_panels, heading=_("Sources et version")),
            ObjectList(Page.promote_panels, heading=_("Référencement")),
        ]
    )

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_text")]

    parent_page_types = ["resources.ToolSheetIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("baromètre du partenariat")
        verbose_name_plural = _("baromètres du partenariat")

    def search_text(self):
        return searchable_text(self.title, self.intro, self.body)

    @staticmethod
    def dimensions():
        return list(BarometerDimension.objects.prefetch_related("criteria"))

    # --- routes: each delegates to tools/views.py ------------------------------

    index_route = view_route("", "tools.views.barometer_home", name="index_route")
    answer_new = view_route("repondre/", "tools.views.answer_new", name="answer_new")
    session_new = view_route("session/nouvelle/", "tools.views.session_new", name="session_new")
    session_join = view_route("session/rejoindre/", "tools.views.session_join", name="session_join")
    session_detail = view_route("session/<str:code>/", "tools.views.session_detail", name="session_detail")
    session_answer = view_route("session/<str:code>/repondre/", "tools.views.session_answer", name="session_answer")
    session_csv = view_route("session/<str:code>/csv/", "tools.views.session_csv", name="session_csv")
    session_manage = view_route("gerer/<str:admin_token>/", "tools.views.session_manage", name="session_manage")
    answer_edit = view_route("reponse/<str:token>/", "tools.views.answer_edit", name="answer_edit")
    answer_result = view_route("reponse/<str:token>/resultat/", "tools.views.answer_result", name="answer_result")
    answer_pdf = view_route("reponse/<str:token>/pdf/", "tools.views.answer_pdf", name="answer_pdf")
    answer_csv = view_route("reponse/<str:token>/csv/", "tools.views.answer_csv", name="answer_csv")
    answer_delete = view_route("reponse/<str:token>/supprimer/", "tools.views.answer_delete", name="answer_delete")


# --- The engagement matrix ---------------------------------------------------

LINKED_MODELS = [("resources", "ToolSheetPage", _("Fiches outils")), ("projects", "ProjectPage", _("Projets"))]


def cell_field(scale, degree):
    return f"{scale}_{degree}"


def _cell(label):
    return models.TextField(label, blank=True, max_length=500)


class EngagementMatrixPage(SourcesMixin, IntroMixin, Page):
    """The continuum of engagement (information → partenariat) across the
    three levels (micro, méso, macro). Each cell has an editable description
    and lists the live tool sheets and projects tagged with its level and
    degree (one query per linked model)."""

    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True, verbose_name=_("Pour aller plus loin"))

    micro_information = _cell(_("Micro — information"))
    micro_consultation = _cell(_("Micro — consultation"))
    micro_collaboration = _cell(_("Micro — collaboration"))
    micro_partenariat = _cell(_("Micro — partenariat"))
    meso_information = _cell(_("Méso — information"))
    meso_consultation = _cell(_("Méso — consultation"))
    meso_collaboration = _cell(_("Méso — collaboration"))
    meso_partenariat = _cell(_("Méso — partenariat"))
    macro_information = _cell(_("Macro — information"))
    macro_consultation = _cell(_("Macro — consultation"))
    macro_collaboration = _cell(_("Macro — collaboration"))
    macro_partenariat = _cell(_("Macro — partenariat"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    cell_panels = [
        MultiFieldPanel(
            [FieldPanel(cell_field(scale, degree)) for degree in EngagementDegree.values],
            heading=label,
            help_text=_("Décrivez en une ou deux phrases ce que recouvre chaque degré d'engagement à ce niveau."),
        )
        for scale, label in EngagementScale.choices
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(cell_panels, heading=_("Cases de la matrice")),
            ObjectList(SourcesMixin.sources_panels, heading=_("Sources et version")),
            ObjectList(Page.promote_panels, heading=_("Référencement")),
        ]
    )

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_text")]

    parent_page_types = ["resources.ToolSheetIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("matrice de l'engagement")
        verbose_name_plural = _("matrices de l'engagement")

    def search_text(self):
        cells = [getattr(self, cell_field(s, d)) for s in EngagementScale.values for d in EngagementDegree.values]
        return searchable_text(self.title, self.intro, *cells, self.body)

    def linked_pages(self):
        """{(scale, degree): {label: [page, …]}} of live tool sheets and
        projects; one query per model, whatever their number."""
        links = {}
        for app_label, model_name, label in LINKED_MODELS:
            try:
                model = apps.get_model(app_label, model_name)
            except LookupError:
                continue
            pages = (
                model.objects.live()
                .public()
                .exclude(engagement_scale="")
                .exclude(engagement_degree="")
                .only("id", "title", "url_path", "path", "depth", "engagement_scale", "engagement_degree")
                .order_by("title")
            )
            for page in pages:
                key = (page.engagement_scale, page.engagement_degree)
                links.setdefault(key, {}).setdefault(label, []).append(page)
        return links

    def rows(self):
        links = self.linked_pages()
        return [
            {
                "scale": scale,
                "label": label,
                "cells": [
                    {
                        "degree": degree,
                        "degree_label": degree_label,
                        "text": getattr(self, cell_field(scale, degree)),
                        "links": sorted(links.get((scale, degree), {}).items(), key=lambda item: item[0]),
                    }
                    for degree, degree_label in EngagementDegree.choices
                ],
            }
            for scale, label in EngagementScale.choices
        ]

    def pdf_context(self):
        return {"rows": self.rows(), "degrees": EngagementDegree.choices}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["rows"] = self.rows()
        context["degrees"] = EngagementDegree.choices
        return context
