"""Helpers shared by the test modules."""

import os
import shutil

from django.db import connection
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
