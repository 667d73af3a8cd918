"""The directory page at /annuaire/: search, profiles, contact relay,
registration and self-service are routes of this one page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from core.links import absolute, join_subpage, subpage_url
from core.models.mixins import IntroMixin
from search.text import searchable_text


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
    @path("", name="index_route")
    def index_route(self, request):
        from directory import views

        return views.directory_index(self, request)

    @path("profil/<int:pk>/", name="profile_route")
    def profile_route(self, request, pk):
        from directory import views

        return views.profile_detail(self, request, pk)

    @path("profil/<int:pk>/contact/", name="contact_route")
    def contact_route(self, request, pk):
        from directory import views

        return views.contact(self, request, pk)

    @path("profil/<int:pk>/signaler/", name="report_route")
    def report_route(self, request, pk):
        from directory import views

        return views.report(self, request, pk)

    @path("reponse/<str:action>/<str:token>/", name="answer_route")
    def answer_route(self, request, action, token):
        from directory import views

        return views.answer(self, request, action, token)

    @path("inscription/", name="registration_route")
    def registration_route(self, request):
        from directory import views

        return views.registration(self, request)

    @path("inscription/confirmer/<str:token>/", name="confirm_route")
    def confirm_route(self, request, token):
        from directory import views

        return views.confirm_email(self, request, token)

    @path("gerer/", name="manage_request_route")
    def manage_request_route(self, request):
        from directory import views

        return views.manage_request(self, request)

    @path("gerer/lien/<str:token>/", name="manage_link_route")
    def manage_link_route(self, request, token):
        from directory import views

        return views.manage_open(self, request, token)

    @path("gerer/profil/", name="manage_route")
    def manage_route(self, request):
        from directory import views

        return views.manage(self, request)

    @path("gerer/profil/donnees/<str:fmt>/", name="export_route")
    def export_route(self, request, fmt):
        from directory import views

        return views.manage_export(self, request, fmt)

    def get_sitemap_urls(self, request=None):
        """The directory, plus the profiles whose partners accept search
        engines (on the host Wagtail's sitemap gives the directory itself)."""
        from directory.models import PartnerProfile

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
