"""Fixtures for the knowledge base: a sheet index with sheets built to
exercise every facet, and the lexicon."""

import itertools

import pytest
from django.core.cache import cache

from core.demo_utils import upsert_child
from core.models import Domain
from resources.models import (
    GlossaryTerm,
    LexiconPage,
    ToolSheetAudience,
    ToolSheetCategory,
    ToolSheetIndexPage,
    ToolSheetPage,
)

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
    index, _ = upsert_child(home_page, ToolSheetIndexPage, "fiches-outils", title="Fiches outils", show_in_menus=True)
    return index


@pytest.fixture
def categories(db):
    return [
        ToolSheetCategory.objects.create(name=name, sort_order=i)
        for i, name in enumerate(["Comprendre", "S'engager", "Évaluer"])
    ]


@pytest.fixture
def domains(db):
    return [
        Domain.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in [("soins", "Soins"), ("recherche", "Recherche")]
    ]


def make_sheet(index, n, category=None, domain=None, scale="", audiences=(), tags=(), **extra):
    sheet = ToolSheetPage(
        title=extra.pop("title", f"Fiche numéro {n}"),
        slug=extra.pop("slug", f"fiche-{n}"),
        summary=extra.pop("summary", f"Résumé de la fiche {n}."),
        category=category,
        domain=domain,
        engagement_scale=scale,
        **extra,
    )
    sheet.audiences = [ToolSheetAudience(audience=a) for a in audiences]
    index.add_child(instance=sheet)
    if tags:
        sheet.tags.set(list(tags))
    sheet.save_revision().publish()
    return sheet


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
                scale=SCALES[s] if s < len(SCALES) else "",
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
    page, _ = upsert_child(sheet_index, LexiconPage, "lexique", title="Lexique")
    return page


def publish_term(term, variants=(), short="Définition courte.", **fields):
    obj = GlossaryTerm(term=term, variants="\n".join(variants), short_definition=short, live=False, **fields)
    obj.definition = fields.get("definition", f"<p>Définition de {term}.</p>")
    obj.save()
    obj.save_revision().publish()
    return obj


@pytest.fixture
def terms(lexicon_page):
    return {
        "pp": publish_term("Patient partenaire", ["patients partenaires", "patient ressource"]),
        "etp": publish_term(
            "Éducation thérapeutique du patient", ["ETP"], short="Des programmes pour vivre avec une maladie."
        ),
        "pair": publish_term("Pair-aidance", ["pair aidance", "pair-aidant"]),
    }


@pytest.fixture(scope="module")
def shared_sheets(django_db_setup, django_db_blocker):
    """The varied sheets, built once per module inside a transaction that
    is rolled back at the end (tests only read them)."""
    from django.db import transaction

    from home.demo import ensure_home

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            home = ensure_home()
            index, _ = upsert_child(home, ToolSheetIndexPage, "fiches-outils", title="Fiches outils")
            cats = [
                ToolSheetCategory.objects.create(name=n, sort_order=i)
                for i, n in enumerate(["Comprendre", "S'engager", "Évaluer"])
            ]
            doms = [
                Domain.objects.get_or_create(slug=slug, defaults={"name": name})[0]
                for slug, name in [("soins", "Soins"), ("recherche", "Recherche")]
            ]
            yield add_varied_sheets(index, cats, doms, 14)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
