from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Fiches outils")

    def ready(self):
        # Imported here because the signals module imports the models, not loadable before ready().
        from resources import signals

        signals.connect()
