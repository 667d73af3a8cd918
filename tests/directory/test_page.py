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
def test_routes_render(client, make_profile):
    profile = make_profile()
    for route in ("", f"profil/{profile.pk}/", f"profil/{profile.pk}/contact/", "inscription/", "gerer/"):
        assert client.get(f"/annuaire/{route}").status_code == 200, route


@pytest.mark.django_db
def test_a_profile_url_is_under_the_directory_page(make_profile):
    profile = make_profile()
    page = DirectoryPage.objects.get()
    assert page.url == "/annuaire/" and page.show_in_menus
    assert profile.get_absolute_url() == f"/annuaire/profil/{profile.pk}/"


@pytest.mark.django_db
def test_unknown_routes_and_tokens_are_refused(client, directory):
    for route in ("profil/999999/", "profil/abc/", "reponse/autre/xyz/"):
        assert client.get(f"/annuaire/{route}").status_code == 404, route
    # Without a self-service session, the data export sends to "Gérer mon profil" first.
    response = client.get("/annuaire/gerer/profil/donnees/xml/")
    assert response.status_code == 302 and response["Location"] == "/annuaire/gerer/"
    assert client.get("/annuaire/reponse/accepter/pas-un-jeton/").status_code == 400
