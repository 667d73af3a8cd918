from django.apps import AppConfig


class AccompanimentConfig(AppConfig):
    name = "accompaniment"
    verbose_name = "Appels à projets"
    default_auto_field = "django.db.models.BigAutoField"
