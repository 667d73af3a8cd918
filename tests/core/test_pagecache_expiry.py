"""Pages that change by themselves (a call opens or closes at midnight, an
event starts or ends) never stay in the page cache past that moment."""

import datetime
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import timezone

from accompaniment.factories import CallForProjectsPageFactory
from agenda.factories import EventPageFactory
from core.pagecache import _timeout, limit_page_cache, next_local_midnight
from tests.core.test_pagecache import (
    cached,  # noqa: F401 (fixture)
    state,
)

pytestmark = pytest.mark.django_db


def test_the_earliest_limit_wins_and_caps_the_timeout():
    request = RequestFactory().get("/")
    assert _timeout(request, 600) == 600
    now = timezone.now()
    limit_page_cache(request, now + datetime.timedelta(seconds=120))
    limit_page_cache(request, now + datetime.timedelta(seconds=300))  # later: ignored
    assert 115 <= _timeout(request, 600) <= 120
    limit_page_cache(request, now - datetime.timedelta(seconds=1))  # passed: not stored at all
    assert _timeout(request, 600) <= 0


def test_next_local_midnight_is_in_paris():
    # 23:30 UTC on 29 November is 00:30 on the 30th in Paris: next midnight is the 1st, 00:00 Paris.
    now = datetime.datetime(2026, 11, 29, 23, 30, tzinfo=datetime.UTC)
    midnight = next_local_midnight(now)
    assert timezone.localtime(midnight).isoformat() == "2026-12-01T00:00:00+01:00"


def test_a_call_page_expires_at_midnight(cached, home_page, settings):  # noqa: F811
    call = CallForProjectsPageFactory()
    request = RequestFactory().get(call.url)
    request.user = AnonymousUser()
    call.serve(request)
    assert request._portal_page_cache_until == next_local_midnight()


def test_the_agenda_is_not_served_from_the_cache_after_an_event_ends(cached, client, home_page):  # noqa: F811
    now = timezone.now()
    event = EventPageFactory(start=now - datetime.timedelta(hours=1), end=now + datetime.timedelta(seconds=2))
    index = event.get_parent()
    assert state(client.get(index.url)) == "miss"
    assert state(client.get(index.url)) == "hit"
    time.sleep(3)
    assert state(client.get(index.url)) == "miss"  # the event has ended: the cached copy expired with it
