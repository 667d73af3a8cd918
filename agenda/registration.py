"""Registering, cancelling and promoting from the waiting list.

Every change of the seats happens in a transaction that first locks the
event's row (`select_for_update`): two people asking for the last seat at the
same moment are served one after the other, and the second one counts the
first one's seat (tests/agenda/test_race.py, on PostgreSQL). Every email is
stored in the outbox before it is sent (core.models.outbox.queue_email)."""

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from agenda.models import EventPage, Registration, RegistrationStatus
from agenda.models.pages import RegistrationState
from core.emails import render_email
from core.links import subpage_url
from core.models.outbox import queue_email

from . import tokens


def seat_counts(event_id):
    """(confirmed, waiting) registrations of an event, in one query."""
    counts = Registration.objects.filter(event_id=event_id).aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
    )
    return counts["confirmed"], counts["waiting"]


def state_of(event, now=None):
    return event.registration_state(*seat_counts(event.pk), now=now)


def _notify(registration, event, template, purpose):
    context = {
        "registration": registration,
        "event": event,
        "event_url": subpage_url(event, "index_route"),
        "cancel_url": subpage_url(event, "cancel_route", tokens.make_token(registration)),
        "ics_url": subpage_url(event, "ics_route"),
    }
    subject, body = render_email(f"agenda/emails/{template}", context)
    email = queue_email(to=registration.email, subject=subject, body=body, purpose=purpose)
    registration.email_ids = [*registration.email_ids, email.pk]
    registration.save(update_fields=["email_ids", "updated_at"])


def register(event, data, is_spam=False, spam_reason="", now=None):
    """Store a registration (confirmed, or waiting when the seats are taken)
    and queue its email. Returns (registration or None, state): None with
    the state that refused it (full, closed, past). Spam is stored, flagged,
    takes no seat and gets no email."""
    with transaction.atomic():
        locked = EventPage.objects.select_for_update().only("pk").get(pk=event.pk)
        if is_spam:
            registration = Registration.objects.create(
                event=locked,
                name=data["name"],
                email=data["email"],
                structure=data.get("structure", ""),
                status=RegistrationStatus.CANCELLED,
                is_spam=True,
                spam_reason=spam_reason,
            )
            return registration, RegistrationState.OPEN
        state = event.registration_state(*seat_counts(event.pk), now=now)
        if state == RegistrationState.OPEN:
            status = RegistrationStatus.CONFIRMED
        elif state == RegistrationState.WAITING:
            status = RegistrationStatus.WAITING
        else:
            return None, state
        registration = Registration.objects.create(
            event=locked,
            name=data["name"],
            email=data["email"],
            structure=data.get("structure", ""),
            status=status,
        )
        template = "registration_confirmed" if status == RegistrationStatus.CONFIRMED else "registration_waiting"
        _notify(registration, event, template, f"agenda-{template.replace('_', '-')}")
    return registration, state


def find(event, token):
    key = tokens.read_token(token)
    if key is None:
        return None
    return Registration.objects.filter(event=event, key=key, is_spam=False).first()


def cancel(event, registration):
    """Cancel a registration; a confirmed seat goes to the first person
    waiting, who is told by email. Returns the promoted registration or None."""
    promoted = None
    with transaction.atomic():
        EventPage.objects.select_for_update().only("pk").get(pk=event.pk)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            return None
        was_confirmed = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.save(update_fields=["status", "updated_at"])
        _notify(registration, event, "registration_cancelled", "agenda-registration-cancelled")
        confirmed, _waiting = seat_counts(event.pk)
        has_seat = event.capacity is None or confirmed < event.capacity
        if was_confirmed and has_seat and not event.is_past(timezone.now()):
            promoted = (
                Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
                .order_by("created_at", "pk")
                .first()
            )
            if promoted is not None:
                promoted.status = RegistrationStatus.CONFIRMED
                promoted.save(update_fields=["status", "updated_at"])
                _notify(promoted, event, "registration_promoted", "agenda-registration-promoted")
    return promoted
