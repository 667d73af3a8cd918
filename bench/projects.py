"""Server time and SQL queries of the projects showcase at 100 and 2,000
projects.

Builds its own data with the factories in a throw-away SQLite database (home,
the projects index, then N live projects with themes and partner roles spread
over domains, statuses and departments; projects are built by the factory and
added to the tree without a revision each, themes and roles in bulk, so that
2,000 take seconds), requests each page through Django's
test Client and prints p50/p95 server time and the number of queries.
Run: .venv/bin/python bench/projects.py
"""

import time

from benchlib import measure as measure_page  # noqa: E402  (sets Django up)
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

REQUESTS = 30
DEPARTMENTS = ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82", "75", "21"]
STATUSES = ["en-cours", "termine", "en-projet"]
DEGREES = ["information", "consultation", "collaboration", "partenariat"]
SCALES = ["micro", "meso", "macro"]
ROLES = ["patient-ressource", "pair-aidant", "proche-aidant", "representant-usagers"]
THEMES = ["parcours de soins", "ETP", "aidants", "information / FALC", "restauration", "signalétique", "pair-aidance"]


def measure(client, url):
    p50, p95, queries, _response = measure_page(client, url, REQUESTS)
    return p50, p95, queries


def add_projects(index, domains, start, count):
    from taggit.models import Tag

    from projects.factories import ProjectPageFactory
    from projects.models import ProjectPageTag, ProjectPartnerRole

    tags = [Tag.objects.get_or_create(name=name)[0] for name in THEMES]
    now = timezone.now()
    pages = []
    for i in range(start, start + count):
        page = ProjectPageFactory.build(
            parent=index,
            title=f"Projet en partenariat numéro {i}",
            slug=f"projet-{i}",
            summary="Un projet mené avec des patients partenaires et des proches-aidants.",
            domain=domains[i % len(domains)],
            structure_name=f"Structure {i % 37}",
            structure_type="ch",
            department_code=DEPARTMENTS[i % len(DEPARTMENTS)],
            town="Commune",
            start_year=2012 + i % 13,
            status=STATUSES[i % 3],
            engagement_degree=DEGREES[i % 4],
            engagement_scale=SCALES[i % 3],
            body=[("paragraph", "<p>Objectifs, équipe, étapes et résultats du projet.</p>")],
            live=True,
            first_published_at=now,
            last_published_at=now,
            is_illustrative=True,
        )
        index.add_child(instance=page)
        pages.append(page)
    ProjectPageTag.objects.bulk_create(
        [ProjectPageTag(content_object=p, tag=tags[(n + k) % len(tags)]) for n, p in enumerate(pages) for k in range(2)]
    )
    ProjectPartnerRole.objects.bulk_create(
        [
            ProjectPartnerRole(page=p, role=ROLES[(n + k) % len(ROLES)])
            for n, p in enumerate(pages)
            for k in range(1 + n % 2)
        ]
    )


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    from core.factories import domains as make_domains
    from projects.factories import ProjectIndexPageFactory

    domains = list(make_domains().values())
    index = ProjectIndexPageFactory()
    client = Client()
    urls = [
        ("list, 2 filters", "/projets/?domaine=soins&statut=en-cours"),
        ("list, 2 filters + text", "/projets/?domaine=soins&statut=en-cours&q=numero+1234"),
        ("list, 2 filters + broad text", "/projets/?domaine=soins&statut=en-cours&q=partenariat"),
        ("list, no filter", "/projets/"),
        ("domain landing", "/projets/domaine/soins/"),
        ("map", "/projets/carte/"),
        ("feed", "/projets/flux/"),
        ("a project", "/projets/projet-1/"),
    ]
    print(f"{'page':30} {'projects':>8} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    done = 0
    for size in (100, 2000):
        started = time.perf_counter()
        add_projects(index, domains, done, size - done)
        done = size
        print(f"# {size} projects built in {time.perf_counter() - started:.1f} s")
        for label, url in urls:
            p50, p95, queries = measure(client, url)
            print(f"{label:30} {size:>8} {p50:>8.1f} {p95:>8.1f} {queries:>8}")


if __name__ == "__main__":
    main()
