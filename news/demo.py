"""Demo content of the news: the index page and five fictional items.

The texts are in demo/news/news.toml (docs/demo-content.md).
"""

from core.demo import upsert_page
from core.demo.data import read
from home.demo import get_home
from news.models import NewsIndexPage, NewsPage

WHERE = "news/news.toml"


def load(command):
    data = read(WHERE)
    items = data.pop("items")
    index, _ = upsert_page(get_home(), NewsIndexPage, data, WHERE)
    for item in items:
        upsert_page(index, NewsPage, item, f"{WHERE}[{item['slug']}]")
