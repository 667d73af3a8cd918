"""The home's « À venir et ouvert en ce moment »: next events, open calls for
projects and for participation; nothing past or closed; constant queries."""

import datetime

import pytest
from django.utils import timezone

from accompaniment.factories import CallForProjectsPageFactory
from agenda.factories import EventPageFactory
from home.factories import HomePageFactory
from participation.factories import CallFactory, ParticipationPageFactory
from tests.utils import count_queries, plain

pytestmark = pytest.mark.django_db


def make(n, start=0):
    today = timezone.localdate()
    for i in range(start, start + n):
        EventPageFactory(title=f"Rendez-vous {i}", slug=f"rdv-{i}")
        CallForProjectsPageFactory(title=f"Appel ouvert {i}", slug=f"appel-{i}")
        CallFactory(title=f"Cherche patient {i}", deadline=today + datetime.timedelta(days=5 + i))


def test_the_home_shows_what_is_coming_and_open(client):
    HomePageFactory()
    ParticipationPageFactory()
    make(1)
    EventPageFactory(
        title="Rendez-vous passé",
        slug="passe",
        start=timezone.now() - datetime.timedelta(days=3),
        end=timezone.now() - datetime.timedelta(days=3) + datetime.timedelta(hours=2),
    )
    today = timezone.localdate()
    CallForProjectsPageFactory(
        title="Appel clos",
        slug="clos",
        opens_on=today - datetime.timedelta(days=60),
        closes_on=today - datetime.timedelta(days=1),
        decision_on=today + datetime.timedelta(days=10),
    )
    CallFactory(title="Cherche expiré", deadline=today - datetime.timedelta(days=1))
    page = plain(client.get("/").content)
    html = page.split('<section class="whats-new"')[1].split("</div>\n</section>")[0]
    assert "À venir et ouvert en ce moment" in html
    for shown in ("Rendez-vous 0", "Appel ouvert 0", "Cherche patient 0"):
        assert shown in html
    for hidden in ("Rendez-vous passé", "Appel clos", "Cherche expiré"):
        assert hidden not in html
    # Above the key figures and the latest publications.
    assert page.index("À venir et ouvert") < page.index("Dernières publications")


def test_nothing_coming_nothing_shown(client):
    HomePageFactory()
    assert "À venir et ouvert" not in plain(client.get("/").content)


def test_queries_do_not_grow_with_events_and_calls(client):
    HomePageFactory()
    ParticipationPageFactory()
    make(2)
    client.get("/")
    _, small = count_queries(client, "/")
    make(6, start=2)
    response, large = count_queries(client, "/")
    assert response.status_code == 200
    assert small == large, (small, large)
