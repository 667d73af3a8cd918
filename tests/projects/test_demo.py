"""The projects demo: projects spread over domains, statuses, degrees, scales
and Occitanie's departments, each saying where it comes from; idempotent."""

from collections import Counter

import pytest
from wagtail.models import Page, Revision

from projects import demo
from projects.models import ProjectIndexPage, ProjectPage

# The demo loads on PostgreSQL in tests/core/test_demo.py and tests/search/test_demo.py; this app's
# checks of it run in the SQLite pass only (CI time).
pytestmark = pytest.mark.sqlite_only


@pytest.mark.django_db
def test_demo_loads_twice_without_changing_anything(site, home_page):
    from home.demo import ensure_pillars

    ensure_pillars(home_page)
    demo.load(None)
    counts = (Page.objects.count(), Revision.objects.count(), ProjectPage.tags.through.objects.count())
    demo.load(None)
    assert (Page.objects.count(), Revision.objects.count(), ProjectPage.tags.through.objects.count()) == counts

    index = ProjectIndexPage.objects.get()
    assert index.slug == "projets" and index.show_in_menus and index.get_parent().pk == home_page.pk
    projects = ProjectPage.objects.live()
    assert projects.count() >= 25
    assert all(p.provenance in {"sources", "fictif"} for p in projects)
    assert {p.domain.slug for p in projects} == {
        "soins",
        "organisation-des-soins",
        "enseignement",
        "recherche",
        "gouvernance",
    }
    assert set(Counter(p.status for p in projects)) == {"en-projet", "en-cours", "termine"}
    assert set(Counter(p.engagement_degree for p in projects)) == {
        "information",
        "consultation",
        "collaboration",
        "partenariat",
    }
    assert set(Counter(p.engagement_scale for p in projects)) == {"micro", "meso", "macro"}
    occitanie = {p.department_code for p in projects if p.region_code == "76"}
    assert len(occitanie) == 13
    assert {p.region_code for p in projects} - {"76"}  # a few elsewhere
    # The home page's pillar now points at the real index.
    home_page.refresh_from_db()
    assert index.pk in [b.value["page"].pk for b in home_page.pillars if b.value["page"]]
