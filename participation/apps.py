from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "participation"
    verbose_name = "Appels à participation"

    def ready(self):
        from . import privacy  # noqa: F401  (connects to the directory's erasure signal)
