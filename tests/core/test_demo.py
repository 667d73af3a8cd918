"""The demo content loads, twice, without duplicating anything, and every
demo page is served with the portal's structure."""

import io
import re

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page, Revision, Site

from core.typography import SKIPPED_ELEMENTS
from tests.utils import rolled_back_afterwards


@pytest.fixture(scope="module")
def loaded_demo(django_db_setup, django_db_blocker):
    """The complete demo content, as `make run` loads it, once for the module."""
    with rolled_back_afterwards(django_db_blocker):
        call_command("load_demo_content", stdout=open("/dev/null", "w"))
        yield Site.objects.get(is_default_site=True)


@pytest.fixture
def demo_site(loaded_demo, db):
    return loaded_demo


def snapshot():
    """Row counts of every portal model, plus pages and revisions."""
    portal_apps = {
        "core",
        "home",
        "resources",
        "tools",
        "projects",
        "directory",
        "about",
        "search",
        "editorial",
        "taggit",
    }
    counts = {
        model._meta.label: model.objects.count()
        for config in apps.get_app_configs()
        if config.label in portal_apps
        for model in config.get_models()
    }
    counts["pages"] = Page.objects.count()
    counts["revisions"] = Revision.objects.count()
    return counts


@pytest.mark.django_db
def test_demo_content_is_idempotent(client):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    first = snapshot()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert snapshot() == first


def test_the_demo_site_answers_at_base_url(demo_site, settings):
    """BASE_URL is http://testserver in the test settings; the demo used to
    create the site as localhost:80, so Wagtail's sitemap and canonical links
    disagreed with the emails."""
    assert (demo_site.hostname, demo_site.port) == ("testserver", 80)
    assert demo_site.root_url == settings.BASE_URL


@pytest.mark.django_db
@override_settings(PORTAL_IS_PRODUCTION=True)
def test_production_loads_the_demo_only_when_asked_explicitly():
    before = snapshot()
    with pytest.raises(CommandError, match="--i-know-this-is-production"):
        call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert snapshot() == before
    output = io.StringIO()
    call_command("load_demo_content", "--i-know-this-is-production", stdout=output)
    assert "Contenu de démonstration à jour." in output.getvalue()
    assert snapshot()["pages"] > 1  # the demo is there (it may already have been: loading is idempotent)


@pytest.mark.django_db
def test_every_demo_page_returns_200(client, demo_site):
    pages = Page.objects.live().filter(depth__gte=2)
    assert pages.count() >= 8
    for page in pages:
        assert client.get(page.url).status_code == 200, page.url


@pytest.mark.django_db
def test_home_page_shows_the_continuum_and_the_three_pillars(client, demo_site):
    html = client.get("/").content.decode()
    for text in ("Vers le patient", "Pour le patient", "Avec le patient"):
        assert text in html
    for url in ("/fiches-outils/", "/projets/", "/annuaire/"):
        assert f'href="{url}"' in html
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_footer_links_to_the_legal_pages(client, demo_site):
    html = client.get("/").content.decode()
    for title in ("Mentions légales", "Données personnelles", "Déclaration d’accessibilité", "Contact"):
        assert title in html


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
        assert re.search(r"<title>[^<]+</title>", html), page.url
        assert ('aria-label="Fil d’Ariane"' in html) is (page.depth > 2), page.url


# Text shown to the reader: tags, comments and skipped elements removed.
_SKIPPED = re.compile(
    r"<(" + "|".join(sorted(SKIPPED_ELEMENTS)) + r")\b[^>]*>.*?</\1>|<!--.*?-->", re.DOTALL | re.IGNORECASE
)
_BAD_SPACING = re.compile(r"[ \t\r\n\u00a0][;:!?](?=[\s»]|$)|«[ \t\r\n\u00a0]|[ \t\r\n\u00a0]»|\w'\w")


def _visible_text(html):
    from html import unescape

    html = _SKIPPED.sub(" ", html)
    return unescape(re.sub(r"<[^>]+>", "", html))


@pytest.mark.django_db
def test_french_typography_on_every_demo_page_and_the_pages_they_link(client, demo_site):
    """No ordinary space before ; : ! ? or inside « », no straight
    apostrophe, on every demo page and on every internal page they link
    (listings with filters, profiles, routes)."""
    to_visit = [page.url for page in Page.objects.live().filter(depth__gte=2)]
    seen, problems = set(), []
    while to_visit and len(seen) < 400:
        url = to_visit.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        text = _visible_text(html)
        for found in _BAD_SPACING.finditer(text):
            problems.append((url, text[max(found.start() - 30, 0) : found.end() + 10]))
        if len(seen) < 150:
            for link in re.findall(r'href="(/[^"#]*)"', html):
                link = link.replace("&amp;", "&")
                if not link.startswith(("/admin", "/documents", "/static", "/media")) and link not in seen:
                    to_visit.append(link)
    assert len(seen) > 100
    assert not problems, problems[:20]
