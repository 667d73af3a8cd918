"""Admin for the knowledge base: categories, lexicon terms, competencies."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.permissions import register_administrators_edit_policy
from resources.models import Competency, DocumentTemplate, GlossaryTerm, Reference, ToolSheetCategory

# Public taxonomies: only administrators edit them (core/permissions.py).
register_administrators_edit_policy(ToolSheetCategory, Competency)


class ToolSheetCategoryViewSet(SnippetViewSet):
    model = ToolSheetCategory
    icon = "tag"
    menu_label = _("Catégories de fiches")
    list_display = ["name", "slug", "description"]
    sort_order_field = "sort_order"
    search_fields = ["name"]


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("Lexique")
    list_display = ["term", "short_definition", "live"]
    list_filter = ["live", "inline_linking"]
    search_fields = ["term", "variants"]
    ordering = ["term"]


class CompetencyViewSet(SnippetViewSet):
    model = Competency
    icon = "tick-inverse"
    menu_label = _("Compétences partagées")
    list_display = ["name", "sort_order"]
    search_fields = ["name"]


class ReferenceViewSet(SnippetViewSet):
    model = Reference
    icon = "link"
    menu_label = _("Références bibliographiques")
    list_display = ["authors", "title", "year", "theme"]
    search_fields = ["authors", "title", "publisher"]
    ordering = ["authors", "year"]


class DocumentTemplateViewSet(SnippetViewSet):
    model = DocumentTemplate
    icon = "doc-full"
    menu_label = _("Modèles de documents")
    list_display = ["kind", "document", "description"]


class ResourcesViewSetGroup(SnippetViewSetGroup):
    items = (
        ToolSheetCategoryViewSet,
        GlossaryTermViewSet,
        CompetencyViewSet,
        ReferenceViewSet,
        DocumentTemplateViewSet,
    )
    menu_icon = "doc-full-inverse"
    menu_label = _("Fiches outils")
    menu_name = "fiches-outils"


register_snippet(ResourcesViewSetGroup)
