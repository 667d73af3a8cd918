"""Admin: the barometer's dimensions and criteria, as ordered snippets.

Sessions and answers are deliberately absent from the admin: they belong to
the people who hold their secret links."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.permissions import register_administrators_edit_policy

from .models import BarometerDimension

# Public taxonomies: only administrators edit them (core/permissions.py).
register_administrators_edit_policy(BarometerDimension)


class BarometerDimensionViewSet(SnippetViewSet):
    model = BarometerDimension
    icon = "list-ol"
    menu_label = _("Dimensions et critères")
    list_display = ["name", "short_name"]
    sort_order_field = "sort_order"
    ordering = ["sort_order"]


class BarometerViewSetGroup(SnippetViewSetGroup):
    items = (BarometerDimensionViewSet,)
    menu_icon = "tasks"
    menu_label = _("Baromètre")
    menu_name = "barometre"


register_snippet(BarometerViewSetGroup)
