"""The directory page at /annuaire/: search, profiles, contact relay,
registration and self-service are routes of this one page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.search import index

from core.links import absolute, join_subpage, subpage_url
from core.models.mixins import IntroMixin
from core.routing import view_route
from search.text import searchable_text

from .profiles import PartnerProfile


class DirectoryPage(RoutablePageMixin, IntroMixin, Page):
    registration_notice = models.TextField(
        _("Notice d'inscription"),
        blank=True,
        help_text=_("Affichée en tête du formulaire d'inscription, en plus de la notice sur les données personnelles."),
    )
    per_page = models.PositiveSmallIntegerField(_("Profils par page"), default=20)

    content_panels = Page.content_panels + ["intro", "registration_notice", "per_page"]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_text")]

    class Meta:
        verbose_name = _("annuaire des patients partenaires")

    def search_text(self):
        return searchable_text(self.title, self.intro)

    # Public routes -------------------------------------------------------------
    index_route = view_route("", "directory.views.directory_index", name="index_route")
    profile_route = view_route("profil/<int:pk>/", "directory.views.profile_detail", name="profile_route")
    contact_route = view_route("profil/<int:pk>/contact/", "directory.views.contact", name="contact_route")
    report_route = view_route("profil/<int:pk>/signaler/", "directory.views.report", name="report_route")
    answer_route = view_route("reponse/<str:action>/<str:token>/", "directory.views.answer", name="answer_route")
    registration_route = view_route("inscription/", "directory.views.registration", name="registration_route")
    confirm_route = view_route(
        "inscription/confirmer/<str:token>/", "directory.views.confirm_email", name="confirm_route"
    )
    manage_request_route = view_route("gerer/", "directory.views.manage_request", name="manage_request_route")
    manage_link_route = view_route("gerer/lien/<str:token>/", "directory.views.manage_open", name="manage_link_route")
    manage_route = view_route("gerer/profil/", "directory.views.manage", name="manage_route")
    email_change_route = view_route(
        "gerer/adresse/<str:token>/", "directory.views.confirm_new_email", name="email_change_route"
    )
    export_route = view_route("gerer/profil/donnees/<str:fmt>/", "directory.views.manage_export", name="export_route")

    def get_sitemap_urls(self, request=None):
        """The directory, plus the profiles whose partners accept search
        engines (on the host Wagtail's sitemap gives the directory itself)."""
        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        location = urls[0]["location"]
        for profile in PartnerProfile.objects.published().filter(allow_search_engines=True).only("pk", "updated_at"):
            urls.append(
                {"location": join_subpage(location, self, "profile_route", profile.pk), "lastmod": profile.updated_at}
            )
        return urls


def link_for_email(directory, route_name, *args):
    """For emails sent outside a request (admin, commands): the absolute URL
    of a route of the live `directory` page, or of the portal's home page when
    there is none (a link in an email must lead somewhere)."""
    url = subpage_url(directory, route_name, *args) if directory is not None else None
    return url or absolute("/")
