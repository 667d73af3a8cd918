"""{% about_box obj %}: the « À propos de cet outil » box (sources, origin,
version, validation, next review) of a page or lexicon term with SourcesMixin."""

from django import template

register = template.Library()


def _bibliography_url(context):
    cache = context.render_context
    if "bibliography_url" not in cache:
        from resources.models import BibliographyPage

        page = BibliographyPage.objects.live().public().first()
        cache["bibliography_url"] = page.get_url(context.get("request")) if page else None
    return cache["bibliography_url"]


@register.inclusion_tag("resources/includes/about_box.html", takes_context=True)
def about_box(context, obj, heading=None, heading_id="a-propos", print=False):  # noqa: A002
    from resources.pdf import pdf_url_for

    return {
        "obj": obj,
        "heading": heading,
        "heading_id": heading_id,
        "print": print,
        "pdf_url": None if print else pdf_url_for(obj),
        "bibliography_url": None if print else _bibliography_url(context),
        "request": context.get("request"),
    }
