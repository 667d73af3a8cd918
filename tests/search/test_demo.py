"""The search demo: editors' promoted results for common queries, loaded once."""

from wagtail.contrib.search_promotions.models import SearchPromotion

URL = "/recherche/"


def test_demo_promotions_are_loaded_once_and_shown(client, demo):
    from search import demo as search_demo

    count = SearchPromotion.objects.count()
    search_demo.load()
    assert SearchPromotion.objects.count() == count >= 3
    promoted = client.get(URL, {"q": "Charte"}).context["outcome"].promotions
    assert [p.url for p in promoted] == ["/fiches-outils/charte-du-partenariat/"]
