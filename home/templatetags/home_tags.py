from django import template

from home.whats_new import whats_new as compute_whats_new

register = template.Library()


@register.inclusion_tag("home/includes/whats_new.html")
def whats_new():
    """Next events, open calls for projects and for participation (home/whats_new.py)."""
    return compute_whats_new()
