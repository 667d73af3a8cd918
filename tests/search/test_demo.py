"""The search on the demo content: editors' promoted results, and the
relevance test set.

Relevance test set, written from the demo content and frozen before any
tuning (commit "search: relevance test set, frozen"): each query must bring
its expected item into the top 3 of /recherche/ (all types), on SQLite and on
PostgreSQL. It runs on the demo on purpose: ranking needs a realistic corpus
with its distractors, and the demo is that corpus. `reworded` marks the
queries that do not repeat the target's title (paraphrases, words of its
summary, a definition's words)."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Site

from search.engine import site_search
from tests.utils import rolled_back_afterwards

URL = "/recherche/"


@pytest.fixture(scope="module")
def search_demo(django_db_setup, django_db_blocker):
    """The demo content of every app, as `make run` loads it, once for the module."""
    with rolled_back_afterwards(django_db_blocker):
        call_command("load_demo_content", stdout=open("/dev/null", "w"))
        yield Site.objects.get(is_default_site=True)


@pytest.fixture
def demo(search_demo, db):
    cache.clear()
    return search_demo


L = "/fiches-outils/lexique/"
# (query as people type it, expected URL, reworded)
CASES = [
    # Title words, typed loosely: no accents, plurals, no hyphen, lower case.
    ("education therapeutique du patient", L + "education-therapeutique-du-patient/", False),
    ("pair aidance", L + "pair-aidance/", False),
    ("charte partenariat", "/fiches-outils/charte-du-partenariat/", False),
    ("patients formateurs", L + "patient-formateur/", False),
    ("referentiel patient partenaire", "/fiches-outils/referentiels/patient-partenaire/", False),
    ("barometre", "/fiches-outils/barometre/", False),
    ("matrice engagement", "/fiches-outils/matrice-engagement/", False),
    ("modele de montreal", L + "modele-de-montreal/", False),
    ("decision partagee", L + "decision-partagee/", False),
    ("proches aidants", L + "proche-aidant/", False),
    ("drepanocytose", "/projets/drepanocytose-seniors/", False),
    ("sclerose en plaques", "/projets/etp-sclerose-en-plaques/", False),
    ("demarrer un projet", "/fiches-outils/demarrer-un-projet-en-partenariat/", False),
    ("annuaire", "/annuaire/", False),
    ("patient traceur", L + "patient-traceur/", False),
    ("PREMS", L + "prems/", False),
    ("mediateurs de sante pairs", L + "mediateur-de-sante-pair/", False),
    # Reworded: the target's title does not hold these words (or not all).
    ("questionnaires resultats des soins point de vue des patients", L + "proms/", True),
    ("soutien par quelqu'un qui a vecu la meme situation", L + "pair-aidance/", True),
    ("evaluation periodique des etablissements par la HAS", L + "certification/", True),
    ("gouter les plats avant le menu", "/projets/test-degustation/", True),
    ("hypertension maison de sante rurale", "/projets/auch-msp-etp/", True),
    ("brancardage attente confort", "/projets/transport-interne/", True),
    ("amenagement des locaux renoves", "/projets/unite-sourds/", True),
    ("obtenir l'appui de la direction", "/fiches-outils/engager-la-structure-en-quatre-etapes/", True),
    ("ce qui retient les professionnels de s'engager", "/fiches-outils/freins-et-leviers-selon-la-has/", True),
    ("bientraitance", "/projets/montauban-formation-aides-soignants/", True),
    ("benevoles permanence d'ecoute", "/projets/rodez-aidants-oncologie/", True),
    ("ecriture simple relue par les personnes concernees", L + "facile-a-lire-et-a-comprendre/", True),
    ("essai activite physique pendant les traitements", "/projets/toulouse-oncopole-patients-chercheurs/", True),
    ("revoir leur animal", "/projets/reeducation-animaux/", True),
    ("famille endeuillee fin de vie a domicile", "/projets/had-aidants-palliatifs/", True),
]


def test_the_set_is_large_and_reworded_enough():
    assert len(CASES) >= 25
    assert sum(reworded for _q, _url, reworded in CASES) >= 10


@pytest.mark.parametrize(("query", "expected", "reworded"), CASES, ids=[c[0] for c in CASES])
def test_expected_item_is_in_the_top_three(demo, rf, query, expected, reworded):
    outcome = site_search(query, rf.get("/recherche/", {"q": query}))
    top = [result.url for result in outcome.results[:3]]
    assert expected in top, (query, top)


def test_demo_promotions_are_loaded_once_and_shown(client, demo):
    from search import demo as search_demo

    count = SearchPromotion.objects.count()
    search_demo.load()
    assert SearchPromotion.objects.count() == count >= 3
    promoted = client.get(URL, {"q": "Charte"}).context["outcome"].promotions
    assert [p.url for p in promoted] == ["/fiches-outils/charte-du-partenariat/"]
