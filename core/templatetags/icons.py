"""Inline SVG pictograms from static/icons/ (copied from the npm package
lucide-static, ISC licence: static/icons/LICENSE). Inlined, not linked: no
font, no extra request, and `currentColor` follows the text colour.

    {% load icons %}
    {% icon "gauge" %}                      decorative (aria-hidden)
    {% icon "gauge" label="Baromètre" %}    meaningful: role="img" + aria-label
    {% page_icon page %}                    the pictogram of a page type
    {% category_icon category %}            the pictogram of a tool-sheet category
"""

import re
from functools import lru_cache

from django import template
from django.contrib.staticfiles import finders
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

# Page type (class name) -> icon. Unknown types get no pictogram.
PAGE_ICONS = {
    "ProjectIndexPage": "lightbulb",
    "ProjectPage": "handshake",
    "ToolSheetIndexPage": "book-open",
    "ToolSheetPage": "file-text",
    "DirectoryPage": "users",
    "SelfAssessmentPage": "gauge",
    "EngagementMatrixPage": "grid-3x3",
    "CompetencyFrameworkIndexPage": "list-checks",
    "CompetencyFrameworkPage": "list-checks",
    "CharterPage": "heart-handshake",
    "LexiconPage": "info",
    "ContactPage": "message-circle",
    "HomePage": "house",
    # Apps being added (agenda, news, calls, participation, about)
    "EventIndexPage": "calendar",
    "EventPage": "calendar",
    "AgendaPage": "calendar",
    "NewsIndexPage": "newspaper",
    "NewsPage": "newspaper",
    "CallIndexPage": "megaphone",
    "CallPage": "megaphone",
    "ParticipationPage": "message-circle",
    "AboutPage": "info",
}
# Tool-sheet category slug -> icon (demo/resources/categories.toml).
CATEGORY_ICONS = {
    "comprendre": "compass",
    "s-engager": "flag",
    "se-situer": "map-pin",
    "agir-en-partenariat": "handshake",
    "evaluer": "chart-no-axes-column",
}
_COMMENT = re.compile(r"<!--.*?-->\s*", re.S)
_OPEN = re.compile(r"<svg\b[^>]*>", re.S)
_INNER_SPACE = re.compile(r">\s+<")


@lru_cache(maxsize=64)
def _svg_body(name):
    """The inner markup of static/icons/NAME.svg, or None if absent."""
    if not re.fullmatch(r"[a-z0-9-]+", name or ""):
        return None
    path = finders.find(f"icons/{name}.svg")
    if not path:
        return None
    with open(path, encoding="utf-8") as handle:
        text = _COMMENT.sub("", handle.read())
    text = _OPEN.sub("", text, count=1).replace("</svg>", "")
    return _INNER_SPACE.sub("><", text.strip())


def render_icon(name, css_class="", label=""):
    body = _svg_body(name)
    if body is None:
        return ""
    classes = escape(f"icon icon--{name} {css_class}".strip())
    a11y = f'role="img" aria-label="{escape(label)}"' if label else 'aria-hidden="true" focusable="false"'
    # Safe: the body comes from our own static/icons/ files, every other part is escaped.
    return mark_safe(  # noqa: S308
        f'<svg class="{classes}" {a11y} xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" '
        f'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">'
        f"{body}</svg>"
    )


@register.simple_tag
def icon(name, css_class="", label=""):
    return render_icon(name, css_class, label)


def page_icon_name(page):
    if page is None:
        return ""
    specific = getattr(page, "specific_class", None) or type(page)
    return PAGE_ICONS.get(getattr(specific, "__name__", ""), "")


@register.simple_tag
def page_icon(page, css_class=""):
    return render_icon(page_icon_name(page), css_class)


@register.simple_tag
def category_icon(category, css_class=""):
    return render_icon(CATEGORY_ICONS.get(getattr(category, "slug", ""), "file-text"), css_class)
