from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Fiches outils"

    def ready(self):
        from resources import signals

        signals.connect()
