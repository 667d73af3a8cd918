from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Fiches outils"

    def ready(self):
        # Imported here because the signals module imports the models, not loadable before ready().
        from resources import signals

        signals.connect()
