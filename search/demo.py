"""Demo content of the search: editors' promoted results for a few common
queries (Wagtail's search promotions), from demo/search/promotions.toml.
Idempotent."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from core.demo.data import read


def load(command=None):
    created = 0
    for position, promotion in enumerate(read("search/promotions.toml")["promotions"]):
        page = Page.objects.filter(slug=promotion["page"], live=True).first()
        if page is None:
            continue
        query = Query.get(promotion["query"])
        _promotion, was_created = SearchPromotion.objects.get_or_create(
            query=query, page=page, defaults={"description": promotion["description"], "sort_order": position}
        )
        created += was_created
    if command is not None and created:
        command.stdout.write(f"Recherche : {created} résultats mis en avant.")
