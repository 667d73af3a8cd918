"""Calls for projects (appels à projets): the index at /appels-a-projets/ and
one page per call, whose form stores applications while the call is open."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.models.mixins import IntroMixin
from core.pagecache import limit_page_cache, next_local_midnight
from search.text import searchable_text

RICH_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class CallPhase(models.TextChoices):
    UPCOMING = "a-venir", _("À venir")
    OPEN = "ouvert", _("Ouvert")
    CLOSED = "clos", _("Clos")


class CallForProjectsIndexPage(IntroMixin, Page):
    """The list of calls: open ones first, then upcoming, then closed ones
    with their outcome figures (computed from the applications)."""

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_text")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["accompaniment.CallForProjectsPage"]
    max_count = 1

    def serve(self, request, *args, **kwargs):
        # Open calls come first: the order changes at midnight, when a call opens or closes.
        limit_page_cache(request, next_local_midnight())
        return super().serve(request, *args, **kwargs)

    class Meta:
        verbose_name = _("liste des appels à projets")
        verbose_name_plural = _("listes des appels à projets")

    def search_text(self):
        return searchable_text(self.title, self.intro)

    def get_meta_description(self):
        return self.search_description or self.intro

    def calls(self):
        """Live calls with their outcome figures, one query whatever their number."""
        from accompaniment.models.applications import ELIGIBLE_STATUSES, ApplicationStatus

        counted = Q(applications__is_spam=False)
        return (
            CallForProjectsPage.objects.live()
            .public()
            .child_of(self)
            .annotate(
                received_count=Count("applications", filter=counted),
                eligible_count=Count("applications", filter=counted & Q(applications__status__in=ELIGIBLE_STATUSES)),
                retained_count=Count(
                    "applications", filter=counted & Q(applications__status=ApplicationStatus.RETAINED)
                ),
            )
            .order_by("-opens_on", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        groups = {CallPhase.OPEN: [], CallPhase.UPCOMING: [], CallPhase.CLOSED: []}
        for call in self.calls():
            groups[call.phase(today)].append(call)
        context["open_calls"] = groups[CallPhase.OPEN]
        context["upcoming_calls"] = groups[CallPhase.UPCOMING]
        context["closed_calls"] = groups[CallPhase.CLOSED]
        return context


class CallForProjectsPage(IntroMixin, Page):
    """One call: who may apply, what the accompaniment offers, the calendar,
    the selection criteria, the regulation, a contact; and, while it is open,
    the application form (see accompaniment.views)."""

    eligibility = RichTextField(
        _("Qui peut candidater"),
        features=RICH_FEATURES,
        help_text=_("Les structures et équipes concernées, les conditions à remplir."),
    )
    offer = RichTextField(
        _("Ce que propose l'accompagnement"),
        features=RICH_FEATURES,
        help_text=_("Sessions de formation-action, réunions d'accompagnement, communauté de pratique…"),
    )
    criteria = RichTextField(_("Critères de sélection"), features=RICH_FEATURES, blank=True)
    opens_on = models.DateField(
        _("Date d'ouverture"), help_text=_("Le formulaire s'ouvre ce jour-là (heure de Paris).")
    )
    closes_on = models.DateField(
        _("Date de clôture"), help_text=_("Dernier jour pour candidater : le formulaire ferme le lendemain à minuit.")
    )
    decision_on = models.DateField(_("Date de décision"), null=True, blank=True)
    regulation = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Règlement (PDF)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_label = models.CharField(
        _("Contact : intitulé"),
        max_length=120,
        blank=True,
        help_text=_("Par exemple : « Secrétariat du groupe de travail ». Jamais le nom d'une personne."),
    )
    contact_email = models.EmailField(
        _("Contact : adresse générique"), blank=True, help_text=_("Une adresse de service, affichée publiquement.")
    )
    form_intro = models.TextField(_("Introduction du formulaire de candidature"), blank=True, max_length=800)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("eligibility"),
        FieldPanel("offer"),
        FieldPanel("criteria"),
    ]
    calendar_panels = [
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on"), FieldPanel("decision_on")]),
        MultiFieldPanel([FieldPanel("regulation")], heading=_("Documents")),
        MultiFieldPanel([FieldPanel("contact_label"), FieldPanel("contact_email")], heading=_("Contact public")),
        FieldPanel("form_intro"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(calendar_panels, heading=_("Calendrier et candidature")),
            ObjectList(Page.promote_panels, heading=_("Référencement")),
            ObjectList(Page.settings_panels, heading=_("Paramètres")),
        ]
    )
    search_fields = Page.search_fields + [index.SearchField("search_text")]

    parent_page_types = ["accompaniment.CallForProjectsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("appel à projets")
        verbose_name_plural = _("appels à projets")

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": gettext("La clôture ne peut pas précéder l'ouverture.")})
        if self.closes_on and self.decision_on and self.decision_on < self.closes_on:
            raise ValidationError({"decision_on": gettext("La décision ne peut pas précéder la clôture.")})

    def search_text(self):
        return searchable_text(self.title, self.intro, self.eligibility, self.offer, self.criteria)

    def get_meta_description(self):
        return self.search_description or self.intro

    def phase(self, today=None):
        """Where the call stands on `today` (a local date, Europe/Paris)."""
        today = today or timezone.localdate()
        if today < self.opens_on:
            return CallPhase.UPCOMING
        if today > self.closes_on:
            return CallPhase.CLOSED
        return CallPhase.OPEN

    def is_open(self, today=None):
        return self.phase(today) == CallPhase.OPEN

    def serve(self, request, *args, **kwargs):
        from accompaniment.views import serve_call

        # A call opens and closes at midnight (local dates): a cached copy expires then.
        limit_page_cache(request, next_local_midnight())
        return serve_call(self, request)
