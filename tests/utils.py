"""Helpers shared by the test modules."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url, **kwargs):
    """GET `url` and return (response, number of SQL queries)."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **kwargs)
    return response, len(ctx.captured_queries)
