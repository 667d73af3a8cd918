"""Factories of the calls for participation: the page, calls (published and
open by default), answers and alert subscriptions."""

from datetime import timedelta

import factory
from django.utils import timezone

from core.factories import PageFactory, first_or_create
from home.factories import HomePageFactory
from home.models import HomePage
from participation.models import Answer, Call, CallDepartment, ParticipationPage, Subscription


class ParticipationPageFactory(PageFactory):
    parent = first_or_create(HomePage, HomePageFactory)
    title = "Appels à participation"
    slug = "appels-a-participation"
    show_in_menus = True
    intro = "Des structures de santé cherchent des patients partenaires pour leurs projets : répondez à leurs appels."

    class Meta:
        model = ParticipationPage


class CallFactory(factory.django.DjangoModelFactory):
    """A published call, open for 30 more days; `departments` a list of codes
    (["31"] by default)."""

    title = factory.Sequence(lambda n: f"Appel fictif n° {n} : co-construire un atelier")
    structure_name = factory.Sequence(lambda n: f"CH de Valfleuri (fictif) {n}")
    structure_type = "ch"
    project = "Un programme d'éducation thérapeutique à co-construire avec des patients."
    role = "patient-formateur"
    remote = False
    dates = "De mars à juin 2027"
    time_commitment = "Trois réunions de deux heures"
    compensation = "defraiement"
    benefits = "Une formation à l'animation et un regard neuf sur le parcours de soins."
    deadline = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    partners_wanted = 2
    allow_non_registered = True
    contact_name = "Camille Fictive"
    contact_email = factory.Sequence(lambda n: f"structure-{n:05d}@example.org")
    contact_phone = "05 00 00 00 00"
    status = Call.Status.PUBLISHED
    email_confirmed_at = factory.LazyFunction(timezone.now)
    published_at = factory.LazyAttribute(lambda c: timezone.now() if c.status == Call.Status.PUBLISHED else None)

    class Meta:
        model = Call
        skip_postgeneration_save = True

    @factory.post_generation
    def departments(call, create, extracted, **kwargs):
        if create:
            codes = ["31"] if extracted is None else extracted
            CallDepartment.objects.bulk_create([CallDepartment(call=call, code=code) for code in codes])


class AnswerFactory(factory.django.DjangoModelFactory):
    """An answer from a person not in the directory, confirmed and forwarded."""

    call = factory.SubFactory(CallFactory)
    name = "Sacha Fictif"
    email = factory.Sequence(lambda n: f"repondant-{n:05d}@example.org")
    message = "Je vis avec un diabète depuis vingt ans et j'anime déjà des ateliers."
    status = Answer.Status.FORWARDED
    forwarded_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Answer


class SubscriptionFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"abonne-{n:05d}@example.org")
    frequency = "daily"
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscription
