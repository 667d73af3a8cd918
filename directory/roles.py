"""The directory moderators' group."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

MODERATION_GROUP_NAME = "Modération de l'annuaire"

PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("directory", "partnerprofile", "view_partnerprofile"),
    ("directory", "partnerprofile", "change_partnerprofile"),
    ("directory", "partnerprofile", "delete_partnerprofile"),
    ("directory", "partnerprofile", "view_private_data"),
    ("directory", "contactrequest", "view_contactrequest"),
    ("directory", "contactrequest", "change_contactrequest"),
    # The same group moderates the calls for participation.
    ("participation", "call", "view_call"),
    ("participation", "call", "change_call"),
    ("participation", "call", "delete_call"),
    ("participation", "answer", "view_answer"),
    ("participation", "subscription", "view_subscription"),
    ("participation", "subscription", "delete_subscription"),
]


def ensure_moderation_group():
    """Create the group and grant its permissions (idempotent)."""
    group, _ = Group.objects.get_or_create(name=MODERATION_GROUP_NAME)
    wanted = []
    for app_label, model, codename in PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission = Permission.objects.filter(content_type=content_type, codename=codename).first()
        if permission is None:
            permission = Permission.objects.create(content_type=content_type, codename=codename, name=codename)
        wanted.append(permission)
    missing = set(wanted) - set(group.permissions.all())
    if missing:
        group.permissions.add(*missing)
    return group


def can_see_private(user):
    return user.is_active and (user.is_superuser or user.has_perm("directory.view_private_data"))
