"""Admin-side views of the directory that Wagtail's own URLs would otherwise serve."""

from django.http import JsonResponse
from django.utils.translation import gettext
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import tags

from directory.roles import can_see_private

# The lived-experience themes are health data, like the profiles that carry them.
PRIVATE_TAG_MODELS = {("directory", "experiencetheme")}


@require_admin_access
def tag_autocomplete(request, app_name, model_name):
    """Wagtail's tag autocomplete for one tag model, routed before Wagtail's
    admin URLs: a private tag model (the experience themes) lists its names
    only to people who may see partners' private data."""
    if (app_name.lower(), model_name.lower()) in PRIVATE_TAG_MODELS and not can_see_private(request.user):
        return JsonResponse(
            {"error": gettext("Vous n'avez pas accès aux thèmes d'expérience des partenaires.")}, status=403
        )
    return tags.autocomplete(request, app_name=app_name, model_name=model_name)
