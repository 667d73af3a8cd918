"""The page cache (core/pagecache.py): what is served from it, what never is,
and what empties it. Run on Django's database cache (the default) and on
Redis (127.0.0.1:6379, a key prefix of its own, emptied afterwards)."""

import uuid

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import PageViewRestriction

from core.factories import PortalSettingsFactory
from core.models import Domain
from core.pagecache import HEADER, PageCacheMiddleware, page_cache
from directory.factories import DirectoryPageFactory, PartnerProfileFactory
from home.factories import StandardPageFactory
from tests.utils import plain

REDIS_URL = "redis://127.0.0.1:6379/0"


def _caches(backend):
    ratelimit = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ratelimit"}
    if backend == "db":
        default = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "test_page_cache"}
    else:
        default = {
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-pagecache-{uuid.uuid4().hex[:12]}",
        }
    return {"default": default, "ratelimit": ratelimit}


def _page_cache_on(backend, site):
    """The page cache on, over the database cache or Redis, for a site whose
    settings row exists (the first page rendered would create it, and that
    save empties the cache once)."""
    PortalSettingsFactory(site=site)
    with override_settings(CACHES=_caches(backend), PORTAL_PAGE_CACHE_SECONDS=600):
        if backend == "db":
            call_command("createcachetable", verbosity=0)
        yield backend
        page_cache().clear()


@pytest.fixture
def cached(site):
    """The page cache on, over the database cache (the default backend)."""
    yield from _page_cache_on("db", site)


@pytest.fixture(params=["db", "redis"])
def cached_both(request, site):
    """The page cache on, over the database cache, then over Redis."""
    yield from _page_cache_on(request.param, site)


def state(response):
    return response.get(HEADER)


def get_twice(client, url, **kwargs):
    return client.get(url, **kwargs), client.get(url, **kwargs)


# --- Served from the cache -------------------------------------------------------


def test_an_anonymous_page_is_served_from_the_cache(cached_both, client, home_page):
    first, second = get_twice(client, "/")
    assert first.status_code == second.status_code == 200
    assert (state(first), state(second)) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_the_key_holds_host_path_and_query(cached, client, home_page):
    client.get("/")
    assert state(client.get("/?a=1")) == "miss"
    assert state(client.get("/?a=1")) == "hit"
    assert state(client.get("/", HTTP_HOST="127.0.0.1")) == "miss"


def test_a_hit_runs_no_sql_query(cached_both, client, home_page, django_assert_num_queries):
    client.get("/")
    if cached_both == "db":  # the database cache itself: one SELECT for the generation and the page
        with django_assert_num_queries(1):
            assert state(client.get("/")) == "hit"
    else:
        with django_assert_num_queries(0):
            assert state(client.get("/")) == "hit"


# --- Never served, never stored --------------------------------------------------


def test_logged_in_requests_bypass_the_cache(cached_both, client, home_page, django_user_model):
    client.get("/")
    user = django_user_model.objects.create_user("editrice", password="x")  # noqa: S106
    client.force_login(user)
    response = client.get("/")
    assert state(response) is None
    # and what a logged-in visitor saw is not stored for others
    client.logout()
    client.cookies.clear()
    assert state(client.get("/")) in ("hit", "miss")


def test_a_page_rendering_a_csrf_token_is_not_stored(cached, client, directory_page):
    profile = PartnerProfileFactory()
    url = f"/annuaire/profil/{profile.pk}/contact/"
    first, second = get_twice(client, url)
    assert first.status_code == 200 and b"csrfmiddlewaretoken" in first.content
    assert state(first) is None and state(second) is None


def test_a_page_rendering_a_csrf_token_is_not_stored_even_with_the_cookie(cached, rf, home_page):
    """A visitor who already holds the CSRF cookie: the token rendered in
    the page is what keeps it out of the cache."""
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    def form(request):
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    middleware = PageCacheMiddleware(form)
    for _ in range(2):
        request = rf.get("/formulaire/")
        request.META["CSRF_COOKIE"] = "a" * 32
        assert state(middleware(request)) is None


def test_a_form_with_errors_is_never_stored(cached, client, directory_page):
    profile = PartnerProfileFactory()
    url = f"/annuaire/profil/{profile.pk}/contact/"
    client.get(url)
    response = client.post(url, {"requester_name": ""})
    assert response.status_code in (200, 400) and state(response) is None
    assert state(client.get(url)) is None


def test_set_cookie_vary_and_private_responses_are_not_stored(cached, rf, home_page):
    from django.http import HttpResponse

    def with_cookie(request):
        response = HttpResponse("x")
        response.set_cookie("choix", "1")
        return response

    def varying(request):
        response = HttpResponse("x")
        response["Vary"] = "Accept-Language"
        return response

    def private(request):
        response = HttpResponse("x")
        response["Cache-Control"] = "private"
        return response

    for view in (with_cookie, varying, private):
        middleware = PageCacheMiddleware(view)
        middleware(rf.get("/x/"))
        assert state(middleware(rf.get("/x/"))) is None, view.__name__


def test_non_200_answers_are_not_stored(cached, client, home_page):
    assert client.get("/pas-de-page/").status_code == 404
    assert state(client.get("/pas-de-page/")) is None


def test_admin_and_token_routes_are_never_cached(cached, client, directory_page):
    for url in ("/admin/login/", "/annuaire/gerer/", "/annuaire/reponse/accepter/pas-un-jeton/"):
        client.get(url)
        assert state(client.get(url)) is None, url


def test_a_password_protected_page_is_never_stored(cached, client, home_page):
    page = StandardPageFactory(title="Page réservée", parent=home_page)
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="secret")  # noqa: S106
    first, second = get_twice(client, page.url)
    assert state(first) is None and state(second) is None
    assert b"Page r\xc3\xa9serv\xc3\xa9e" not in second.content or b"password" in second.content


def test_a_login_restricted_page_is_never_stored(cached, client, home_page):
    page = StandardPageFactory(title="Page des membres", parent=home_page)
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    first, second = get_twice(client, page.url)
    assert first.status_code == 302 and state(second) is None


def test_a_preview_is_never_stored(cached, rf, home_page):
    from django.http import HttpResponse

    def preview(request):
        request.is_preview = True
        return HttpResponse("brouillon")

    middleware = PageCacheMiddleware(preview)
    middleware(rf.get("/apercu/"))
    assert state(middleware(rf.get("/apercu/"))) is None


def test_off_when_seconds_is_zero(db, settings):
    from django.core.exceptions import MiddlewareNotUsed

    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    with pytest.raises(MiddlewareNotUsed):
        PageCacheMiddleware(lambda request: None)


# --- Invalidation ----------------------------------------------------------------


@pytest.fixture
def directory_page(site, home_page):
    from core.factories import domains

    domains()
    return DirectoryPageFactory(parent=home_page)


def warm(client, url):
    client.get(url)
    assert state(client.get(url)) == "hit"


def test_publishing_a_page_refreshes_its_parent_and_the_home(cached_both, client, home_page):
    page = StandardPageFactory(title="Ancien titre", parent=home_page)
    warm(client, "/")
    warm(client, page.url)
    page.title = "Nouveau titre"
    page.save_revision().publish()
    response = client.get(page.url)
    assert state(response) == "miss" and "Nouveau titre" in plain(response.content)
    assert state(client.get("/")) == "miss"


def test_the_home_latest_publications_follow_a_new_page(cached, client, home_page):
    from projects.factories import ProjectIndexPageFactory, ProjectPageFactory

    index = ProjectIndexPageFactory(parent=home_page)
    warm(client, "/")
    ProjectPageFactory(parent=index, title="Projet tout neuf (fictif)")
    assert "Projet tout neuf (fictif)" in plain(client.get("/").content)


def test_unpublishing_a_page_removes_it(cached, client, home_page):
    page = StandardPageFactory(title="Bientôt retirée", parent=home_page)
    warm(client, page.url)
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_moving_a_page_changes_its_url(cached, client, home_page):
    parent = StandardPageFactory(title="Rubrique", parent=home_page)
    page = StandardPageFactory(title="Mobile", parent=home_page)
    old_url = page.url
    warm(client, old_url)
    page.move(parent, pos="last-child")
    response = client.get(old_url)  # Wagtail's automatic redirect, no longer the cached page
    assert response.status_code == 301 and response["Location"] == "/rubrique/mobile/"


def test_deleting_a_page_removes_it(cached, client, home_page):
    page = StandardPageFactory(title="Supprimée", parent=home_page)
    url = page.url
    warm(client, url)
    page.delete()
    assert client.get(url).status_code == 404


def test_a_snippet_save_refreshes_the_pages_showing_it(cached, client, directory_page):
    PartnerProfileFactory()
    warm(client, "/annuaire/")
    domain = Domain.objects.get(slug="soins")
    domain.name = "Soins renommés"
    domain.save()
    response = client.get("/annuaire/")
    assert state(response) == "miss" and "Soins renommés" in plain(response.content)


def test_a_settings_save_refreshes_every_page(cached, client, site, home_page):
    settings_row = PortalSettingsFactory(site=site)
    warm(client, "/")
    settings_row.footer_text = "Un pied de page tout neuf."
    settings_row.save()
    response = client.get("/")
    assert state(response) == "miss" and "Un pied de page tout neuf." in plain(response.content)


def test_a_published_profile_changes_the_directory_and_its_counts(cached_both, client, directory_page):
    PartnerProfileFactory(display_name="Aline Premier")
    before = plain(client.get("/annuaire/").content)
    warm(client, "/annuaire/")
    profile = PartnerProfileFactory(display_name="Bastien Second", status="pending", published_at=None)
    assert state(client.get("/annuaire/")) == "miss"  # a pending profile empties it too (any model save)
    warm(client, "/annuaire/")
    profile.publish()
    after = client.get("/annuaire/")
    assert state(after) == "miss"
    text = plain(after.content)
    assert "Bastien Second" in text and "Bastien Second" not in before
    # the facet counts: "Soins (1 résultat(s))" became "(2 …)"
    count_of_two = 'facet__count">(2<'
    assert before.count(count_of_two) == 0 and text.count(count_of_two) > 0


def test_ignored_models_do_not_empty_the_cache(cached, client, home_page):
    from core.models.outbox import queue_email

    warm(client, "/")
    queue_email(to="a@example.org", subject="s", body="b", purpose="test", send_now=False)
    assert state(client.get("/")) == "hit"


def test_saves_during_migrate_wait_for_its_end(cached, client, home_page):
    """Data migrations may run before `createcachetable`: no bump while
    migrate runs, one when it ends."""
    from core import pagecache

    warm(client, "/")
    pagecache._migrate_starts()
    try:
        Domain.objects.create(slug="pendant-migrate", name="Pendant migrate")
        assert state(client.get("/")) == "hit"
    finally:
        pagecache._migrate_ends()
    assert state(client.get("/")) == "miss"
