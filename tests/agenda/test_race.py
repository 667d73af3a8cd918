"""Two people ask for the last seat at the same moment: the event's row is
locked (select_for_update), so one gets it and the other is told the event is
full. Only PostgreSQL has row locks worth testing (SQLite serialises every
writer anyway)."""

import threading
import time
from unittest import mock

import pytest
from django.db import connection

from agenda import registration
from agenda.factories import EventPageFactory
from agenda.models import Registration
from agenda.models.pages import RegistrationState

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


def test_two_concurrent_registrations_for_the_last_seat_give_one_seat(agenda):
    event = EventPageFactory(parent=agenda, capacity=1, waiting_list_size=0)
    counted = registration.seat_counts

    def slow_count(event_id):
        # Count, then wait: without the lock, both requests would count 0 taken seats.
        result = counted(event_id)
        time.sleep(0.5)
        return result

    barrier = threading.Barrier(2)
    outcomes, errors = [], []

    def attempt(n):
        try:
            barrier.wait()
            created, state = registration.register(event, {"name": f"Personne {n}", "email": f"p{n}@example.org"})
            outcomes.append((created is not None, state))
        except Exception as error:  # reported below, never hidden
            errors.append(error)
        finally:
            connection.close()

    with mock.patch.object(registration, "seat_counts", slow_count):
        threads = [threading.Thread(target=attempt, args=(n,)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert not errors, errors
    assert sorted(outcomes) == [(False, RegistrationState.FULL), (True, RegistrationState.OPEN)]
    assert Registration.objects.filter(event=event, status="confirmee").count() == 1
