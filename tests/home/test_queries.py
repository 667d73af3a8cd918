"""SQL queries per page must not grow with the amount of content."""

import pytest

from home.models import StandardPage
from tests.utils import count_queries


def add_pages(parent, n, start=0):
    for i in range(start, start + n):
        page = StandardPage(title=f"Page {i}", slug=f"page-{i}", intro="Texte.", show_in_menus=i % 2 == 0)
        parent.add_child(instance=page)
        page.save_revision().publish()


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["home", "standard"])
def test_query_count_does_not_grow_with_pages(client, demo_site, url_name):
    home = demo_site.root_page
    add_pages(home, 5)
    url = "/" if url_name == "home" else "/page-0/"
    client.get(url)  # warm caches (site root, settings)
    _, small = count_queries(client, url)
    add_pages(home, 45, start=5)
    client.get(url)
    _, large = count_queries(client, url)
    assert small == large, (small, large)
    assert small <= 25
