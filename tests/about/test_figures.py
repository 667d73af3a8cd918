"""The key figures page: computed from live data, small counts of contact
requests hidden, every chart followed by its table, and a query count that
does not grow with the data."""

import html
import re

import pytest

from about.factories import KeyFiguresPageFactory
from core.factories import domains as make_domains
from core.models import Domain
from directory.factories import ContactRequestFactory, PartnerProfileFactory
from directory.models import ContactRequest, PartnerProfile
from projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from tests.utils import count_queries, plain

pytestmark = pytest.mark.django_db


def words(content):
    """The page's text without tags, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", plain(content))).split())


@pytest.fixture
def figures_page(home_page):
    make_domains()
    return KeyFiguresPageFactory(parent=home_page)


def add_data(index, n):
    soins = Domain.objects.get(slug="soins")
    for _ in range(n):
        ProjectPageFactory(parent=index, domain=soins, engagement_degree="partenariat", engagement_scale="meso")
        profile = PartnerProfileFactory(department="34", roles=["patient-formateur", "pair-aidant"])
        ContactRequestFactory(profile=profile, status=ContactRequest.Status.ACCEPTED)


def test_figures_come_from_the_data(client, home_page, figures_page):
    index = ProjectIndexPageFactory(parent=home_page)
    soins = Domain.objects.get(slug="soins")
    for _ in range(3):
        ProjectPageFactory(parent=index, domain=soins, engagement_degree="partenariat", engagement_scale="meso")
    PartnerProfileFactory(department="34", roles=["patient-formateur"])
    PartnerProfileFactory(department="31", roles=["pair-aidant"])
    PartnerProfileFactory(department="31", status=PartnerProfile.Status.PENDING)  # not counted
    response = client.get(figures_page.url)
    assert response.status_code == 200
    text = words(response.content)
    assert "2 profils publiés dans l'annuaire" in text
    assert "3 projets publiés" in text
    html = response.content.decode()
    assert "<caption>Projets par domaine</caption>" in html
    assert '<th scope="row">Hérault (34)</th><td>1</td>' in html
    assert '<th scope="row">Haute-Garonne (31)</th><td>1</td>' in html
    # Six charts (the map and five bar charts), each an image with a title followed by its table.
    assert html.count('role="img"') == html.count("<caption>") == 6


def test_contact_requests_under_the_threshold_are_hidden(client, home_page, figures_page):
    profile = PartnerProfileFactory()
    for _ in range(4):
        ContactRequestFactory(profile=profile, status=ContactRequest.Status.ACCEPTED)
    html = client.get(figures_page.url).content.decode()
    assert '<th scope="row">Demandes transmises</th><td>—</td>' in html
    ContactRequestFactory(profile=profile, status=ContactRequest.Status.DECLINED)
    ContactRequestFactory(profile=profile, status=ContactRequest.Status.SPAM)  # never counted
    html = client.get(figures_page.url).content.decode()
    assert '<th scope="row">Demandes transmises</th><td>5</td>' in html
    assert '<th scope="row">Demandes ayant reçu une réponse</th><td>5</td>' in html
    assert '<th scope="row">Demandes acceptées</th><td>—</td>' in html


def test_query_count_does_not_grow_with_the_data(client, home_page, figures_page):
    index = ProjectIndexPageFactory(parent=home_page)
    add_data(index, 2)
    client.get(figures_page.url)  # warm the per-site caches (settings, site root)
    _response, small = count_queries(client, figures_page.url)
    add_data(index, 8)
    response, large = count_queries(client, figures_page.url)
    assert response.status_code == 200
    assert large == small


def test_the_home_shows_three_figures(client, home_page, figures_page):
    PartnerProfileFactory()
    html = words(client.get("/").content)
    assert "Le partenariat en chiffres" in html
    assert "1 patients partenaires dans l'annuaire" in html
    assert "— demandes de mise en relation ayant reçu une réponse" in html


def test_calls_for_projects_per_year_are_counted_from_the_applications(client, home_page, figures_page):
    import datetime

    from accompaniment.factories import ApplicationFactory, CallForProjectsPageFactory

    make_domains()
    last_year = CallForProjectsPageFactory(
        opens_on=datetime.date(2025, 1, 10), closes_on=datetime.date(2025, 3, 1), decision_on=datetime.date(2025, 4, 1)
    )
    this_year = CallForProjectsPageFactory(slug="appel-2026", opens_on=datetime.date(2026, 1, 10))
    for status in ("retenue", "retenue", "non-retenue", "irrecevable"):
        ApplicationFactory(call=last_year, status=status)
    ApplicationFactory(call=last_year, is_spam=True)  # never counted
    ApplicationFactory(call=this_year)
    html = plain(client.get(figures_page.url).content)
    assert '<th scope="row">2025 : candidatures reçues</th><td>4</td>' in html
    assert '<th scope="row">2025 : projets retenus</th><td>2</td>' in html
    assert '<th scope="row">2026 : candidatures reçues</th><td>1</td>' in html
    # Queries do not grow with the applications.
    _response, small = count_queries(client, figures_page.url)
    for _ in range(5):
        ApplicationFactory(call=this_year, status="retenue")
    _response, large = count_queries(client, figures_page.url)
    assert large == small
