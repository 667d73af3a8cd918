"""The iCalendar files parse back with a real library (icalendar), hold the
events they should, are RFC 5545 complete (VERSION, PRODID, UID, DTSTAMP,
VTIMEZONE), link with BASE_URL and never name an attendee."""

import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from agenda.factories import EventPageFactory, RegistrationFactory, in_days

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    cal.validate()
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    cal.add_missing_timezones()
    assert cal.get_missing_tzids() == set()
    events = cal.walk("VEVENT")
    for event in events:
        assert event.get("UID") and event.get("DTSTAMP"), event
    return cal, events


@pytest.mark.django_db
def test_the_agenda_feed_holds_every_live_event_past_and_upcoming(client, agenda):
    upcoming = EventPageFactory(parent=agenda, title="Webinaire à venir", kind="webinaire")
    past = EventPageFactory(
        parent=agenda,
        title="Journée passée",
        kind="journee-regionale",
        venue="Salle fictive, Toulouse",
        online_url="",
        start=in_days(-30, hour=9),
        end=in_days(-30, hour=17),
    )
    EventPageFactory(parent=agenda, title="Brouillon", live=False)
    RegistrationFactory(event=upcoming, name="Dominique Secret", email="dominique.secret@example.org")
    response = client.get(agenda.url + "calendrier/")
    assert 'filename="agenda.ics"' in response["Content-Disposition"]
    cal, events = parse(response)
    by_summary = {str(e["SUMMARY"]): e for e in events}
    assert set(by_summary) == {"Webinaire à venir", "Journée passée"}
    day = by_summary["Journée passée"]
    assert day.start == past.start and day.end == past.end
    assert day.start.tzinfo is not None and str(day["DTSTART"].params["TZID"]) == "Europe/Paris"
    assert day.start.astimezone(PARIS).hour == 9
    assert str(day["LOCATION"]) == "Salle fictive, Toulouse"
    assert str(day["URL"]) == "http://testserver/agenda/journee-passee/"
    assert str(day["UID"]) == f"evenement-{past.pk}@testserver"
    webinar = by_summary["Webinaire à venir"]
    assert "https://visio.example.org/salle-fictive" in str(webinar["DESCRIPTION"])
    text = response.content.decode()
    assert "ATTENDEE" not in text and "secret" not in text.lower()
    assert [tz.tz_name for tz in cal.timezones] == ["Europe/Paris"]


@pytest.mark.django_db
def test_one_event_has_its_own_ics_file(client, agenda):
    event = EventPageFactory(parent=agenda, title="Communauté de pratique", kind="communaute-pratique")
    other = EventPageFactory(parent=agenda)
    response = client.get(event.url + "calendrier/")
    assert f'filename="{event.slug}.ics"' in response["Content-Disposition"]
    _cal, events = parse(response)
    assert [str(e["SUMMARY"]) for e in events] == ["Communauté de pratique"]
    assert events[0].end - events[0].start == datetime.timedelta(hours=2)
    assert str(events[0]["UID"]) != f"evenement-{other.pk}@testserver"
    # The same UID in the agenda's feed: calendars merge rather than duplicate.
    _cal, all_events = parse(client.get(agenda.url + "calendrier/"))
    assert str(events[0]["UID"]) in {str(e["UID"]) for e in all_events}
