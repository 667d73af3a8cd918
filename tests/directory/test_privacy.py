"""Privacy guarantees: hidden values and private fields never leak to the
public HTML, facet counts, free-text matches, search index rows or the
Elasticsearch document."""

import json
import re

import pytest
from wagtail.search.backends import get_search_backend

from directory.models import PartnerProfile
from search.backends import elasticsearch_settings

from .dbscan import scan

pytestmark = pytest.mark.django_db

HIDDEN_THEME = "Syndrome imaginaire de Zorglub"
PUBLIC_THEME = "Maladie fictive de Tartempion"


@pytest.fixture
def hidden(make_profile):
    """A published profile that hides its department and its health themes."""
    make_profile(display_name="Témoin A.", department="31", themes=[])
    make_profile(display_name="Témoin B.", department="34", themes=[PUBLIC_THEME], consent_health=True)
    return make_profile(
        display_name="Discrète Z.",
        email="discrete.z@example.org",
        phone="06 12 34 56 78",
        department="48",
        territory_visibility="region",
        consent_health=False,
        themes=[HIDDEN_THEME],
    )


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_hidden_department_and_themes_absent_from_public_html(client, hidden):
    for url in ("/annuaire/", f"/annuaire/profil/{hidden.pk}/", "/annuaire/?q=discrete"):
        page = html(client, url)
        assert "Discrète Z." in page
        assert "Lozère" not in page
        assert "zorglub" not in page.lower()
        assert "discrete.z@example.org" not in page
        assert "06 12 34 56 78" not in page
    profile_page = html(client, f"/annuaire/profil/{hidden.pk}/")
    assert "Occitanie" in profile_page  # the region is still shown


def test_hidden_values_are_not_counted_nor_matched(client, hidden):
    response = client.get("/annuaire/")
    groups = {g.facet.param: {o.value: o.count for o in g.options} for g in response.context["facets"].groups}
    assert "48" not in groups["departement"]
    assert groups["theme"] == {"maladie-fictive-de-tartempion": 1}
    assert groups["region"]["76"] == 3
    # Filtering on the hidden department never returns the partner.
    response = client.get("/annuaire/?departement=48")
    assert response.context["result_count"] == 0
    # Free text on hidden values: no match; on a public value: a match.
    for query in ("zorglub", "lozere", "discrete.z@example.org", "0612345678", "56 78"):
        assert client.get(f"/annuaire/?q={query}").context["result_count"] == 0, query
    assert client.get("/annuaire/?q=tartempion").context["result_count"] == 1
    # The theme filter itself refuses non-consented themes.
    from directory.views import _theme_filter

    slug = hidden.themes.get().slug
    assert not _theme_filter(PartnerProfile.objects.all(), slug).filter(pk=hidden.pk).exists()


def test_facet_counts_are_exact(client, make_profile):
    for i in range(6):
        make_profile(
            department=["31", "34"][i % 2], remote_ok=bool(i % 3), roles=["pair-aidant"] if i < 4 else ["patient-coach"]
        )
    response = client.get("/annuaire/?role=pair-aidant")
    checked = set()
    for group in response.context["facets"].groups:
        for option in group.options:
            followed = client.get("/annuaire/" + option.url)
            assert followed.context["result_count"] == option.count, (group.facet.param, option.value)
            checked.add(group.facet.param)
    assert {"role", "departement"} <= checked


def test_unknown_filter_values_are_ignored_with_a_message(client, hidden):
    response = client.get("/annuaire/?role=inexistant&departement=<script>&page=zz")
    assert response.status_code == 200
    page = response.content.decode()
    assert "ignorés" in page
    assert "<script>" not in page


def test_search_index_rows_hold_no_private_or_hidden_value(hidden):
    needles = ["discrete.z@example.org", "06 12 34 56 78", "zorglub", "lozere", "lozère"]
    hits = scan(needles, only=lambda t: "index" in t.lower() or "fts" in t.lower())
    assert hits == []
    # The public text is indexed.
    assert scan(["discret"], only=lambda t: "index" in t.lower() or "fts" in t.lower())


def test_elasticsearch_document_built_offline_holds_only_public_consented_data(hidden):
    backend = get_search_backend(**elasticsearch_settings("elasticsearch9", "http://127.0.0.1:9"))
    mapping = backend.mapping_class(PartnerProfile)
    properties = json.dumps(mapping.get_mapping())
    for private in ("email", "phone", "consent", 'department"'):
        assert private not in properties
    document = json.dumps(mapping.get_document(hidden), ensure_ascii=False).lower()
    assert "discret" in document
    for needle in ("example.org", "06 12", "zorglub", "lozere", "lozère"):
        assert needle not in document


def test_consented_theme_and_department_are_in_the_search_document(make_profile):
    profile = make_profile(
        department="46", territory_visibility="department", themes=[PUBLIC_THEME], consent_health=True
    )
    backend = get_search_backend(**elasticsearch_settings("elasticsearch9", "http://127.0.0.1:9"))
    document = json.dumps(backend.mapping_class(PartnerProfile).get_document(profile)).lower()
    assert "tartempion" in document
    assert "lot" in document


@pytest.mark.parametrize("status", ["paused", "archived", "refused"])
def test_a_profile_that_leaves_the_published_state_leaves_the_index_at_once(client, make_profile, status):
    profile = make_profile(display_name="Éphémère Q.")
    assert client.get("/annuaire/?q=ephemere").context["result_count"] == 1
    profile.set_status(status)
    assert scan(["ephemere"], only=lambda t: "index" in t.lower() or "fts" in t.lower()) == []
    assert client.get("/annuaire/?q=ephemere").context["result_count"] == 0
    assert client.get(f"/annuaire/profil/{profile.pk}/").status_code == 404
    assert list(PartnerProfile.get_indexed_objects()) == list(PartnerProfile.objects.published())


def test_pending_profiles_are_not_public(client, make_profile):
    profile = make_profile(status="pending", display_name="Attente P.")
    assert "Attente P." not in client.get("/annuaire/").content.decode()
    assert client.get(f"/annuaire/profil/{profile.pk}/").status_code == 404
    assert client.get(f"/annuaire/profil/{profile.pk}/contact/").status_code == 404


def test_profiles_are_noindex_unless_the_partner_opts_in(client, make_profile):
    shy = make_profile(allow_search_engines=False)
    open_ = make_profile(allow_search_engines=True)
    assert '<meta name="robots" content="noindex">' in html(client, f"/annuaire/profil/{shy.pk}/")
    assert "noindex" not in html(client, f"/annuaire/profil/{open_.pk}/")
    sitemap = html(client, "/sitemap.xml")
    assert f"/annuaire/profil/{open_.pk}/" in sitemap
    assert f"/annuaire/profil/{shy.pk}/" not in sitemap


@pytest.fixture
def populated_directory(make_profile, home_page, directory):
    """32 partners as varied as real ones (departments shown or hidden,
    health themes consented or not, several roles and languages, some open
    to search engines, some not published), the home page's pillar pointing
    at the directory and a legal page."""
    from home.factories import StandardPageFactory, set_pillars

    departments = ["31", "34", "30", "46", "48", "12"]
    roles = ["pair-aidant", "patient-formateur", "patient-chercheur", "representant-usagers", "proche-aidant"]
    for n in range(32):
        make_profile(
            department=departments[n % len(departments)],
            territory_visibility="region" if n % 5 == 4 else "department",
            consent_health=n % 4 != 3,
            themes=[f"Maladie fictive numéro {n % 7}"],
            roles=sorted({roles[n % 5], roles[(n * 3 + 1) % 5]}),
            languages=["fr", "en"] if n % 4 == 0 else ["fr"],
            allow_search_engines=n % 6 == 0,
            status=PartnerProfile.Status.PENDING if n in (7, 19) else PartnerProfile.Status.PUBLISHED,
        )
    set_pillars(home_page, [directory])
    StandardPageFactory(parent=home_page, title="Données personnelles")


def test_crawl_of_every_public_url_finds_no_email_or_phone(client, populated_directory):
    from wagtail.models import Page

    profiles = list(PartnerProfile.objects.all())
    emails = [p.email for p in profiles]
    phones = [p.phone for p in profiles if p.phone]
    assert len(emails) == len(phones) == 32
    seen, queue = set(), ["/", "/annuaire/", "/sitemap.xml", "/robots.txt"]
    queue += [p.url for p in Page.objects.live().specific() if p.url]
    link = re.compile(r'href="(/[^"#]*)"')
    while queue:
        url = queue.pop().replace("&amp;", "&")
        if url in seen or url.startswith(("/admin", "/static", "/documents", "/media")) or len(seen) > 600:
            continue
        seen.add(url)
        response = client.get(url)
        if (
            response.status_code != 200
            or "html" not in response.get("Content-Type", "")
            and "xml" not in response.get("Content-Type", "")
        ):
            continue
        body = response.content.decode()
        for address in emails + phones:
            assert address not in body, (url, address)
        assert "@example.org" not in body.replace("contact@partenariat-sante.example.org", ""), url
        if url.startswith("/annuaire/") or url == "/" or url.endswith(".xml"):
            queue += [u for u in link.findall(body) if u not in seen]
            if "?" not in url:  # facet and pagination links, one level deep
                queue += [url.split("?")[0] + u for u in re.findall(r'href="(\?[^"#]+)"', body)]
        queue += [u.replace("http://localhost", "") for u in re.findall(r"<loc>(http://localhost[^<]*)</loc>", body)]
    profile_pages = {u for u in seen if re.fullmatch(r"/annuaire/profil/\d+/", u)}
    assert len(profile_pages) == PartnerProfile.objects.published().count() == 30
    assert any("role=" in u for u in seen)
