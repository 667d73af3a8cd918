"""Helpers shared by the test modules."""

import os
import shutil
from contextlib import contextmanager

from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

# Debian's Chromium (apt-get install chromium), never Playwright's download.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def chromium_found():
    return os.path.exists(CHROMIUM) or shutil.which("chromium") is not None


def count_queries(client, url, **kwargs):
    """GET `url` and return (response, number of SQL queries)."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **kwargs)
    return response, len(ctx.captured_queries)


def refused_by_the_admin(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to its
    dashboard (and an error message), never with the page asked for."""
    return response.status_code == 302 and response["Location"] == "/admin/"


@contextmanager
def rolled_back_afterwards(django_db_blocker):
    """For module-scoped fixtures: what is built inside stays for the tests
    of the module (each test still runs in its own savepoint through
    pytest-django's `db`), then everything is rolled back and the cache
    cleared. Tests using it must not assume an empty database."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            cache.clear()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()


# French typography (espaces fines insécables, typographic apostrophes) may be
# applied to rendered text: tests that check a message rather than its
# typography compare through plain().
_PLAIN = str.maketrans({"\u202f": " ", "\u00a0": " ", "\u2019": "'"})


def plain(text):
    """`text` (str or bytes, e.g. response.content) with no-break spaces as
    ordinary spaces and typographic apostrophes as straight ones."""
    if isinstance(text, bytes):
        text = text.decode()
    return text.translate(_PLAIN)
