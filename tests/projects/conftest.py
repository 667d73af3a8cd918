"""Fixtures for the projects showcase: an index page under the home page and
a factory for projects (real pages in the real tree)."""

import itertools

import pytest

from core.models import Domain
from projects.models import ProjectIndexPage, ProjectPage, ProjectPartnerRole

_counter = itertools.count()


@pytest.fixture
def domains(db):
    from core.demo import ensure_domains

    ensure_domains()
    return {d.slug: d for d in Domain.objects.all()}


@pytest.fixture
def index(site, home_page, domains):
    from core.demo import ensure_settings
    from core.demo_utils import upsert_child
    from home.demo import ensure_about_and_legal, ensure_contact

    ensure_settings(site, ensure_about_and_legal(home_page), ensure_contact(home_page))
    page, _ = upsert_child(home_page, ProjectIndexPage, "projets", title="Projets accompagnés", intro="Les projets.")
    return page


def make_project(index, *, live=True, tags=(), roles=(), **fields):
    n = next(_counter)
    values = {
        "title": f"Projet numéro {n}",
        "slug": f"projet-{n}",
        "summary": "Un projet mené avec des patients partenaires.",
        "structure_name": "Centre hospitalier d'exemple",
        "structure_type": "ch",
        "department_code": "31",
        "town": "Toulouse",
        "start_year": 2023,
        "status": "en-cours",
        "engagement_degree": "collaboration",
        "engagement_scale": "meso",
        "domain": "soins",
    }
    values.update(fields)
    if isinstance(values.get("domain"), str):
        values["domain"] = Domain.objects.get(slug=values["domain"])
    page = ProjectPage(**values, partner_roles=[ProjectPartnerRole(role=r) for r in roles])
    for tag in tags:
        page.tags.add(tag)
    index.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        page.live = False
        page.save(update_fields=["live"])
    return page


@pytest.fixture
def project_factory(index):
    def factory(**fields):
        return make_project(index, **fields)

    return factory
