from .mixins import IntroMixin, NoIndexMixin
from .outbox import OutgoingEmail, queue_email
from .settings import PortalSettings
from .taxonomy import Domain

__all__ = ["Domain", "IntroMixin", "NoIndexMixin", "OutgoingEmail", "PortalSettings", "queue_email"]
