"""Factories of calls for projects: the index at /appels-a-projets/, calls
(open today unless told), applications and reviews."""

import datetime

import factory
from django.utils import timezone

from accompaniment.models import Application, ApplicationReview, CallForProjectsIndexPage, CallForProjectsPage
from core.factories import PageFactory, first_or_create
from core.models import Domain
from home.factories import HomePageFactory
from home.models import HomePage


class CallForProjectsIndexPageFactory(PageFactory):
    parent = first_or_create(HomePage, HomePageFactory)
    title = "Appels à projets"
    slug = "appels-a-projets"
    intro = "Les appels du groupe de travail pour accompagner des équipes."

    class Meta:
        model = CallForProjectsIndexPage


def _today():
    return timezone.localdate()


class CallForProjectsPageFactory(PageFactory):
    """A call open today (from 10 days ago to 20 days ahead) unless told."""

    parent = first_or_create(CallForProjectsIndexPage, CallForProjectsIndexPageFactory)
    title = factory.Sequence(lambda n: f"Appel à projets numéro {n}")
    intro = "Un appel pour des équipes qui veulent travailler avec des patients partenaires."
    eligibility = "<p>Les équipes de la région (fictif).</p>"
    offer = "<p>Quatre sessions de formation-action.</p>"
    criteria = "<p>Un patient partenaire dans l'équipe.</p>"
    opens_on = factory.LazyFunction(lambda: _today() - datetime.timedelta(days=10))
    closes_on = factory.LazyFunction(lambda: _today() + datetime.timedelta(days=20))
    decision_on = factory.LazyAttribute(lambda call: call.closes_on + datetime.timedelta(days=30))
    contact_label = "Secrétariat (fictif)"
    contact_email = "appels@example.org"

    class Meta:
        model = CallForProjectsPage


class ApplicationFactory(factory.django.DjangoModelFactory):
    call = factory.LazyFunction(lambda: CallForProjectsPage.objects.first() or CallForProjectsPageFactory())
    structure_name = "CH de Valfleuri (fictif)"
    structure_type = "ch"
    department_code = "31"
    domain = factory.LazyFunction(lambda: Domain.objects.order_by("pk").first())
    project_title = factory.Sequence(lambda n: f"Projet candidat {n}")
    summary = "Associer des patients partenaires à l'accueil du service."
    engagement_degree = "collaboration"
    engagement_scale = "meso"
    needs = "Recruter des patients partenaires."
    contact_name = "Dominique Candidate (fictive)"
    contact_email = factory.Sequence(lambda n: f"candidat{n}@example.org")
    consent_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Application


class ApplicationReviewFactory(factory.django.DjangoModelFactory):
    application = factory.SubFactory(ApplicationFactory)
    opinion = "retenir"
    comment = "Dossier solide."
    public_message = ""

    class Meta:
        model = ApplicationReview
