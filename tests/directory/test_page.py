"""DirectoryPage: where it can live, its routes, its sitemap entries."""

import pytest
from wagtail.test.utils import WagtailPageTestCase

from directory.models import DirectoryPage
from home.models import HomePage, StandardPage


class DirectoryPageTests(WagtailPageTestCase):
    def test_parent_and_children(self):
        self.assertAllowedParentPageTypes(DirectoryPage, {HomePage})
        self.assertAllowedSubpageTypes(DirectoryPage, set())
        self.assertCanNotCreateAt(StandardPage, DirectoryPage)


@pytest.mark.django_db
def test_routes_render_and_unknown_routes_404(client, make_profile):
    profile = make_profile()
    page = DirectoryPage.objects.get()
    assert page.url == "/annuaire/" and page.show_in_menus
    for route in ("", f"profil/{profile.pk}/", f"profil/{profile.pk}/contact/", "inscription/", "gerer/"):
        assert client.get(f"/annuaire/{route}").status_code == 200, route
    for route in ("profil/999999/", "profil/abc/", "reponse/autre/xyz/", "gerer/profil/donnees/xml/"):
        assert client.get(f"/annuaire/{route}").status_code in (302, 404), route
    assert client.get("/annuaire/reponse/accepter/pas-un-jeton/").status_code == 400
    assert profile.get_absolute_url() == f"/annuaire/profil/{profile.pk}/"
