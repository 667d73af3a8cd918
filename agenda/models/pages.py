"""The agenda (/agenda/) and its events: regional days, webinars,
training-action sessions, community of practice meetings."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BaseStreamBlock, DocumentBlock
from core.models.mixins import IntroMixin
from core.pagecache import limit_page_cache, next_local_midnight
from core.routing import view_route
from core.vocabulary import Audience
from search.text import searchable_text


class EventKind(models.TextChoices):
    REGIONAL_DAY = "journee-regionale", _("Journée régionale")
    WEBINAR = "webinaire", _("Webinaire")
    TRAINING = "formation-action", _("Session de formation-action")
    COMMUNITY = "communaute-pratique", _("Communauté de pratique")


class RegistrationState(models.TextChoices):
    """What the event page offers, from `EventPage.registration_state`."""

    NONE = "sans", _("Sans inscription")
    OPEN = "ouverte", _("Inscriptions ouvertes")
    WAITING = "attente", _("Complet : liste d'attente ouverte")
    FULL = "complet", _("Complet")
    CLOSED = "close", _("Inscriptions closes")
    PAST = "passe", _("Événement passé")


class EventAudience(Orderable):
    """Who an event is for (a child table, so the agenda's facet can count it)."""

    page = ParentalKey("agenda.EventPage", related_name="audiences", on_delete=models.CASCADE)
    audience = models.CharField(_("Public"), max_length=20, choices=Audience.choices)

    panels = [FieldPanel("audience")]

    class Meta(Orderable.Meta):
        verbose_name = _("public visé")
        verbose_name_plural = _("publics visés")
        constraints = [models.UniqueConstraint(fields=["page", "audience"], name="agenda_unique_audience_per_event")]

    def __str__(self):
        return self.get_audience_display()


def limit_cache_to_the_agenda(request):
    """Pages that list or show events change by themselves when an event
    starts or ends: a cached copy expires then (core/pagecache.py). One query,
    only when the page cache is on."""
    if not settings.PORTAL_PAGE_CACHE_SECONDS:
        return
    now = timezone.now()
    bounds = EventPage.objects.live().aggregate(
        start=models.Min("start", filter=models.Q(start__gt=now)), end=models.Min("end", filter=models.Q(end__gt=now))
    )
    for moment in (bounds["start"], bounds["end"], next_local_midnight(now)):
        if moment is not None:
            limit_page_cache(request, moment)


class EventPage(RoutablePageMixin, Page):
    """One event. Dates are stored with their time zone (UTC in the
    database) and shown in Europe/Paris; registration, cancellation and the
    event's iCalendar file are routes of the page (agenda/views.py)."""

    kind = models.CharField(_("Type d'événement"), max_length=24, choices=EventKind.choices)
    summary = models.CharField(
        _("Résumé en une ligne"), max_length=255, help_text=_("Affiché dans l'agenda et dans le calendrier.")
    )
    start = models.DateTimeField(_("Début"), help_text=_("Date et heure de Paris."))
    end = models.DateTimeField(_("Fin"), help_text=_("Date et heure de Paris."))
    venue = models.CharField(
        _("Lieu"),
        max_length=200,
        blank=True,
        help_text=_("Nom et adresse du lieu. Laissez vide pour un événement en ligne."),
    )
    online_url = models.URLField(
        _("Lien de connexion"),
        blank=True,
        help_text=_("Pour un webinaire ou une réunion en ligne : le lien public de connexion."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True, verbose_name=_("Description"))
    documents = StreamField(
        [("document", DocumentBlock())],
        blank=True,
        use_json_field=True,
        verbose_name=_("Documents"),
        help_text=_("Après l'événement : diaporamas, actes, synthèse (PDF de préférence)."),
    )

    registration_enabled = models.BooleanField(
        _("Inscription sur le portail"),
        default=True,
        help_text=_("Décochez pour un événement sans inscription (ou avec inscription ailleurs)."),
    )
    capacity = models.PositiveIntegerField(
        _("Nombre de places"), null=True, blank=True, help_text=_("Laissez vide pour un nombre de places illimité.")
    )
    waiting_list_size = models.PositiveIntegerField(
        _("Places sur la liste d'attente"),
        default=0,
        help_text=_("0 : pas de liste d'attente. Une place libérée revient à la première personne en attente."),
    )
    registration_closes_at = models.DateTimeField(
        _("Clôture des inscriptions"), null=True, blank=True, help_text=_("Par défaut : le début de l'événement.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("start"), FieldPanel("end")])], heading=_("Date et heure")),
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("online_url")], heading=_("Lieu ou lien en ligne")),
        InlinePanel("audiences", label=_("Public visé"), heading=_("Publics visés")),
        FieldPanel("body"),
    ]
    registration_panels = [
        FieldPanel("registration_enabled"),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("waiting_list_size")]),
        FieldPanel("registration_closes_at"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(registration_panels, heading=_("Inscriptions")),
            ObjectList([FieldPanel("documents")], heading=_("Documents")),
            ObjectList(Page.promote_panels, heading=_("Référencement")),
            ObjectList(Page.settings_panels, heading=_("Paramètres")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("search_text"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]

    parent_page_types = ["agenda.EventIndexPage"]
    subpage_types = []

    def serve(self, request, *args, **kwargs):
        limit_cache_to_the_agenda(request)
        return super().serve(request, *args, **kwargs)

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")

    # --- Routes ---------------------------------------------------------------

    index_route = view_route("", "agenda.views.event_detail", name="index_route")
    ics_route = view_route("calendrier/", "agenda.views.event_ics", name="ics_route")
    cancel_route = view_route("annuler/<str:token>/", "agenda.views.cancel", name="cancel_route")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = gettext("La fin ne peut pas précéder le début.")
        if not self.venue and not self.online_url:
            errors["venue"] = gettext("Indiquez un lieu ou un lien de connexion.")
        if errors:
            raise ValidationError(errors)

    def search_text(self):
        return searchable_text(self.title, self.summary, self.get_kind_display(), self.venue, self.body)

    def get_meta_description(self):
        return self.search_description or self.summary

    @property
    def is_online(self):
        return bool(self.online_url) and not self.venue

    def is_past(self, now=None):
        return self.end < (now or timezone.now())

    def closes_at(self):
        return self.registration_closes_at or self.start

    def registration_state(self, confirmed, waiting, now=None):
        """What the page offers, given the counts of confirmed and waiting
        registrations (agenda/registration.py counts them under a lock)."""
        now = now or timezone.now()
        if self.is_past(now):
            return RegistrationState.PAST
        if not self.registration_enabled:
            return RegistrationState.NONE
        if now >= self.closes_at():
            return RegistrationState.CLOSED
        if self.capacity is None or confirmed < self.capacity:
            return RegistrationState.OPEN
        if waiting < self.waiting_list_size:
            return RegistrationState.WAITING
        return RegistrationState.FULL


class EventIndexPage(RoutablePageMixin, IntroMixin, Page):
    """The agenda: upcoming events first, then past ones (they stay, with
    their documents); filters by kind and audience; the iCalendar feed."""

    per_page = models.PositiveSmallIntegerField(_("Événements passés par page"), default=10)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("per_page")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_text")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["agenda.EventPage"]
    max_count = 1

    def serve(self, request, *args, **kwargs):
        limit_cache_to_the_agenda(request)
        return super().serve(request, *args, **kwargs)

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    index_route = view_route("", "agenda.views.event_index", name="index_route")
    feed_route = view_route("calendrier/", "agenda.views.agenda_ics", name="feed_route")

    def search_text(self):
        return searchable_text(self.title, self.intro)

    def events(self):
        """Live, public events of this agenda."""
        return EventPage.objects.live().public().child_of(self)
