"""Shared fixtures (a site whose root is the home page) and the suite's skip
policy.

Skip policy: a test runs, passes or fails. The only skips allowed are declared
here, by markers applied in one collection hook:
- `postgres_only` / `sqlite_only`: skipped on the other database backend;
- `browser`: skipped when Chromium is missing, unless REQUIRE_BROWSER is set
  (CI sets it), in which case the browser fixture fails.
Any other skip (pytest.skip, skipif, importorskip, at collection or at run
time) is reported as a failure: a test whose subject is missing must fail.
"""

import os

import pytest
from django.conf import settings
from wagtail.models import Page, Site

from home.factories import HomePageFactory
from tests.utils import CHROMIUM, chromium_found

BACKEND_MARKERS = {"postgres_only": "postgresql", "sqlite_only": "sqlite"}
DECLARED_SKIP = pytest.StashKey[str]()


def database_vendor():
    engine = settings.DATABASES["default"]["ENGINE"]
    return next((vendor for vendor in BACKEND_MARKERS.values() if vendor in engine), engine)


def declared_skip(item, vendor, browser_missing):
    """Why `item` may be skipped here, or None."""
    for marker, backend in BACKEND_MARKERS.items():
        if item.get_closest_marker(marker) and vendor != backend:
            return f"{marker}: runs on {backend} only (this run uses {vendor})"
    if item.get_closest_marker("browser") and browser_missing:
        return f"browser: Chromium not found at {CHROMIUM} (apt-get install chromium; CI sets REQUIRE_BROWSER=1)"
    return None


def pytest_collection_modifyitems(config, items):
    vendor = database_vendor()
    browser_missing = not chromium_found() and not os.environ.get("REQUIRE_BROWSER")
    for item in items:
        if "/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)
        reason = declared_skip(item, vendor, browser_missing)
        if reason:
            item.stash[DECLARED_SKIP] = reason
            item.add_marker(pytest.mark.skip(reason=reason))


def undeclared(report):
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    return (
        f"Undeclared skip ({reason}). Only postgres_only/sqlite_only tests on the other backend, and browser "
        "tests without Chromium when REQUIRE_BROWSER is unset, may skip: see tests/conftest.py."
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.skipped and not hasattr(report, "wasxfail") and DECLARED_SKIP not in item.stash:
        report.longrepr = undeclared(report)
        report.outcome = "failed"
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    report = yield
    if report.skipped:
        report.longrepr = undeclared(report)
        report.outcome = "failed"
    return report


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters (their own cache alias) start from zero in every test."""
    from django.core.cache import caches

    caches["ratelimit"].clear()
    yield
    caches["ratelimit"].clear()


@pytest.fixture(autouse=True)
def _wagtail_tree_root(request):
    """A transactional test (the browser tests) flushes every table, the page
    tree's root made by Wagtail's migration included; a later test on the same
    worker that needs the admin (its explorer reverses the root's id) would
    fail. Every database test starts with the root there."""
    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    if marker is None and not names & {"db", "transactional_db", "live_server"}:
        return
    transactional = bool(names & {"transactional_db", "live_server"}) or bool(
        marker and marker.kwargs.get("transaction")
    )
    request.getfixturevalue("transactional_db" if transactional else "db")
    from core.factories import tree_root

    tree_root()


@pytest.fixture
def home_page(db):
    """The home page, root of the default site."""
    return HomePageFactory()


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def root_page(db):
    """The tree's root (depth 1), above every site's root page."""
    return Page.get_first_root_node()
