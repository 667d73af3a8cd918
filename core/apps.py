from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared layer every pillar builds on: site settings, the Domain
    taxonomy and vocabularies, French geography, the block library, the
    outbox, anti-abuse, facets and the demo orchestration."""

    name = "core"
    verbose_name = "Socle commun"
