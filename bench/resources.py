"""Server time and SQL queries of the knowledge base at 100 and 1,000 sheets.

Builds its own data with the factories in a throw-away SQLite database (home,
the sheet index, three categories, the lexicon with 36 terms, the charter,
two competency frameworks, one fully published sheet; then live sheets with
audiences and themes spread over categories, domains and engagement levels,
each body mentioning lexicon terms, built by the factory and added to the
tree without a revision each so that 1,000 take seconds), requests each
page through Django's test Client and prints p50/p95 server time and the
number of queries. Run: .venv/bin/python bench/resources.py
"""

import time

from benchlib import measure as measure_page  # noqa: E402  (sets Django up)
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

REQUESTS = 40
SCALES = ["micro", "meso", "macro"]
DEGREES = ["information", "consultation", "collaboration", "partenariat"]
AUDIENCES = ["patients", "professionnels", "directions", "representants"]
THEMES = ["co-construction", "gouvernance", "évaluation", "pair-aidance", "parcours", "ETP", "aidants"]
BODY = [
    ("heading", {"text": "Pourquoi cette fiche", "level": "h2"}),
    (
        "paragraph",
        "<p>Le patient partenaire et les représentants des usagers travaillent avec l'équipe ; "
        "la co-construction et la décision partagée sont au cœur de la démarche.</p>",
    ),
    (
        "steps",
        {
            "title": "En pratique",
            "steps": [
                {"title": f"Étape {n}", "who": "Le binôme", "why": "Pour avancer.", "what": "<p>Une action.</p>"}
                for n in range(1, 5)
            ],
        },
    ),
    ("callout", {"kind": "vigilance", "title": "", "text": "<p>Prévoir l'évaluation et les PREMs dès le départ.</p>"}),
]


def measure(client, url):
    p50, p95, queries, _response = measure_page(client, url, REQUESTS)
    return p50, p95, queries


def add_sheets(index, categories, domains, start, count):
    from taggit.models import Tag

    from resources.factories import ToolSheetPageFactory
    from resources.models import ToolSheetAudience, ToolSheetTag

    tags = [Tag.objects.get_or_create(name=name)[0] for name in THEMES]
    now = timezone.now()
    pages = []
    for i in range(start, start + count):
        page = ToolSheetPageFactory.build(
            parent=index,
            title=f"Fiche pratique numéro {i}",
            slug=f"fiche-bench-{i}",
            summary="Une fiche pour travailler en partenariat avec des patients et des proches-aidants.",
            category=categories[i % len(categories)],
            domain=domains[i % len(domains)],
            engagement_scale=SCALES[i % 3],
            engagement_degree=DEGREES[i % 4],
            body=BODY,
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        index.add_child(instance=page)
        pages.append(page)
    ToolSheetTag.objects.bulk_create(
        [ToolSheetTag(content_object=p, tag=tags[(n + k) % len(tags)]) for n, p in enumerate(pages) for k in range(2)]
    )
    ToolSheetAudience.objects.bulk_create(
        [
            ToolSheetAudience(page=p, audience=AUDIENCES[(n + k) % len(AUDIENCES)])
            for n, p in enumerate(pages)
            for k in range(1 + n % 2)
        ]
    )


# 36 lexicon terms, the first ones being words the sheets' bodies use.
TERMS = ["Patient partenaire", "Représentants des usagers", "Co-construction", "Décision partagée", "PREMs"] + [
    f"Terme du lexique numéro {n}" for n in range(31)
]


def knowledge_base():
    """The sheet index and what surrounds the sheets: (index, categories)."""
    from resources.factories import (
        CharterPageFactory,
        CompetencyFactory,
        CompetencyFrameworkIndexPageFactory,
        CompetencyFrameworkPageFactory,
        GlossaryTermFactory,
        LexiconPageFactory,
        ToolSheetCategoryFactory,
        ToolSheetIndexPageFactory,
        ToolSheetPageFactory,
        framework_domain,
    )

    index = ToolSheetIndexPageFactory()
    categories = [ToolSheetCategoryFactory(name=name) for name in ("Comprendre", "S'engager", "Évaluer")]
    LexiconPageFactory(parent=index)
    for term in TERMS:
        GlossaryTermFactory(term=term)
    CharterPageFactory(parent=index, principles__0="principle", principles__1="principle", values__0="value")
    frameworks = CompetencyFrameworkIndexPageFactory(parent=index)
    competencies = CompetencyFactory.create_batch(6)
    for title, chosen in (("Patient partenaire", competencies[:4]), ("Professionnel de santé", competencies[2:])):
        CompetencyFrameworkPageFactory(
            parent=frameworks,
            title=title,
            domains=[framework_domain("Relation", *((c, "", ["Un indicateur observable."]) for c in chosen))],
        )
    ToolSheetPageFactory(
        parent=index,
        title="Engager la structure en quatre étapes",
        slug="engager-la-structure",
        category=categories[1],
        audiences=["directions", "professionnels"],
        tags=["gouvernance"],
        body=BODY,
    )
    return index, categories


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    from core.factories import domains as make_domains

    domains = list(make_domains().values())
    index, categories = knowledge_base()
    client = Client()
    urls = [
        ("index, no filter", "/fiches-outils/"),
        ("index, 3 filters", "/fiches-outils/?public=patients&niveau=meso&theme=gouvernance"),
        ("index, 2 filters + text", "/fiches-outils/?public=patients&niveau=meso&q=partenariat"),
        ("index, page 5", "/fiches-outils/?page=5"),
        ("a published sheet", "/fiches-outils/engager-la-structure/"),
        ("a generated sheet", "/fiches-outils/fiche-bench-1/"),
        ("lexicon", "/fiches-outils/lexique/"),
        ("comparison", "/fiches-outils/referentiels/comparer/"),
    ]
    print(f"{'page':26} {'sheets':>8} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    done = 0
    for size in (100, 1000):
        started = time.perf_counter()
        add_sheets(index, categories, domains, done, size - done)
        done = size
        print(f"# {size} sheets (+1 published sheet) built in {time.perf_counter() - started:.1f} s")
        for label, url in urls:
            p50, p95, queries = measure(client, url)
            print(f"{label:26} {size:>8} {p50:>8.1f} {p95:>8.1f} {queries:>8}")


if __name__ == "__main__":
    main()
