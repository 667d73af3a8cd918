from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_roles(sender, **kwargs):
    from editorial.roles import ensure_roles

    ensure_roles()


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Circuit éditorial")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from editorial import notifications

        notifications.connect()
        # Roles after every migrate (and after a test flush): creates only
        # what is missing, so administrators' later edits stay.
        post_migrate.connect(_ensure_roles, sender=self, dispatch_uid="editorial_ensure_roles")
