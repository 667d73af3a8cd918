from .outbox import OutgoingEmail
from .pages import ContactFormField, ContactPage, HomePage, StandardPage
from .settings import PortalSettings

__all__ = [
    "ContactFormField",
    "ContactPage",
    "HomePage",
    "OutgoingEmail",
    "PortalSettings",
    "StandardPage",
]
