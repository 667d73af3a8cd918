"""/projets/: facets whose counts are exact, free text, sort, pagination,
unknown values, and the domain landing pages."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.projects.conftest import make_project

DATA = [
    # domain, department, status, degree, scale, start, tags, roles, title
    ("soins", "31", "en-cours", "partenariat", "micro", 2022, ["ETP"], ["patient-formateur"], "Binôme en diabétologie"),
    (
        "soins",
        "31",
        "termine",
        "collaboration",
        "micro",
        2021,
        ["ETP", "aidants"],
        ["proche-aidant"],
        "Atelier aidants",
    ),
    (
        "soins",
        "34",
        "en-cours",
        "partenariat",
        "micro",
        2023,
        ["pair-aidance"],
        ["pair-aidant"],
        "Pairs en cancérologie",
    ),
    ("soins", "75", "en-projet", "consultation", "meso", 2024, ["ETP"], [], "Programme ETP revisité"),
    (
        "organisation-des-soins",
        "34",
        "termine",
        "consultation",
        "meso",
        2022,
        ["restauration"],
        ["representant-usagers"],
        "Dégustation des repas",
    ),
    (
        "organisation-des-soins",
        "30",
        "en-cours",
        "collaboration",
        "meso",
        2023,
        ["signalétique"],
        ["representant-usagers", "patient-ressource"],
        "Signalétique testée",
    ),
    (
        "organisation-des-soins",
        "75",
        "termine",
        "partenariat",
        "meso",
        2022,
        ["information / FALC"],
        ["patient-ressource"],
        "Document FALC en génétique",
    ),
    (
        "organisation-des-soins",
        "12",
        "en-cours",
        "collaboration",
        "meso",
        2024,
        ["aidants"],
        ["proche-aidant"],
        "Accueil des proches",
    ),
    (
        "enseignement",
        "30",
        "termine",
        "partenariat",
        "meso",
        2021,
        ["formation"],
        ["patient-formateur"],
        "Module infirmier co-écrit",
    ),
    (
        "recherche",
        "34",
        "en-cours",
        "partenariat",
        "macro",
        2023,
        ["recherche participative"],
        ["patient-chercheur"],
        "Question de recherche partagée",
    ),
    (
        "gouvernance",
        "46",
        "termine",
        "collaboration",
        "meso",
        2021,
        ["gouvernance"],
        ["proche-aidant", "representant-usagers"],
        "Résidents au comité",
    ),
    (
        "gouvernance",
        "21",
        "en-cours",
        "information",
        "macro",
        2022,
        ["gouvernance", "formation"],
        ["representant-usagers"],
        "Former les représentants",
    ),
]


@pytest.fixture
def projects(index):
    pages = []
    for domain, dept, status, degree, scale, start, tags, roles, title in DATA:
        pages.append(
            make_project(
                index,
                title=title,
                domain=domain,
                department_code=dept,
                status=status,
                engagement_degree=degree,
                engagement_scale=scale,
                start_year=start,
                tags=tags,
                roles=roles,
            )
        )
    make_project(index, title="Brouillon jamais publié", live=False, tags=["ETP"])
    return pages


def facet_links(html):
    """[(param, value, count, href)] of every facet option on the page."""
    links = []
    # "(3)", or "— 3" after a label that ends with a parenthesis ("Hérault (34) — 3").
    for href, count in re.findall(r'<li><a href="(\?[^"]*)"[^>]*>[^<]*<span class="facet__count">(?:\(|— )(\d+)', html):
        links.append((href.replace("&amp;", "&"), int(count)))
    return links


def result_count(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.context["page_obj"].paginator.count


QUERIES = [
    "",
    "?statut=en-cours",
    "?q=patients&domaine=soins",
    "?region=76&theme=etp",
    "?engagement=partenariat&role=patient-formateur",
]


@pytest.mark.django_db
def test_every_facet_count_equals_the_results_behind_its_link(client, projects):
    """With other filters and the free text active, following any count's
    link gives exactly that many projects (one data set, several states)."""
    for query in QUERIES:
        html = client.get("/projets/" + query).content.decode()
        links = facet_links(html)
        assert len(links) >= 8, query
        for href, count in links:
            assert result_count(client, "/projets/" + href) == count, (query, href)


@pytest.mark.django_db
def test_filters_combine_and_drafts_never_show(client, projects):
    assert result_count(client, "/projets/") == len(DATA)
    assert result_count(client, "/projets/?theme=etp") == 3  # the draft has the tag but is not live
    assert result_count(client, "/projets/?domaine=soins&departement=31") == 2
    assert result_count(client, "/projets/?domaine=soins&departement=31&statut=termine") == 1
    assert result_count(client, "/projets/?region=76") == 9
    assert result_count(client, "/projets/?role=representant-usagers&niveau=meso") == 3
    assert result_count(client, "/projets/?annee=2021") == 3
    html = client.get("/projets/?domaine=soins&departement=31").content.decode()
    assert "Binôme en diabétologie" in html and "Pairs en cancérologie" not in html


@pytest.mark.django_db
def test_free_text_narrows_the_list_and_the_counts(client, projects):
    response = client.get("/projets/?q=degustation")
    assert response.context["page_obj"].paginator.count == 1
    assert "Dégustation des repas" in response.content.decode()
    response = client.get("/projets/?q=signaletique&domaine=soins")
    assert response.context["page_obj"].paginator.count == 0
    assert "Aucun projet ne correspond" in response.content.decode()


@pytest.mark.django_db
def test_unknown_values_are_ignored_with_a_message(client, projects):
    response = client.get("/projets/?domaine=astrologie&statut=en-cours&tri=hasard&annee=abc&page=x")
    assert response.status_code == 200
    html = response.content.decode()
    assert "ont été ignorés" in html
    for bad in ("astrologie", "hasard", "abc"):
        assert bad in html
    assert response.context["page_obj"].paginator.count == 6  # statut=en-cours still applies
    assert all("hasard" not in href for href, _count in facet_links(html))  # links drop the bad sort


@pytest.mark.django_db
def test_sort_by_title(client, index):
    """Titles that differ at their first letter: the same order whatever the
    database's collation."""
    for title in ("Charlie, un projet", "Alpha, un projet", "Bravo, un projet"):
        make_project(index, title=title)
    titles = [p.title for p in client.get("/projets/?tri=titre").context["results"]]
    assert titles == ["Alpha, un projet", "Bravo, un projet", "Charlie, un projet"]


@pytest.mark.django_db
def test_most_recent_first_by_default(client, projects):
    years = [p.start_year for p in client.get("/projets/").context["results"]]
    assert years == sorted(years, reverse=True)
    assert years[0] == 2024


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, projects, index):
    index.per_page = 5
    index.save_revision().publish()
    first = client.get("/projets/?statut=en-cours")
    assert len(first.context["results"]) == 5
    html = first.content.decode()
    assert "?statut=en-cours&amp;page=2" in html
    second = client.get("/projets/?statut=en-cours&page=2")
    assert len(second.context["results"]) == 1
    beyond = client.get("/projets/?statut=en-cours&page=9")
    assert beyond.status_code == 200 and "ont été ignorés" in beyond.content.decode()


@pytest.mark.django_db
def test_domain_landing_page_shows_the_intro_and_only_its_projects(client, projects, domains):
    domain = domains["gouvernance"]
    domain.intro = "<p>Décider ensemble dans les instances.</p>"
    domain.save()
    response = client.get("/projets/domaine/gouvernance/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Décider ensemble dans les instances." in html
    assert "<h1>Gouvernance" in html
    assert response.context["page_obj"].paginator.count == 2
    assert 'id="facette-domaine"' not in html
    # Facets on the landing page are exact too.
    assert facet_links(html)
    for href, count in facet_links(html):
        assert result_count(client, "/projets/domaine/gouvernance/" + href) == count
    assert client.get("/projets/domaine/inconnu/").status_code == 404


@pytest.mark.django_db
def test_cards_link_to_projects_and_index_advertises_the_feed(client, projects):
    html = client.get("/projets/").content.decode()
    assert 'type="application/atom+xml"' in html
    assert f'href="{projects[0].url}"' in html
    assert html.count("<h1") == 1


def test_facet_link_parser_reads_counts():
    html = '<li><a href="?a=1&amp;b=2">X <span class="facet__count">(3<span>'
    assert facet_links(html) == [("?a=1&b=2", 3)]
    assert parse_qs(urlsplit("/projets/?a=1").query) == {"a": ["1"]}
