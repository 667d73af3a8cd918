"""The agenda's and the news' demo content: loads twice without duplicating
or republishing anything, and shows each part (a past day with its slides,
an upcoming webinar, a full session with its waiting list, a community of
practice meeting; news items)."""

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Revision

from agenda import demo as agenda_demo
from agenda.models import EventPage, Registration
from news import demo as news_demo
from news.models import NewsPage
from tests.utils import plain

# The demo loads on PostgreSQL in tests/core/test_demo.py and tests/search/test_demo.py; this app's
# checks of it run in the SQLite pass only (CI time).
pytestmark = pytest.mark.sqlite_only


def counts():
    return (
        EventPage.objects.count(),
        Registration.objects.count(),
        NewsPage.objects.count(),
        Revision.objects.count(),
        get_document_model().objects.count(),
    )


@pytest.mark.django_db
def test_the_demo_shows_each_part_and_loads_twice_without_change(client, home_page):
    agenda_demo.load(None)
    news_demo.load(None)
    first = counts()
    agenda_demo.load(None)
    news_demo.load(None)
    assert counts() == first
    events = {event.kind: event for event in EventPage.objects.live()}
    assert set(events) == {"journee-regionale", "webinaire", "formation-action", "communaute-pratique"}
    day = events["journee-regionale"]
    assert day.is_past() and day.documents[0].value["document"].file.read(5) == b"%PDF-"
    assert not events["webinaire"].is_past()
    response = client.get("/agenda/")
    assert [e.kind for e in response.context["upcoming"]][0] == "webinaire"
    assert "Diaporama" in plain(client.get(day.url).content)
    session = client.get(events["formation-action"].url)
    assert session.context["state"] == "attente" and "liste d'attente" in plain(session.content)
    assert NewsPage.objects.live().count() >= 4
    home = plain(client.get("/").content)
    assert 'href="/agenda/"' in home and 'href="/actualites/"' in home
