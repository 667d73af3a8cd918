"""core.links and the `subpage`, `subpage_url`, `page_url` template tags:
relative paths for the site's HTML, absolute URLs from BASE_URL (never from
the Site record), nothing for a page that no site serves."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory, override_settings
from django.urls import NoReverseMatch
from wagtail.models import Page, Site

from core import links
from directory.models import DirectoryPage

pytestmark = pytest.mark.django_db

PUBLIC = "https://partenariat.example.org"


@pytest.fixture
def directory(home_page):
    page = DirectoryPage(title="Annuaire", slug="annuaire")
    home_page.add_child(instance=page)
    return page


@pytest.fixture
def orphan(root_page):
    """A routable page under the tree's root, outside every site's root."""
    page = DirectoryPage(title="Annuaire orphelin", slug="annuaire-orphelin")
    root_page.add_child(instance=page)
    return page


def render(source, **context):
    return Template("{% load portal_tags %}" + source).render(Context(context))


def test_relative_paths_name_the_route(directory):
    assert links.page_path(directory) == "/annuaire/"
    assert links.subpage_path(directory, "index_route") == "/annuaire/"
    assert links.subpage_path(directory, "profile_route", 12) == "/annuaire/profil/12/"
    assert links.subpage_path(directory, "answer_route", "accepter", "jeton-1") == "/annuaire/reponse/accepter/jeton-1/"
    assert links.subpage_path(directory, "export_route", fmt="csv") == "/annuaire/gerer/profil/donnees/csv/"


def test_a_request_gives_the_same_paths(directory, site):
    request = RequestFactory().get("/annuaire/")
    assert links.subpage_path(directory, "manage_route", request=request) == "/annuaire/gerer/profil/"
    assert links.page_path(directory, request) == "/annuaire/"


@override_settings(BASE_URL=PUBLIC + "/")
def test_absolute_urls_start_with_base_url_not_the_site_hostname(directory, site):
    site.hostname, site.port = "interne.local", 8080
    site.save()
    directory = DirectoryPage.objects.get(pk=directory.pk)  # no cached site root paths
    assert directory.get_full_url() == "http://interne.local:8080/annuaire/"  # what we do not use
    assert links.page_url(directory) == f"{PUBLIC}/annuaire/"
    assert links.subpage_url(directory, "manage_link_route", "abc") == f"{PUBLIC}/annuaire/gerer/lien/abc/"
    assert links.absolute("/healthz") == f"{PUBLIC}/healthz"
    assert links.absolute("healthz") == f"{PUBLIC}/healthz"


def test_a_page_outside_every_site_has_no_link(orphan, site):
    assert links.page_path(orphan) is None
    assert links.subpage_path(orphan, "profile_route", 3) is None
    assert links.page_url(orphan) is None
    assert links.subpage_url(orphan, "profile_route", 3) is None
    assert render('[{% subpage page "profile_route" 3 %}]', page=orphan) == "[]"
    assert render("[{% page_url page %}]", page=orphan) == "[]"


def test_a_page_of_a_second_site_gets_its_path_from_that_site_root(root_page, site):
    second_root = root_page.add_child(instance=Page(title="Autre site", slug="autre-site"))
    Site.objects.create(hostname="autre.example.org", port=443, root_page=second_root)
    page = DirectoryPage(title="Annuaire bis", slug="annuaire-bis")
    second_root.add_child(instance=page)
    page = DirectoryPage.objects.get(pk=page.pk)
    assert links.subpage_path(page, "registration_route") == "/annuaire-bis/inscription/"
    with override_settings(BASE_URL=PUBLIC):
        assert links.subpage_url(page, "registration_route") == f"{PUBLIC}/annuaire-bis/inscription/"


def test_an_unknown_route_name_fails_loudly(directory):
    with pytest.raises(NoReverseMatch):
        links.subpage_path(directory, "gerer")


def test_join_subpage_appends_a_route_to_a_computed_location(directory):
    assert (
        links.join_subpage("http://localhost/annuaire/", directory, "profile_route", 5)
        == "http://localhost/annuaire/profil/5/"
    )
    assert links.join_subpage("http://localhost/annuaire", directory, "index_route") == "http://localhost/annuaire/"


@override_settings(BASE_URL=PUBLIC)
def test_template_tags_with_and_without_a_request(directory, site):
    request = RequestFactory().get("/annuaire/")
    for context in ({"page": directory}, {"page": directory, "request": request}):
        assert render('{% subpage page "contact_route" 8 %}', **context) == "/annuaire/profil/8/contact/"
        assert render('{% subpage page "export_route" "json" %}', **context) == "/annuaire/gerer/profil/donnees/json/"
        assert render('{% subpage_url page "report_route" 8 %}', **context) == f"{PUBLIC}/annuaire/profil/8/signaler/"
        assert render("{% page_url page %}", **context) == f"{PUBLIC}/annuaire/"
    assert render('{% subpage page "profile_route" 8 as url %}<a href="{{ url }}">', page=directory) == (
        '<a href="/annuaire/profil/8/">'
    )


def test_page_url_tag_ignores_what_is_not_a_page():
    """`page` is a paginator's page in some templates: no canonical link, no error."""
    assert render("[{% page_url page %}]", page=object()) == "[]"
