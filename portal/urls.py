from django.conf import settings
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import logins, twofactor
from core import views as core_views
from directory import admin_views as directory_admin_views
from resources import views as resources_views
from search import views as search_views

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"

urlpatterns = [
    # Forms that check a secret, rate limited (core/logins.py), before the
    # Wagtail routes they wrap.
    path("admin/password_reset/", logins.password_reset),
    path("documents/authenticate_with_password/<int:restriction_id>/", logins.document_password),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        logins.page_password,
    ),
    path("admin/double-authentification/", twofactor.verify, name="portal_2fa_verify"),
    path("admin/double-authentification/activer/", twofactor.setup, name="portal_2fa_setup"),
    # Before Wagtail's admin URLs: the experience themes' autocomplete is
    # limited to people who may see partners' private data.
    path(
        "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/",
        directory_admin_views.tag_autocomplete,
        name="wagtailadmin_tag_model_autocomplete",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", search_views.search, name="search"),
    path("recherche/suggestions/", search_views.autocomplete, name="search_suggestions"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path("healthz", core_views.healthz, name="healthz"),
    path("", include("participation.urls")),
    path("couleurs.css", core_views.site_colours, name="site_colours"),
    path("pdf/<int:page_id>/", resources_views.page_pdf, name="page_pdf"),
    path("modeles/<slug:kind>.odt", resources_views.document_odt, name="document_odt"),
]

if settings.DEBUG:
    # Media for the development server, documents/ denied (core/views.py).
    urlpatterns += core_views.dev_media_urlpatterns()

urlpatterns += [path("", include(wagtail_urls))]
