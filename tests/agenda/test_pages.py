"""The agenda and its events: creatable where they belong, upcoming first
then past, filters by kind and audience, dates shown in Paris time."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from agenda.factories import EventPageFactory, RegistrationFactory, in_days
from agenda.models import EventIndexPage, EventPage
from home.models import HomePage
from tests.utils import plain


class TestTree(WagtailPageTestCase):
    def test_where_pages_go(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedSubpageTypes(EventPage, set())


@pytest.mark.django_db
def test_upcoming_events_come_first_soonest_first_then_past_ones_latest_first(client, agenda):
    EventPageFactory(parent=agenda, title="Passé lointain", start=in_days(-60), end=in_days(-60, 16))
    EventPageFactory(parent=agenda, title="Passé récent", start=in_days(-2), end=in_days(-2, 16))
    EventPageFactory(parent=agenda, title="Bientôt", start=in_days(3), end=in_days(3, 16))
    EventPageFactory(parent=agenda, title="Plus tard", start=in_days(40), end=in_days(40, 16))
    response = client.get(agenda.url)
    assert [e.title for e in response.context["upcoming"]] == ["Bientôt", "Plus tard"]
    assert [e.title for e in response.context["past"]] == ["Passé récent", "Passé lointain"]
    content = plain(response.content)
    assert content.index("Bientôt") < content.index("Plus tard") < content.index("Passé récent")


@pytest.mark.django_db
def test_an_event_running_now_is_still_upcoming(client, agenda):
    now = timezone.now()
    EventPageFactory(parent=agenda, title="En cours", start=now - datetime.timedelta(hours=1))
    assert [e.title for e in client.get(agenda.url).context["upcoming"]] == ["En cours"]


@pytest.mark.django_db
def test_filters_by_kind_and_audience_with_counts(client, agenda):
    EventPageFactory(parent=agenda, title="Webinaire patients", kind="webinaire", audiences=["patients"])
    EventPageFactory(parent=agenda, title="Webinaire pros", kind="webinaire", audiences=["professionnels"])
    EventPageFactory(parent=agenda, title="Formation", kind="formation-action", audiences=["patients"])
    response = client.get(agenda.url + "?type=webinaire&public=patients")
    assert [e.title for e in response.context["upcoming"]] == ["Webinaire patients"]
    groups = {g.facet.param: {o.value: o.count for o in g.options} for g in response.context["facets"].groups}
    assert groups["type"]["formation-action"] == 1 and groups["public"]["professionnels"] == 1
    response = client.get(agenda.url + "?type=inconnu")
    assert response.status_code == 200 and len(response.context["upcoming"]) == 3
    assert "ignorés" in plain(response.content)


@pytest.mark.django_db
def test_dates_are_stored_aware_and_shown_in_paris_time(client, agenda):
    start = datetime.datetime(2031, 7, 1, 7, 30, tzinfo=datetime.UTC)  # 9 h 30 in Paris (summer)
    event = EventPageFactory(parent=agenda, start=start, end=start + datetime.timedelta(hours=2))
    event.refresh_from_db()
    assert timezone.is_aware(event.start) and event.start == start
    content = plain(client.get(event.url).content)
    assert "1 juillet 2031, 9 h 30" in content and "11 h 30" in content
    assert 'datetime="2031-07-01T09:30+0200"' in content


@pytest.mark.django_db
def test_a_full_event_is_marked_on_the_agenda(client, agenda):
    event = EventPageFactory(parent=agenda, capacity=1, title="Formation complète")
    RegistrationFactory(event=event)
    assert "Complet" in plain(client.get(agenda.url).content)


@pytest.mark.django_db
def test_an_event_needs_a_place_or_a_link_and_an_end_after_its_start(agenda):
    event = EventPage(title="X", slug="x", kind="webinaire", summary="x", start=in_days(1), end=in_days(1, 10))
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end" in error.value.message_dict and "venue" in error.value.message_dict


@pytest.mark.django_db
def test_the_agenda_is_in_the_main_navigation(client, agenda):
    assert 'href="/agenda/"' in client.get("/").content.decode()
