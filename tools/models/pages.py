"""The two tool pages: the partnership barometer and the engagement matrix."""

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.antiabuse import rate_limit_exceeded, render_rate_limited
from core.blocks import BaseStreamBlock
from core.models.mixins import IntroMixin
from core.vocabulary import EngagementDegree, EngagementScale
from search.text import searchable_text

from .barometer import (
    MAX_ANSWERS_PER_SESSION,
    BarometerAnswer,
    BarometerDimension,
    BarometerSession,
    Scale,
)


def private(response):
    """Headers for pages reached by a secret link: never indexed, never
    cached by a shared cache, and the secret never leaks as a Referer to
    another site (same-origin: the CSRF check still sees our own Origin)."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store"
    return response


def answer_rate_limit():
    return getattr(settings, "PORTAL_BAROMETER_ANSWERS_PER_HOUR", 60)


class SelfAssessmentPage(RoutablePageMixin, IntroMixin, Page):
    """The partnership barometer: self-assessment, alone or within a team
    session (rounds T0, T1…). Dimensions and criteria are snippets
    (« Baromètre » in the admin menu); answers and sessions live behind
    unguessable links served by this page's routes."""

    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        use_json_field=True,
        verbose_name="Mode d'emploi",
        help_text="Comment se servir du baromètre, seul ou en équipe.",
    )
    privacy_notice = models.TextField(
        "Notice de confidentialité",
        max_length=800,
        default=(
            "Nous ne vous demandons ni nom ni adresse : seulement votre rôle dans le projet. Vos réponses "
            "ne sont accessibles que par leur lien privé ; les sessions inactives depuis 18 mois sont effacées."
        ),
        help_text="Affichée au-dessus du formulaire.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("privacy_notice"),
        HelpPanel(
            content=(
                "Les dimensions et critères du baromètre se modifient dans le menu « Baromètre » "
                "(dimensions du baromètre)."
            )
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Contenu"),
            ObjectList(Page.promote_panels, heading="Référencement"),
        ]
    )

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_text")]

    parent_page_types = ["resources.ToolSheetIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "baromètre du partenariat"
        verbose_name_plural = "baromètres du partenariat"

    def search_text(self):
        return searchable_text(self.title, self.intro, self.body)

    # --- helpers -------------------------------------------------------------

    @staticmethod
    def dimensions():
        return list(BarometerDimension.objects.prefetch_related("criteria"))

    def render_private(self, request, template, context, status=200):
        context = {**self.get_context(request), **context}
        response = TemplateResponse(request, f"tools/{template}", context, status=status)
        return private(response)

    def url_of(self, name, *args):
        return self.url + self.reverse_subpage(name, args=args)

    # --- routes --------------------------------------------------------------

    @path("")
    def index_route(self, request):
        from ..forms import JoinForm, SessionForm

        context = self.get_context(request)
        context["session_form"] = SessionForm()
        context["join_form"] = JoinForm()
        context["dimensions"] = self.dimensions()
        return TemplateResponse(request, self.get_template(request), context)

    @path("repondre/", name="answer_new")
    def answer_new(self, request):
        return self.answer_form_view(request, session=None)

    @path("session/nouvelle/", name="session_new")
    def session_new(self, request):
        from ..forms import SessionForm

        form = SessionForm(request.POST or None)
        if request.method == "POST":
            if form.is_valid():
                context = {"session_form": form}
                if rate_limit_exceeded(request, "barometre-session"):
                    return private(
                        render_rate_limited(request, "tools/session_new.html", {**self.get_context(request), **context})
                    )
                if form.is_spam:
                    return HttpResponseRedirect(self.url)
                session = form.save()
                return HttpResponseRedirect(self.url_of("session_manage", session.admin_token))
            return self.render_private(request, "session_new.html", {"session_form": form}, status=400)
        return self.render_private(request, "session_new.html", {"session_form": form})

    @path("session/rejoindre/", name="session_join")
    def session_join(self, request):
        from ..forms import JoinForm

        form = JoinForm(request.GET or None)
        if form.is_bound and form.is_valid():
            session = BarometerSession.objects.filter(token=form.code_value()).first()
            if session is not None:
                return HttpResponseRedirect(self.url_of("session_detail", session.token))
            # Wrong codes are counted: guessing is hopeless (192 bits), and now slow too.
            if rate_limit_exceeded(request, "barometre-code", limit=answer_rate_limit()):
                context = {**self.get_context(request), "join_form": form}
                return private(render_rate_limited(request, "tools/session_join.html", context))
            raise Http404("Session inconnue")
        status = 400 if form.is_bound else 200
        return self.render_private(request, "session_join.html", {"join_form": form}, status=status)

    @path("session/<str:code>/", name="session_detail")
    def session_detail(self, request, code):
        from ..session_view import session_context

        session = get_object_or_404(BarometerSession, token=code)
        context = session_context(self, request, session)
        return self.render_private(request, "session_detail.html", context)

    @path("session/<str:code>/repondre/", name="session_answer")
    def session_answer(self, request, code):
        session = get_object_or_404(BarometerSession, token=code)
        return self.answer_form_view(request, session=session)

    @path("session/<str:code>/csv/", name="session_csv")
    def session_csv(self, request, code):
        from ..export import session_csv

        session = get_object_or_404(BarometerSession, token=code)
        return private(session_csv(session, self.dimensions()))

    @path("gerer/<str:admin_token>/", name="session_manage")
    def session_manage(self, request, admin_token):
        from ..forms import ManageForm

        session = get_object_or_404(BarometerSession, admin_token=admin_token)
        form = ManageForm(request.POST or None)
        if request.method == "POST":
            if not form.is_valid():
                return self.render_private(
                    request, "session_manage.html", {"session": session, "manage_form": form}, status=400
                )
            if form.cleaned_data["action"] == "supprimer":
                session.delete()
                return self.render_private(request, "session_deleted.html", {})
            session.current_round += 1
            session.save(update_fields=["current_round"])
            session.touch()
            return HttpResponseRedirect(self.url_of("session_manage", session.admin_token) + "?nouveau-temps=1")
        context = {
            "session": session,
            "manage_form": form,
            "new_round": "nouveau-temps" in request.GET,
            "answer_count": session.answers.count(),
        }
        return self.render_private(request, "session_manage.html", context)

    @path("reponse/<str:token>/", name="answer_edit")
    def answer_edit(self, request, token):
        answer = get_object_or_404(BarometerAnswer.objects.select_related("session"), token=token)
        return self.answer_form_view(request, session=answer.session, answer=answer)

    @path("reponse/<str:token>/resultat/", name="answer_result")
    def answer_result(self, request, token):
        from ..session_view import answer_context

        answer = get_object_or_404(BarometerAnswer.objects.select_related("session"), token=token)
        return self.render_private(request, "answer_result.html", answer_context(self, answer))

    @path("reponse/<str:token>/csv/", name="answer_csv")
    def answer_csv(self, request, token):
        from ..export import answer_csv

        answer = get_object_or_404(BarometerAnswer, token=token)
        return private(answer_csv(answer, self.dimensions()))

    @path("reponse/<str:token>/supprimer/", name="answer_delete")
    def answer_delete(self, request, token):
        answer = get_object_or_404(BarometerAnswer, token=token)
        if request.method == "POST":
            answer.delete()
            return self.render_private(request, "answer_deleted.html", {})
        return self.render_private(request, "answer_delete.html", {"answer": answer})

    # --- the answer form -----------------------------------------------------

    def answer_form_view(self, request, session=None, answer=None):
        from ..forms import AnswerForm

        dimensions = self.dimensions()
        context = {"session": session, "answer": answer, "dimensions": dimensions, "scale_choices": Scale.choices}
        full = answer is None and session is not None and session.answers.count() >= MAX_ANSWERS_PER_SESSION
        if full:
            context["max_answers"] = MAX_ANSWERS_PER_SESSION
            return self.render_private(request, "session_full.html", context, status=409)
        if request.method != "POST":
            initial = AnswerForm.initial_from(answer, dimensions) if answer else None
            context["form"] = AnswerForm(initial=initial, dimensions=dimensions)
            context["saved"] = "enregistre" in request.GET
            return self.render_private(request, "answer_form.html", context)

        finish = "valider" in request.POST
        form = AnswerForm(request.POST, dimensions=dimensions, finish=finish)
        context["form"] = form
        if not form.is_valid():
            return self.render_private(request, "answer_form.html", context, status=400)
        if answer is None:
            if rate_limit_exceeded(request, "barometre-reponse", limit=answer_rate_limit()):
                return private(
                    render_rate_limited(request, "tools/answer_form.html", {**self.get_context(request), **context})
                )
            if form.is_spam:
                return HttpResponseRedirect(self.url)
            answer = BarometerAnswer(session=session, round=session.current_round if session else 0)
        form.apply_to(answer)
        with transaction.atomic():
            if session is not None:
                locked = BarometerSession.objects.select_for_update().get(pk=session.pk)
                if answer.pk is None and locked.answers.count() >= MAX_ANSWERS_PER_SESSION:
                    context["max_answers"] = MAX_ANSWERS_PER_SESSION
                    return self.render_private(request, "session_full.html", context, status=409)
                locked.touch()
            answer.save()
        if finish:
            return HttpResponseRedirect(self.url_of("answer_result", answer.token))
        return HttpResponseRedirect(self.url_of("answer_edit", answer.token) + "?enregistre=1")


# --- The engagement matrix ---------------------------------------------------

LINKED_MODELS = [("resources", "ToolSheetPage", "Fiches outils"), ("projects", "ProjectPage", "Projets")]


def cell_field(scale, degree):
    return f"{scale}_{degree}"


def _cell(label):
    return models.TextField(label, blank=True, max_length=500)


class EngagementMatrixPage(IntroMixin, Page):
    """The continuum of engagement (information → partenariat) across the
    three levels (micro, méso, macro). Each cell has an editable description
    and lists the live tool sheets and projects tagged with its level and
    degree (one query per linked model)."""

    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True, verbose_name="Pour aller plus loin")

    micro_information = _cell("Micro — information")
    micro_consultation = _cell("Micro — consultation")
    micro_collaboration = _cell("Micro — collaboration")
    micro_partenariat = _cell("Micro — partenariat")
    meso_information = _cell("Méso — information")
    meso_consultation = _cell("Méso — consultation")
    meso_collaboration = _cell("Méso — collaboration")
    meso_partenariat = _cell("Méso — partenariat")
    macro_information = _cell("Macro — information")
    macro_consultation = _cell("Macro — consultation")
    macro_collaboration = _cell("Macro — collaboration")
    macro_partenariat = _cell("Macro — partenariat")

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    cell_panels = [
        MultiFieldPanel(
            [FieldPanel(cell_field(scale, degree)) for degree in EngagementDegree.values],
            heading=label,
            help_text="Décrivez en une ou deux phrases ce que recouvre chaque degré d'engagement à ce niveau.",
        )
        for scale, label in EngagementScale.choices
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Contenu"),
            ObjectList(cell_panels, heading="Cases de la matrice"),
            ObjectList(Page.promote_panels, heading="Référencement"),
        ]
    )

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_text")]

    parent_page_types = ["resources.ToolSheetIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "matrice de l'engagement"
        verbose_name_plural = "matrices de l'engagement"

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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["rows"] = self.rows()
        context["degrees"] = EngagementDegree.choices
        return context
