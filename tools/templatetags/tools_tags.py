from django import template

register = template.Library()


@register.filter
def at(container, key):
    """container[key] for lists (by index) and dicts; None when absent."""
    try:
        return container[key]
    except (IndexError, KeyError, TypeError):
        return None
