"""SQL queries per page must not grow with the amount of content."""

import pytest

from home.factories import StandardPageFactory, set_pillars
from tests.utils import count_queries


def add_pages(parent, n, start=0):
    for i in range(start, start + n):
        StandardPageFactory(parent=parent, title=f"Page {i}", intro="Texte.", show_in_menus=i % 2 == 0)


@pytest.fixture
def sections(home_page):
    """Three sections in the menu, as the home page's pillars."""
    pages = [StandardPageFactory(parent=home_page, title=f"Rubrique {i}", show_in_menus=True) for i in range(3)]
    set_pillars(home_page, pages)
    return pages


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["home", "standard"])
def test_query_count_does_not_grow_with_pages(client, home_page, sections, url_name):
    """More pages in the menu (children of home) and in the home page's
    "latest publications" (pages inside the sections)."""
    add_pages(home_page, 5)
    add_pages(sections[0], 5, start=100)
    url = "/" if url_name == "home" else "/page-0/"
    client.get(url)  # warm caches (site root, settings)
    _, small = count_queries(client, url)
    add_pages(home_page, 45, start=5)
    add_pages(sections[1], 20, start=105)
    client.get(url)
    response, large = count_queries(client, url)
    assert response.status_code == 200
    assert small == large, (small, large)
    assert small <= 25
