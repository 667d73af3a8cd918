from django import template
from django.template.defaultfilters import filesizeformat

from core import links

register = template.Library()


@register.simple_tag(takes_context=True)
def query_url(context, **changes):
    """The current URL's query string with some parameters changed
    (None or "" removes one). Used by pagination and sort links."""
    request = context["request"]
    query = request.GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else request.path


@register.filter
def without_final_stop(text):
    """A label followed by more text ("label : error"): without its final full
    stop, so that "(…)." does not read "(…). :"; an ellipsis stays."""
    text = str(text).rstrip()
    if text.endswith(".") and not text.endswith(".."):
        return text[:-1].rstrip()
    return text


@register.filter
def document_meta(document):
    """'PDF, 1,2 Mo' for a Wagtail document (file type and size)."""
    if not document:
        return ""
    extension = (document.file_extension or "").upper()
    try:
        size = document.get_file_size()
    except (OSError, ValueError):
        size = None
    parts = [extension] if extension else []
    if size:
        parts.append(filesizeformat(size).replace("\xa0", " "))
    return ", ".join(parts)


@register.filter
def accessible_widget(bound_field):
    """Render a field's widget tied to its help text and error message
    (aria-describedby) and flagged invalid when it has errors."""
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}-aide")
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}-erreur")
    attrs = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    if bound_field.field.required and bound_field.widget_type not in (
        "checkbox",
        "radioselect",
        "checkboxselectmultiple",
    ):
        attrs["required"] = True
    return bound_field.as_widget(attrs=attrs)


@register.simple_tag(takes_context=True)
def subpage(context, page, route_name, *args):
    """`{% subpage page "route_name" arg %}`: the path of a routable page's
    named route ("/annuaire/profil/12/"); works without a request too (emails)."""
    return links.subpage_path(page, route_name, *args, request=context.get("request")) or ""


@register.simple_tag(takes_context=True)
def subpage_url(context, page, route_name, *args):
    """`{% subpage_url page "route_name" arg %}`: the same route as an
    absolute URL from `BASE_URL` (canonical links, text read elsewhere)."""
    return links.subpage_url(page, route_name, *args, request=context.get("request")) or ""


@register.simple_tag(takes_context=True)
def page_url(context, page):
    """`{% page_url page %}`: the page's absolute URL from `BASE_URL` ("" for
    anything that is not a page under a site, e.g. a paginator's page)."""
    if not hasattr(page, "get_url_parts"):
        return ""
    return links.page_url(page, request=context.get("request")) or ""
