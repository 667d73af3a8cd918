"""Finding one's way in the directory: the breadcrumb goes through it, "Retour
à l'annuaire" keeps the search and the filters (the listing's own parameters
only), the header search box stays empty, and a query the search cannot use
says so instead of listing everyone."""

import re
from html import unescape

import pytest

from tests.utils import plain

from .conftest import contact_data

pytestmark = pytest.mark.django_db

NNBSP = "\u202f"


@pytest.fixture
def profiles(make_profile):
    return [
        make_profile(display_name="Aline A.", department="34", roles=["pair-aidant"], presentation="Diabète"),
        make_profile(display_name="Bruno B.", department="34", roles=["pair-aidant"], presentation="Asthme"),
        make_profile(display_name="Chloé C.", department="31", roles=["patient-formateur"], presentation="Diabète"),
    ]


def crumbs(html):
    nav = re.search(r'<nav class="breadcrumb.*?</nav>', html, re.S).group(0)
    return [(unescape(href), unescape(text).strip()) for href, text in re.findall(r'href="([^"]*)">([^<]*)</a>', nav)]


def link_to(html, label):
    html = plain(html)
    return unescape(re.search(rf'<a(?: class="button")? href="([^"]*)">{re.escape(label)}</a>', html).group(1))


def test_the_profile_breadcrumb_goes_through_the_directory(client, profiles):
    aline = profiles[0]
    html = client.get(f"/annuaire/profil/{aline.pk}/").content.decode()
    assert crumbs(html) == [
        ("/", "Accueil"),
        ("/annuaire/", "Annuaire des patients partenaires"),
        (f"/annuaire/profil/{aline.pk}/", "Aline A."),
    ]
    html = client.get(f"/annuaire/profil/{aline.pk}/contact/").content.decode()
    assert [label for _, label in crumbs(html)] == [
        "Accueil",
        "Annuaire des patients partenaires",
        "Contacter Aline A.",
    ]
    # The directory itself is the last crumb, not repeated.
    assert [label for _, label in crumbs(client.get("/annuaire/").content.decode())] == [
        "Accueil",
        "Annuaire des patients partenaires",
    ]


def test_back_to_the_directory_keeps_the_search_and_the_filters(client, profiles):
    listing = client.get("/annuaire/?q=diabete&departement=34&role=pair-aidant").content.decode()
    (profile_link,) = re.findall(r'<h3 class="card__title"><a href="([^"]+)">', listing)
    profile_link = unescape(profile_link)
    assert profile_link.startswith(f"/annuaire/profil/{profiles[0].pk}/?")
    profile_page = client.get(profile_link).content.decode()
    back = link_to(profile_page, "Retour à l'annuaire")
    assert back.startswith("/annuaire/?")
    back_listing = client.get(back)
    assert [p.display_name for p in back_listing.context["results"]] == ["Aline A."]
    assert back_listing.context["query"] == "diabete"
    assert dict(back_listing.context["facets"].active) == {"departement": "34", "role": "pair-aidant"}
    # Through the contact form and its confirmation too.
    contact = link_to(profile_page, "Contacter Aline A.")
    form_page = client.get(contact).content.decode()
    action = unescape(re.search(r'<form class="form" action="([^"]+)"', form_page).group(1))
    assert action == contact
    sent = client.post(action, contact_data(client, action)).content.decode()
    assert link_to(sent, "Retour à l'annuaire") == back


def test_a_profile_reached_with_listing_parameters_keeps_one_canonical_address(client, make_profile):
    profile = make_profile(allow_search_engines=True)
    html = client.get(f"/annuaire/profil/{profile.pk}/?q=diabete&departement=34").content.decode()
    assert f'<link rel="canonical" href="http://testserver/annuaire/profil/{profile.pk}/">' in html


def test_only_the_listing_parameters_are_carried_back(client, profiles):
    url = f"/annuaire/profil/{profiles[0].pk}/?q=diabete&next=https://evil.example&page=2&role=x&utm_source=y"
    back = link_to(client.get(url).content.decode(), "Retour à l'annuaire")
    assert back == "/annuaire/?q=diabete&page=2&role=x"
    assert "evil" not in back and "utm" not in back
    # The listing validates the values again: an unknown role is named and ignored.
    assert client.get(back).status_code == 200
    assert link_to(client.get(f"/annuaire/profil/{profiles[0].pk}/").content.decode(), "Retour à l'annuaire") == (
        "/annuaire/"
    )


def test_the_header_search_box_is_not_filled_with_the_directory_query(client, profiles):
    html = client.get("/annuaire/?q=diabete").content.decode()
    header = re.search(r'<input id="site-search-q"[^>]*>', html).group(0)
    assert 'value=""' in header
    assert re.search(r'<input type="search" id="listing-q" name="q" value="diabete"', html)


@pytest.mark.parametrize("typed", ["!!!", "?", "le la", "« »"])
def test_a_query_the_search_ignores_says_so_instead_of_listing_everyone(client, profiles, typed):
    response = client.get("/annuaire/", {"q": typed})
    assert response.status_code == 200
    assert response.context["results"] == [] and response.context["result_count"] == 0
    html = response.content.decode()
    assert "ne contient aucun mot pris en compte" in html
    assert "Aline A." not in html


def test_a_real_query_still_searches(client, profiles):
    response = client.get("/annuaire/", {"q": "le diabète !"})
    assert sorted(p.display_name for p in response.context["results"]) == ["Aline A.", "Chloé C."]
    assert "aucun mot pris en compte" not in response.content.decode()
