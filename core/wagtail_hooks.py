from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.models import Domain, OutgoingEmail
from core.permissions import register_administrators_edit_policy

# Public taxonomies: only administrators edit them (core/permissions.py).
register_administrators_edit_policy(Domain)


class OutgoingEmailViewSet(ModelViewSet):
    """Read-only view of the outbox for administrators: what was sent, what
    waits for a retry, what failed. Holds personal data (addresses), so only
    users with the model's view permission see it."""

    model = OutgoingEmail
    icon = "mail"
    menu_label = _("Courriels sortants")
    add_to_settings_menu = True
    list_display = ["subject", "purpose", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "purpose"]
    search_fields = ["subject"]
    inspect_view_enabled = True
    form_fields = ["status", "next_attempt_at"]


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutgoingEmailViewSet("outbox")


class DomainViewSet(SnippetViewSet):
    model = Domain
    icon = "tag"
    menu_label = _("Domaines")
    add_to_admin_menu = False
    list_display = ["name", "slug", "short_description"]
    sort_order_field = "sort_order"


register_snippet(DomainViewSet)


@hooks.register("before_serve_page", order=-100)
def never_cache_restricted_pages(page, request, serve_args, serve_kwargs):
    """A page under a view restriction (password, login, groups) is never
    stored by the page cache (core/pagecache.py), even once unlocked."""
    from django.conf import settings

    from core.pagecache import skip_page_cache

    if settings.PORTAL_PAGE_CACHE_SECONDS and page.get_view_restrictions().exists():
        skip_page_cache(request)


@hooks.register("insert_global_admin_css")
def portal_admin_css():
    # The portal's colours in the admin (static/css/admin.css).
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
