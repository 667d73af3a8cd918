"""Every page type of the site skeleton: created where allowed, routable,
rendered; the structure of the pages (landmarks, one h1, breadcrumb)."""

import re

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import ContactPage, HomePage, StandardPage


class TestPageTypes(WagtailPageTestCase):
    def setUp(self):
        from home.demo import ensure_home

        self.home = ensure_home()

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
        page = StandardPage(title="À propos", slug="a-propos", intro="Une introduction.")
        self.home.add_child(instance=page)
        page.save_revision().publish()
        self.assertPageIsRoutable(page)
        self.assertPageIsRenderable(page)

    def test_contact_page_renders_its_form(self):
        from home.demo import ensure_contact

        contact = ensure_contact(self.home)
        self.assertPageIsRoutable(contact)
        self.assertPageIsRenderable(contact)


@pytest.mark.django_db
def test_every_demo_page_has_landmarks_one_h1_and_a_skip_link(client, demo_site):
    for page in Page.objects.live().filter(depth__gte=2).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert len(re.findall(r"<h1[ >]", html)) == 1, page.url
        for landmark in ('<header class="site-header"', '<main id="contenu"', '<footer class="site-footer"', "<nav"):
            assert landmark in html, (page.url, landmark)
        assert 'href="#contenu"' in html
        assert '<html lang="fr"' in html
        assert "<title>" in html and "</title>" in html
        if page.depth > 2:
            assert 'aria-label="Fil d’Ariane"' in html, page.url


@pytest.mark.django_db
def test_meta_description_comes_from_promote_fields_or_intro(client, demo_site):
    response = client.get("/")
    assert '<meta name="description" content="Fiches outils, projets accompagnés' in response.content.decode()
    page = StandardPage.objects.get(slug="mentions-legales")
    response = client.get(page.url)
    assert f'<meta name="description" content="{page.intro[:40]}' in response.content.decode().replace("&#x27;", "'")


@pytest.mark.django_db
def test_unknown_url_gets_the_french_404_page(client, demo_site):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


@pytest.mark.django_db
def test_noindex_page_is_left_out_of_the_sitemap(client, demo_site):
    page = StandardPage.objects.get(slug="mentions-legales")
    assert page.full_url in client.get("/sitemap.xml").content.decode()
    page.noindex = True
    page.save_revision().publish()
    assert page.full_url not in client.get("/sitemap.xml").content.decode()
    assert '<meta name="robots" content="noindex">' in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client, demo_site):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()
