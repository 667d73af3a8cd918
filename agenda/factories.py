"""Factories of the agenda: the index at /agenda/, events (upcoming unless
told), their audiences and registrations."""

import datetime

import factory
from django.utils import timezone

from agenda.models import EventAudience, EventIndexPage, EventPage, Registration
from core.factories import PageFactory, first_or_create
from home.factories import HomePageFactory
from home.models import HomePage


class EventIndexPageFactory(PageFactory):
    parent = first_or_create(HomePage, HomePageFactory)
    title = "Agenda"
    slug = "agenda"
    show_in_menus = True
    intro = "Les rencontres, webinaires et formations du réseau."

    class Meta:
        model = EventIndexPage


def in_days(days, hour=14):
    """An aware datetime `days` from today at `hour` (Paris time)."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class EventPageFactory(PageFactory):
    """A webinar in ten days, 14 h – 16 h, open without limit, unless told;
    `audiences=["patients", …]`."""

    parent = first_or_create(EventIndexPage, EventIndexPageFactory)
    title = factory.Sequence(lambda n: f"Événement numéro {n}")
    kind = "webinaire"
    summary = "Une rencontre pour partager des pratiques de partenariat."
    start = factory.LazyFunction(lambda: in_days(10))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    online_url = "https://visio.example.org/salle-fictive"
    venue = ""

    class Meta:
        model = EventPage

    @factory.post_generation
    def audiences(event, create, extracted, **kwargs):
        if extracted:
            event.audiences = [EventAudience(audience=a, sort_order=i) for i, a in enumerate(extracted)]


class RegistrationFactory(factory.django.DjangoModelFactory):
    event = factory.SubFactory(EventPageFactory)
    name = factory.Sequence(lambda n: f"Personne fictive {n}")
    email = factory.Sequence(lambda n: f"personne{n}@example.org")
    structure = "Association d'exemple (fictive)"
    status = "confirmee"

    class Meta:
        model = Registration
