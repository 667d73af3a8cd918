"""Factories of the about app's pages and snippets (tests and benches only)."""

import datetime

import factory
import wagtail_factories

from about.models import (
    AboutPage,
    AccessibilityStatementPage,
    Contributor,
    CoPilot,
    KeyFiguresPage,
    LegalNoticePage,
    PartnerGuidePage,
)
from core.factories import BaseStreamBlockFactory, PageFactory, first_or_create
from home.factories import HomePageFactory
from home.models import HomePage

home = first_or_create(HomePage, HomePageFactory)


class AboutPageFactory(PageFactory):
    parent = home
    title = "Qui sommes-nous"
    slug = "qui-sommes-nous"
    intro = "Le comité régional qui anime ce portail."
    mission = "<p>Impulser et analyser le partenariat en santé.</p>"
    health_plan = "<p>Une priorité du projet régional de santé.</p>"
    join = "<p>Écrivez-nous par la page de contact.</p>"

    class Meta:
        model = AboutPage


class PartnerGuidePageFactory(PageFactory):
    parent = home
    title = "Devenir patient partenaire"
    slug = "devenir-patient-partenaire"
    intro = "Ce que le rôle demande et ce qu'il apporte."
    body = wagtail_factories.StreamFieldFactory(BaseStreamBlockFactory)

    class Meta:
        model = PartnerGuidePage


class KeyFiguresPageFactory(PageFactory):
    parent = home
    title = "Chiffres clés"
    slug = "chiffres-cles"
    intro = "Le partenariat en chiffres, calculés à partir des données du portail."

    class Meta:
        model = KeyFiguresPage


class LegalNoticePageFactory(PageFactory):
    parent = home
    title = "Mentions légales"
    slug = "mentions-legales"
    publisher = "Association exemple (fictive)"

    class Meta:
        model = LegalNoticePage


class AccessibilityStatementPageFactory(PageFactory):
    parent = home
    title = "Déclaration d'accessibilité"
    slug = "accessibilite"
    entity = "Association exemple (fictive)"
    assessment = "<p>Vérifications automatiques de chaque type de page.</p>"
    non_accessible = "<p>Aucune non-conformité connue à ce jour.</p>"
    feedback = "<p>Écrivez-nous par la page de contact.</p>"
    established_on = datetime.date(2026, 11, 1)

    class Meta:
        model = AccessibilityStatementPage


class CoPilotFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Co-pilote {n}")
    side = CoPilot.Side.PATIENT
    sort_order = factory.Sequence(int)

    class Meta:
        model = CoPilot


class ContributorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Membre {n}")
    college = Contributor.College.USERS
    sort_order = factory.Sequence(int)

    class Meta:
        model = Contributor
