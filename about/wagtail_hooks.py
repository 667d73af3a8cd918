"""The co-piloting pair and the members, as snippets (menu "Fragments")."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from about.models import Contributor, CoPilot


class CoPilotViewSet(SnippetViewSet):
    model = CoPilot
    icon = "group"
    menu_label = _("Co-pilotes")
    list_display = ["name", "side", "is_placeholder"]


class ContributorViewSet(SnippetViewSet):
    model = Contributor
    icon = "group"
    menu_label = _("Membres et contributeurs")
    list_display = ["name", "college", "is_placeholder"]
    list_filter = ["college"]


register_snippet(CoPilotViewSet)
register_snippet(ContributorViewSet)
