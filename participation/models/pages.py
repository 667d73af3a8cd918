"""The page at /appels-a-participation/: the listing, each call, the feed,
the posting, answering and alert forms are routes of this one page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.search import index

from core.links import absolute, subpage_url
from core.models.mixins import IntroMixin
from core.pagecache import limit_page_cache, next_local_midnight
from core.routing import view_route
from search.text import searchable_text


class ParticipationPage(RoutablePageMixin, IntroMixin, Page):
    posting_notice = models.TextField(
        _("Notice de dépôt"),
        blank=True,
        help_text=_("Affichée en tête du formulaire de dépôt d'un appel, en plus de la notice sur les données."),
    )
    per_page = models.PositiveSmallIntegerField(_("Appels par page"), default=20)

    content_panels = Page.content_panels + ["intro", "posting_notice", "per_page"]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_text")]

    def serve(self, request, *args, **kwargs):
        # A call leaves the listing the day after its deadline (local dates).
        limit_page_cache(request, next_local_midnight())
        return super().serve(request, *args, **kwargs)

    class Meta:
        verbose_name = _("appels à participation")

    def search_text(self):
        return searchable_text(self.title, self.intro)

    V = "participation.views."
    index_route = view_route("", V + "call_index", name="index_route")
    feed_route = view_route("flux/", V + "atom_feed", name="feed_route")
    call_route = view_route("appel/<int:pk>/", V + "call_detail", name="call_route")
    answer_form_route = view_route("appel/<int:pk>/repondre/", V + "answer_form", name="answer_form_route")
    post_route = view_route("proposer/", V + "post_call", name="post_route")
    post_confirm_route = view_route("proposer/confirmer/<str:token>/", V + "confirm_call", name="post_confirm_route")
    manage_route = view_route("gerer/<str:token>/", V + "manage_call", name="manage_route")
    answer_confirm_route = view_route(
        "reponse/confirmer/<str:token>/", V + "confirm_answer", name="answer_confirm_route"
    )
    decision_route = view_route("reponse/<str:action>/<str:token>/", V + "decide_answer", name="decision_route")
    alerts_route = view_route("alertes/", V + "subscribe", name="alerts_route")
    alerts_confirm_route = view_route(
        "alertes/confirmer/<str:token>/", V + "confirm_subscription", name="alerts_confirm_route"
    )
    del V


def link_for_email(page, route_name, *args):
    """The absolute URL of a route of the live page, for emails sent outside a
    request (admin, commands), or the portal's home page when there is none."""
    url = subpage_url(page, route_name, *args) if page is not None else None
    return url or absolute("/")
