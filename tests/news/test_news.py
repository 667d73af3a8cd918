"""News: the index newest first and paginated, a page per item, the Atom
feed with BASE_URL links, the home page's latest publications, constant
query counts."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsIndexPage, NewsPage
from tests.utils import count_queries, plain

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page, per_page=3)


class TestTree(WagtailPageTestCase):
    def test_where_pages_go(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(NewsPage, set())


@pytest.mark.django_db
def test_the_index_lists_news_newest_first_by_their_date_with_pages(client, news_index):
    for day, title in [(5, "Cinq"), (1, "Un"), (9, "Neuf"), (3, "Trois")]:
        NewsPageFactory(parent=news_index, title=title, date=datetime.date(2026, 3, day))
    NewsPageFactory(parent=news_index, title="Brouillon", live=False)
    response = client.get(news_index.url)
    assert [item.title for item in response.context["items"]] == ["Neuf", "Cinq", "Trois"]
    assert "9 mars 2026" in plain(response.content)
    response = client.get(news_index.url + "?page=2")
    assert [item.title for item in response.context["items"]] == ["Un"]
    assert client.get(news_index.url + "?page=abc").status_code == 200


@pytest.mark.django_db
def test_a_news_page_shows_its_date_intro_and_body(client, news_index):
    item = NewsPageFactory(
        parent=news_index,
        title="Le réseau s'agrandit",
        date=datetime.date(2026, 2, 14),
        intro="Une introduction.",
        body=[("paragraph", "<p>Le corps du texte.</p>")],
    )
    content = plain(client.get(item.url).content)
    assert content.count("<h1") == 1
    assert "14 février 2026" in content and "Une introduction." in content and "Le corps du texte." in content


@pytest.mark.django_db
def test_the_atom_feed_lists_the_news_with_absolute_base_url_links(client, news_index):
    NewsPageFactory(parent=news_index, title="Ancienne", slug="ancienne", date=datetime.date(2025, 1, 1))
    NewsPageFactory(parent=news_index, title="Récente", slug="recente", date=datetime.date(2026, 1, 1))
    response = client.get(news_index.url + "flux/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed, in a test)
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Récente", "Ancienne"]
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert links == ["http://testserver/actualites/recente/", "http://testserver/actualites/ancienne/"]
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/actualites/flux/"


@pytest.mark.django_db
def test_the_home_page_latest_publications_include_news(client, news_index):
    from projects.factories import ProjectIndexPageFactory, ProjectPageFactory

    item = NewsPageFactory(parent=news_index, title="Une actualité du réseau")
    projects = ProjectIndexPageFactory()
    for n in range(8):  # published after the news item
        ProjectPageFactory(parent=projects, title=f"Projet récent {n}")
    response = client.get("/")
    assert item.pk in [page.pk for page in response.context["latest_items"]]
    assert "Une actualité du réseau" in plain(response.content)
    assert 'href="/actualites/"' in response.content.decode()  # in the main navigation


@pytest.mark.django_db
def test_query_counts_are_equal_at_3_and_12_news(client, news_index):
    def add(n, start=0):
        for _i in range(start, start + n):
            NewsPageFactory(parent=news_index, body=[("paragraph", "<p>Texte.</p>")])

    add(3)
    urls = [news_index.url, news_index.url + "?page=2", news_index.url + "flux/", "/"]

    def measure():
        counts = {}
        for url in urls + [news_index.get_children().live().first().url]:
            client.get(url)
            response, n = count_queries(client, url)
            assert response.status_code == 200, url
            counts[url] = n
        return counts

    small = measure()
    add(9, start=3)
    large = measure()
    assert small == large
    assert max(small.values()) <= 25, small
