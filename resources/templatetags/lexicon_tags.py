"""{% render_with_lexicon value %} and {% lexicon_box %}.

{% load lexicon_tags %}
{% render_with_lexicon page.body %}   {# like include_block, with terms linked #}
{% render_with_lexicon page.falc_body %}  {# shares the "first occurrence" state #}
{% lexicon_box %}                      {# "Les mots de cette fiche", or nothing #}
"""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from wagtail.rich_text import expand_db_html

from resources.lexicon import LexiconState, link_terms

register = template.Library()

STATE_KEY = "lexicon_state"


def get_state(context):
    """The page's state, stored at the bottom of the context stack so that
    every tag call of one render (includes and blocks too) shares it."""
    state = context.get(STATE_KEY)
    if state is None:
        state = LexiconState()
        context.dicts[0][STATE_KEY] = state
    return state


@register.simple_tag(takes_context=True)
def render_with_lexicon(context, value):
    if value is None:
        return ""
    state = get_state(context)
    if hasattr(value, "render_as_block"):
        rendered = value.render_as_block(context=context.flatten())
    elif hasattr(value, "__html__"):
        rendered = value.__html__()
    else:
        rendered = expand_db_html(str(value))
    # The input is rendered block HTML or stored rich text (already safe);
    # link_terms escapes every piece of text it rewrites.
    return mark_safe(link_terms(rendered, state))  # noqa: S308


@register.simple_tag(takes_context=True)
def lexicon_box(context, heading=None):
    state = context.get(STATE_KEY)
    if state is None or not state.linked:
        return ""
    heading = gettext("Les mots de cette fiche") if heading is None else heading
    return render_to_string("resources/includes/lexicon_box.html", {"terms": state.linked, "heading": heading})
