"""SQL queries per page do not grow with the number of projects."""

import pytest

from tests.projects.conftest import make_project
from tests.utils import count_queries

URLS = [
    "/projets/",
    "/projets/?domaine=soins&statut=en-cours&q=patients",
    "/projets/domaine/soins/?theme=etp",
    "/projets/carte/",
    "/projets/flux/",
]


def add_projects(index, n, start=0):
    departments = ["31", "34", "30", "12", "75", "21", "66"]
    statuses = ["en-cours", "termine", "en-projet"]
    domains = ["soins", "organisation-des-soins", "gouvernance"]
    for i in range(start, start + n):
        make_project(
            index,
            title=f"Projet avec des patients {i}",
            department_code=departments[i % 7],
            status=statuses[i % 3],
            domain=domains[i % 3],
            start_year=2015 + i % 10,
            tags=["ETP", f"thème {i % 4}"],
            roles=["pair-aidant", "proche-aidant"][: 1 + i % 2],
            body=[("paragraph", "<p>Un texte.</p>"), ("objectives", {"title": "Objectifs", "items": ["Un", "Deux"]})],
        )


@pytest.mark.django_db
def test_query_counts_are_equal_at_5_and_50_projects(client, index):
    add_projects(index, 5)
    first = index.get_children().live().first().url

    def measure():
        counts = {}
        for url in URLS + [first]:
            client.get(url)  # warm per-process caches
            response, n = count_queries(client, url)
            assert response.status_code == 200, url
            counts[url] = n
        return counts

    small = measure()
    add_projects(index, 45, start=5)
    large = measure()
    assert small == large
    assert max(small.values()) <= 35, small
