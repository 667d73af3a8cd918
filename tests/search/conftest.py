"""Fixtures of the search tests: the full demo (about 50 s to load), loaded
once for the whole tests/search package inside a transaction that is rolled
back after its last test; each test still runs in its own savepoint through
pytest-django's `db`. Tests of this package must therefore not assume an
empty database."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="package")
def search_demo(django_db_setup, django_db_blocker):
    """The demo content of every app, as `make run` loads it (package scope)."""
    from wagtail.models import Site

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo_content", stdout=open("/dev/null", "w"))
            cache.clear()
            yield Site.objects.get(is_default_site=True)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()


@pytest.fixture
def demo(search_demo, db):
    cache.clear()
    return search_demo
