from django import template

from about.figures import home_figures
from about.models import KeyFiguresPage

register = template.Library()


@register.inclusion_tag("about/includes/home_figures.html")
def home_key_figures():
    """Three key figures for the home page, with a link to the page of all of them."""
    return {"figures": home_figures(), "page": KeyFiguresPage.objects.live().public().first()}


@register.inclusion_tag("about/includes/before_registration.html")
def before_registration():
    """Links to read before registering in the directory: the guide and the charter."""
    from about.models import PartnerGuidePage
    from resources.models import CharterPage

    return {
        "guide": PartnerGuidePage.objects.live().public().first(),
        "charter": CharterPage.objects.live().public().first(),
    }
