from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial.guide import guide as guide_view
from editorial.notifications import UNREVIEWED_ACTION
from editorial.panels import panels_for


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    # Wagtail's "Awaiting your review" panel costs several queries per item;
    # "À relire par moi" lists the same task states at a fixed cost.
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") != "workflow_objects_to_moderate"]
    panels.extend(panels_for(request.user))


@hooks.register("register_log_actions")
def register_editorial_log_actions(actions):
    actions.register_action(
        UNREVIEWED_ACTION,
        _("Publié sans relecture croisée"),
        _("Publié directement, sans passer par la relecture croisée"),
    )


@hooks.register("register_admin_urls")
def register_guide_url():
    return [path("guide/", guide_view, name="portal_editorial_guide")]


@hooks.register("register_help_menu_item")
def register_guide_menu_item():
    return MenuItem("Guide de l'équipe éditoriale", reverse("portal_editorial_guide"), icon_name="help", order=1)
