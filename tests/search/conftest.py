"""Fixtures of the search tests: `corpus`, a small portal built by factories
(sheets, the charter, lexicon terms, projects and partner profiles that talk
about patients, partners and therapeutic education), built once per test
module and rolled back after the module's last test: tests must not assume
an empty database. (tests/search/test_demo.py runs on the demo instead.)"""

import pytest
from django.core.cache import cache

from core.factories import domains
from directory.factories import DirectoryPageFactory, PartnerProfileFactory
from directory.models import PartnerProfile
from home.factories import HomePageFactory, set_pillars
from projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from resources.factories import (
    CharterPageFactory,
    GlossaryTermFactory,
    LexiconPageFactory,
    ToolSheetIndexPageFactory,
    ToolSheetPageFactory,
)
from tests.utils import rolled_back_afterwards

SHEETS = [
    ("Démarrer un projet en partenariat", "Les premières étapes pour associer des patients partenaires dès le départ."),
    ("Les profils des patients partenaires", "Patient ressource, pair-aidant, formateur : choisir le bon rôle."),
    ("Engager la structure", "Obtenir l'appui de la direction pour travailler avec des patients partenaires."),
    ("Co-animer un atelier", "Des patients formateurs et des soignants co-animent l'éducation thérapeutique."),
    ("Évaluer avec les patients", "Mesurer l'expérience des patients et des partenaires du projet."),
    ("Recruter des patients partenaires", "Où trouver des patients partenaires et comment les accueillir."),
    ("Former les professionnels", "Des patients partenaires interviennent dans la formation des soignants."),
    ("Défrayer et rémunérer", "Reconnaître le temps que les patients partenaires donnent au projet."),
]
TERMS = [
    ("Éducation thérapeutique du patient", "ETP", "Des programmes pour que le patient vive mieux avec sa maladie."),
    ("Pair-aidance", "pair aidance\npair-aidant", "Le soutien d'un patient par un pair qui a vécu la même situation."),
    ("Patient partenaire", "patients partenaires", "Un patient qui met son expérience au service des équipes."),
    ("Patient formateur", "patients formateurs", "Un patient partenaire qui enseigne aux futurs soignants."),
    ("Décision partagée", "", "Le patient et le soignant choisissent ensemble entre plusieurs options."),
]
PROJECTS = [
    "Des patients partenaires au comité de pilotage",
    "Un programme d'éducation thérapeutique co-construit avec des patients",
    "Des patients chercheurs dans un essai clinique",
    "Accueillir les proches aidants avec des patients partenaires",
    "Des patients formateurs à l'institut de soins infirmiers",
]


def build_corpus():
    home = HomePageFactory()
    domains()
    sheets = ToolSheetIndexPageFactory(parent=home)
    for title, summary in SHEETS:
        ToolSheetPageFactory(parent=sheets, title=title, summary=summary, audiences=["patients"])
    CharterPageFactory(
        parent=sheets,
        intro="Les engagements que patients partenaires et professionnels prennent ensemble.",
        principles__0__principle__title="Reconnaître les savoirs de chacun",
    )
    LexiconPageFactory(parent=sheets)
    for term, variants, definition in TERMS:
        GlossaryTermFactory(term=term, variants=variants, short_definition=definition)
    projects = ProjectIndexPageFactory(parent=home)
    for title in PROJECTS:
        ProjectPageFactory(parent=projects, title=title, summary=f"{title}, en Occitanie, avec des partenaires.")
    directory = DirectoryPageFactory(parent=home)
    for n in range(6):
        PartnerProfileFactory(
            presentation="Patient partenaire depuis des années, j'interviens en éducation thérapeutique.",
            consent_health=n % 2 == 0,
            themes=[f"Maladie imaginaire numéro {n}"],
        )
    PartnerProfileFactory(status=PartnerProfile.Status.PENDING, presentation="Patient partenaire en attente.")
    set_pillars(home, [sheets, projects, directory])
    return home


@pytest.fixture(scope="module")
def search_corpus(django_db_setup, django_db_blocker):
    with rolled_back_afterwards(django_db_blocker):
        yield build_corpus()


@pytest.fixture
def corpus(search_corpus, db):
    """The corpus' home page (root of the default site)."""
    cache.clear()
    return search_corpus
