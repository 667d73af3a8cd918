from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Circuit éditorial")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here because both modules import models, not loadable before ready().
        from editorial import notifications, roles

        notifications.connect()
        # Roles after every migrate (and after a test flush): creates only
        # what is missing, so administrators' later edits stay.
        post_migrate.connect(roles.ensure_roles_after_migrate, sender=self, dispatch_uid="editorial_ensure_roles")
