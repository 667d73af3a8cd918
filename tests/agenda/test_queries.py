"""SQL queries of the agenda do not grow with the number of events."""

import pytest

from agenda.factories import EventPageFactory, RegistrationFactory, in_days
from tests.utils import count_queries

KINDS = ["journee-regionale", "webinaire", "formation-action", "communaute-pratique"]
AUDIENCES = ["patients", "professionnels", "directions", "representants"]


def add_events(agenda, n, start=0):
    for i in range(start, start + n):
        days = (i % 7 + 1) * (1 if i % 2 else -1)
        event = EventPageFactory(
            parent=agenda,
            kind=KINDS[i % 4],
            start=in_days(days),
            end=in_days(days, hour=16),
            capacity=2,
            audiences=AUDIENCES[: 1 + i % 3],
            body=[("paragraph", "<p>Un texte.</p>")],
        )
        RegistrationFactory(event=event)


@pytest.mark.django_db
def test_query_counts_are_equal_at_4_and_14_events(client, agenda):
    add_events(agenda, 4)
    first = agenda.get_children().live().first().url
    urls = [
        agenda.url,
        agenda.url + "?type=webinaire&public=patients",
        agenda.url + "?page=2",
        agenda.url + "calendrier/",
    ]

    def measure():
        counts = {}
        for url in [*urls, first]:
            client.get(url)  # warm per-process caches
            response, n = count_queries(client, url)
            assert response.status_code == 200, url
            counts[url] = n
        return counts

    small = measure()
    add_events(agenda, 10, start=4)
    large = measure()
    assert small == large
    assert max(small.values()) <= 25, small
