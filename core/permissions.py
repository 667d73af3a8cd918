"""Taxonomies whose text is public (domains, tool-sheet categories,
competencies, barometer dimensions and criteria) have no draft state: a
change is live at once, outside the cross review. Only administrators
(the "Administrateurs" group, and superusers) may add, change or delete
them; everyone else keeps only the view permission they were given, whatever
other permission a group holds."""

from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

# The name of the administrators' group (editorial.roles.ADMINS).
ADMINISTRATORS_GROUP = "Administrateurs"
READ_ACTIONS = frozenset({"view"})


def is_administrator(user):
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.groups.filter(name=ADMINISTRATORS_GROUP).exists())
    )


class AdministratorsEditPolicy(ModelPermissionPolicy):
    """ModelPermissionPolicy where every action but "view" also requires
    being an administrator."""

    def user_has_permission(self, user, action):
        if action not in READ_ACTIONS and not is_administrator(user):
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = set(actions)
        users = self.auth_model._default_manager.none()
        if actions - READ_ACTIONS:
            users = (
                super()
                .users_with_any_permission(actions - READ_ACTIONS)
                .filter(Q(is_superuser=True) | Q(groups__name=ADMINISTRATORS_GROUP))
            )
        if actions & READ_ACTIONS:
            users = users | super().users_with_any_permission(actions & READ_ACTIONS)
        return users.distinct()


def register_administrators_edit_policy(*models):
    """Called by the apps' wagtail_hooks before their snippets are registered."""
    for model in models:
        register_permission_policy(model, AdministratorsEditPolicy(model), exact_class=True)


# Contact-form submissions (name, email, message) are read by the people who
# handle contact: administrators and the "Contact" group (editorial.roles.CONTACT).
CONTACT_GROUP = "Contact"


def handles_contact(user):
    """May read and export the contact form's submissions."""
    return is_administrator(user) or bool(
        user.is_authenticated and user.is_active and user.groups.filter(name=CONTACT_GROUP).exists()
    )
