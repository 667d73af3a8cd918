from agenda.models.pages import EventAudience, EventIndexPage, EventKind, EventPage
from agenda.models.registrations import Registration, RegistrationStatus

__all__ = [
    "EventAudience",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "Registration",
    "RegistrationStatus",
]
