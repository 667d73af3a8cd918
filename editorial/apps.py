from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save, pre_save
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Circuit éditorial")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here because both modules import models, not loadable before ready().
        from wagtail.models import Revision

        from editorial import models, notifications, roles

        notifications.connect()
        # Autosave overwrites a revision in place: approvals of it are voided.
        pre_save.connect(
            models.remember_content_before_overwrite, sender=Revision, dispatch_uid="editorial_revision_pre"
        )
        post_save.connect(
            models.void_approvals_of_overwritten_revision, sender=Revision, dispatch_uid="editorial_revision_post"
        )
        # Roles after every migrate (and after a test flush): creates only
        # what is missing, so administrators' later edits stay.
        post_migrate.connect(roles.ensure_roles_after_migrate, sender=self, dispatch_uid="editorial_ensure_roles")
