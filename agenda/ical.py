"""iCalendar (RFC 5545) for the agenda and for each event, with the
`icalendar` package. Public facts only: never an attendee, never a
registration. Every URL starts with BASE_URL (core.links)."""

import zoneinfo
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from core.links import absolute, page_path

PRODID = "-//Portail partenariat en santé//Agenda//FR"


def _host():
    return urlsplit(settings.BASE_URL).hostname or "localhost"


def uid_for(event):
    """Stable across titles and dates: the page's id and the site's host."""
    return f"evenement-{event.pk}@{_host()}"


def vevent(event, request=None, stamp=None):
    paris = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    path = page_path(event, request)
    url = absolute(path) if path else None
    description = event.summary
    if event.online_url:
        description = f"{description}\n{event.online_url}"
    if url:
        description = f"{description}\n{url}"
    item = Event.new(
        uid=uid_for(event),
        stamp=stamp or timezone.now(),
        start=event.start.astimezone(paris),
        end=event.end.astimezone(paris),
        summary=event.title,
        description=description,
        location=event.venue or event.online_url or None,
        url=url,
        categories=[event.get_kind_display()],
        last_modified=event.last_published_at,
    )
    return item


def calendar(events, name, key, request=None):
    """A VCALENDAR of `events`, its UID made of `key` (stable per feed)."""
    cal = Calendar.new(prodid=PRODID, name=name, uid=f"{key}@{_host()}")
    stamp = timezone.now()
    for event in events:
        cal.add_component(vevent(event, request, stamp=stamp))
    cal.add_missing_timezones()
    return cal


def response(cal, filename):
    answer = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    answer["Content-Disposition"] = f'attachment; filename="{filename}"'
    return answer
