from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared layer every pillar builds on: site settings, the Domain
    taxonomy and vocabularies, French geography, the block library, the
    outbox, anti-abuse, facets and the demo orchestration."""

    name = "core"
    verbose_name = _("Socle commun")

    def ready(self):
        from . import checks  # noqa: F401 (registers the system checks)
        from .pagecache import connect_signals

        connect_signals()
