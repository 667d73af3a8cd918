"""Fixtures for the knowledge base: a sheet index with sheets built to
exercise every facet, and the lexicon."""

import itertools

import pytest
from django.core.cache import cache

from core.factories import DomainFactory
from resources.factories import (
    GlossaryTermFactory,
    LexiconPageFactory,
    ToolSheetCategoryFactory,
    ToolSheetIndexPageFactory,
    ToolSheetPageFactory,
)
from tests.utils import rolled_back_afterwards

SCALES = ["micro", "meso", "macro"]
AUDIENCES = ["patients", "professionnels", "directions", "representants"]
THEMES = ["co-construction", "évaluation", "gouvernance"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sheet_index(home_page):
    return ToolSheetIndexPageFactory(parent=home_page)


def make_categories():
    return [
        ToolSheetCategoryFactory(name=name, sort_order=i)
        for i, name in enumerate(["Comprendre", "S'engager", "Évaluer"])
    ]


def make_domains():
    return [DomainFactory(slug="soins", name="Soins"), DomainFactory(slug="recherche", name="Recherche")]


@pytest.fixture
def categories(db):
    return make_categories()


@pytest.fixture
def domains(db):
    return make_domains()


def make_sheet(index, n, **fields):
    """Sheet number `n` (slug fiche-n) under `index`."""
    fields.setdefault("title", f"Fiche numéro {n}")
    fields.setdefault("slug", f"fiche-{n}")
    fields.setdefault("summary", f"Résumé de la fiche {n}.")
    return ToolSheetPageFactory(parent=index, **fields)


def add_varied_sheets(index, categories, domains, count, start=0):
    """`count` sheets cycling through every facet value, with one or two
    audiences and themes each, so that facets overlap."""
    sheets = []
    combos = itertools.cycle(
        itertools.product(range(len(categories) + 1), range(len(domains) + 1), range(len(SCALES) + 1))
    )
    for n in range(start, start + count):
        c, d, s = next(combos)
        sheets.append(
            make_sheet(
                index,
                n,
                category=categories[c] if c < len(categories) else None,
                domain=domains[d] if d < len(domains) else None,
                engagement_scale=SCALES[s] if s < len(SCALES) else "",
                audiences=AUDIENCES[n % 4 : n % 4 + 1 + n % 2],
                tags=THEMES[n % 3 : n % 3 + 1 + (n % 2)],
                summary=("Un texte sur la co-construction avec les patients." if n % 3 == 0 else f"Résumé {n}."),
            )
        )
    return sheets


@pytest.fixture
def varied_sheets(sheet_index, categories, domains):
    return add_varied_sheets(sheet_index, categories, domains, 14)


@pytest.fixture
def lexicon_page(sheet_index):
    return LexiconPageFactory(parent=sheet_index)


@pytest.fixture
def terms(lexicon_page):
    return {
        "pp": GlossaryTermFactory(term="Patient partenaire", variants="patients partenaires\npatient ressource"),
        "etp": GlossaryTermFactory(
            term="Éducation thérapeutique du patient",
            variants="ETP",
            short_definition="Des programmes pour vivre avec une maladie.",
        ),
        "pair": GlossaryTermFactory(term="Pair-aidance", variants="pair aidance\npair-aidant"),
    }


@pytest.fixture(scope="module")
def shared_sheets(django_db_setup, django_db_blocker):
    """The varied sheets, built once per module (tests only read them)."""
    with rolled_back_afterwards(django_db_blocker):
        yield add_varied_sheets(ToolSheetIndexPageFactory(), make_categories(), make_domains(), 14)
