"""The directory page at /annuaire/: search, profiles, contact relay,
registration and self-service are routes of this one page."""

from django.db import models
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from core.models.mixins import IntroMixin
from search.text import searchable_text


class DirectoryPage(RoutablePageMixin, IntroMixin, Page):
    registration_notice = models.TextField(
        "Notice d'inscription",
        blank=True,
        help_text="Affichée en tête du formulaire d'inscription, en plus de la notice sur les données personnelles.",
    )
    per_page = models.PositiveSmallIntegerField("Profils par page", default=20)

    content_panels = Page.content_panels + ["intro", "registration_notice", "per_page"]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_text")]

    class Meta:
        verbose_name = "annuaire des patients partenaires"

    def search_text(self):
        return searchable_text(self.title, self.intro)

    # Public routes -------------------------------------------------------------
    @path("")
    def index_route(self, request):
        from directory import views

        return views.directory_index(self, request)

    @path("profil/<int:pk>/")
    def profile_route(self, request, pk):
        from directory import views

        return views.profile_detail(self, request, pk)

    @path("profil/<int:pk>/contact/")
    def contact_route(self, request, pk):
        from directory import views

        return views.contact(self, request, pk)

    @path("profil/<int:pk>/signaler/")
    def report_route(self, request, pk):
        from directory import views

        return views.report(self, request, pk)

    @path("reponse/<str:action>/<str:token>/")
    def answer_route(self, request, action, token):
        from directory import views

        return views.answer(self, request, action, token)

    @path("inscription/")
    def registration_route(self, request):
        from directory import views

        return views.registration(self, request)

    @path("inscription/confirmer/<str:token>/")
    def confirm_route(self, request, token):
        from directory import views

        return views.confirm_email(self, request, token)

    @path("gerer/")
    def manage_request_route(self, request):
        from directory import views

        return views.manage_request(self, request)

    @path("gerer/lien/<str:token>/")
    def manage_link_route(self, request, token):
        from directory import views

        return views.manage_open(self, request, token)

    @path("gerer/profil/")
    def manage_route(self, request):
        from directory import views

        return views.manage(self, request)

    @path("gerer/profil/donnees/<str:fmt>/")
    def export_route(self, request, fmt):
        from directory import views

        return views.manage_export(self, request, fmt)

    def get_sitemap_urls(self, request=None):
        from directory.models import PartnerProfile

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for profile in PartnerProfile.objects.published().filter(allow_search_engines=True).only("pk", "updated_at"):
            urls.append({"location": f"{base}profil/{profile.pk}/", "lastmod": profile.updated_at})
        return urls
