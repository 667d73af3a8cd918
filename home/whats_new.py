"""What is new and open, for the top of the home page: the next events of
the agenda, the calls for projects open now, the newest open calls for
participation. A fixed number of queries whatever the amount of data."""

from django.utils import timezone

from accompaniment.models import CallForProjectsPage
from agenda.models import EventIndexPage, EventPage
from core.links import subpage_path
from participation.models import Call, ParticipationPage

LIMIT = 3


def whats_new(today=None):
    now = timezone.now()
    today = today or timezone.localdate()
    events = list(EventPage.objects.live().public().filter(end__gte=now).order_by("start")[:LIMIT])
    calls_for_projects = list(
        CallForProjectsPage.objects.live()
        .public()
        .filter(opens_on__lte=today, closes_on__gte=today)
        .order_by("closes_on")[:LIMIT]
    )
    participation_page = ParticipationPage.objects.live().public().first()
    participation_calls = []
    if participation_page is not None:
        for call in Call.objects.open(today).order_by("deadline")[:LIMIT]:
            call.url = subpage_path(participation_page, "call_route", call.pk)
            participation_calls.append(call)
    return {
        "events": events,
        "agenda": EventIndexPage.objects.live().public().first() if events else None,
        "calls_for_projects": calls_for_projects,
        "participation_calls": participation_calls,
        "participation_page": participation_page,
    }
