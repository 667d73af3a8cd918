"""Every page type of the site skeleton: created where allowed, routable,
rendered; the structure of the pages (landmarks, one h1, breadcrumb)."""

import re

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.factories import ContactPageFactory, HomePageFactory, StandardPageFactory
from home.models import ContactPage, HomePage, StandardPage


class TestPageTypes(WagtailPageTestCase):
    def setUp(self):
        self.home = HomePageFactory()

    def test_home_page_is_only_allowed_under_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_and_contact_pages_can_be_created_under_home(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(HomePage, ContactPage)
        self.assertCanNotCreateAt(ContactPage, StandardPage)

    def test_home_is_routable_and_renders(self):
        self.assertPageIsRoutable(self.home)
        self.assertPageIsRenderable(self.home)

    def test_standard_page_is_routable_and_renders(self):
        page = StandardPageFactory(parent=self.home, title="À propos", intro="Une introduction.")
        self.assertPageIsRoutable(page)
        self.assertPageIsRenderable(page)

    def test_contact_page_renders_its_form(self):
        contact = ContactPageFactory(parent=self.home)
        self.assertPageIsRoutable(contact)
        self.assertPageIsRenderable(contact)


@pytest.fixture
def skeleton(home_page):
    """A section with a subpage (a breadcrumb shows from depth 3) and the
    contact page."""
    section = StandardPageFactory(parent=home_page, title="Le partenariat en santé", show_in_menus=True)
    StandardPageFactory(parent=section, title="Un engagement réciproque", body__0__heading__text="Pourquoi")
    ContactPageFactory(parent=home_page)
    return home_page


@pytest.mark.django_db
def test_every_page_has_landmarks_one_h1_and_a_skip_link(client, skeleton):
    pages = Page.objects.live().filter(depth__gte=2).specific()
    assert {type(page) for page in pages} == {HomePage, StandardPage, ContactPage}
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert len(re.findall(r"<h1[ >]", html)) == 1, page.url
        for landmark in ('<header class="site-header"', '<main id="contenu"', '<footer class="site-footer"', "<nav"):
            assert landmark in html, (page.url, landmark)
        assert 'href="#contenu"' in html
        assert '<html lang="fr"' in html
        assert re.search(r"<title>[^<]+</title>", html), page.url
        assert ('aria-label="Fil d’Ariane"' in html) is (page.depth > 2), page.url


@pytest.mark.django_db
def test_meta_description_comes_from_the_promote_field(client, db):
    HomePageFactory(search_description="Fiches outils, projets accompagnés et annuaire.")
    html = client.get("/").content.decode()
    assert '<meta name="description" content="Fiches outils, projets accompagnés et annuaire.">' in html


@pytest.mark.django_db
def test_meta_description_falls_back_to_the_intro(client, home_page):
    page = StandardPageFactory(parent=home_page, intro="Qui édite ce portail, qui l'héberge et comment nous joindre.")
    html = client.get(page.url).content.decode().replace("&#x27;", "'")
    assert f'<meta name="description" content="{page.intro}">' in html


@pytest.mark.django_db
def test_unknown_url_gets_the_french_404_page(client, home_page):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


@pytest.mark.django_db
def test_noindex_page_is_left_out_of_the_sitemap(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Mentions légales")
    assert page.full_url in client.get("/sitemap.xml").content.decode()
    page.noindex = True
    page.save_revision().publish()
    assert page.full_url not in client.get("/sitemap.xml").content.decode()
    assert '<meta name="robots" content="noindex">' in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()
