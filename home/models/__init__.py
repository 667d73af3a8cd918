from .outbox import OutgoingEmail
from .pages import ContactFormField, ContactPage, HomePage, StandardPage
from .settings import PortalSettings
from .taxonomy import Domain

__all__ = [
    "ContactFormField",
    "ContactPage",
    "Domain",
    "HomePage",
    "OutgoingEmail",
    "PortalSettings",
    "StandardPage",
]
