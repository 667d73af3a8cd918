from django import template

from core.links import subpage_path

register = template.Library()


@register.simple_tag(takes_context=True)
def participation_alerts_path(context):
    """The alerts form of the live calls page ("" without one): linked from
    the directory's "Gérer mon profil"."""
    from participation.models import ParticipationPage

    page = ParticipationPage.objects.live().first()
    return (subpage_path(page, "alerts_route", request=context.get("request")) or "") if page else ""
