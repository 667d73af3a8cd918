import posixpath
import re
from urllib.parse import unquote

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import re_path
from django.views.static import serve


def page_not_found(request, exception=None):
    return TemplateResponse(request, "404.html", status=404)


def server_error(request):
    # No context processors: the database may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())


def healthz(request):
    """For load balancers: the app answers and its database too."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
DEFAULT_COLOURS = ("#1d4f91", "#8a3b12")


def colours_for(request):
    """The site's (primary, accent) colours, validated, or the defaults."""
    from wagtail.models import Site

    from core.models.settings import PortalSettings

    site = Site.find_for_request(request)
    if site is None:
        return DEFAULT_COLOURS
    portal = PortalSettings.for_site(site)
    chosen = (portal.primary_colour, portal.accent_colour)
    return tuple(c if _HEX_COLOUR.fullmatch(c or "") else d for c, d in zip(chosen, DEFAULT_COLOURS, strict=True))


def site_colours(request):
    """The site colours as a stylesheet (public pages allow no inline style).
    Its URL carries the colours (base.html), so it may be cached long."""
    primary, accent = colours_for(request)
    response = HttpResponse(f":root{{--color-primary:{primary};--color-accent:{accent};}}\n", content_type="text/css")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def dev_media(request, path):
    """Media for the development server (DEBUG), documents/ denied: documents
    are served by Wagtail's view only (/documents/…), which enforces the
    privacy of their collection."""
    normalised = posixpath.normpath(unquote(path)).lstrip("/").lower()
    if normalised == "documents" or normalised.startswith("documents/"):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)


def dev_media_urlpatterns():
    """The development server's media route. None when MEDIA_URL points to
    another host."""
    prefix = settings.MEDIA_URL
    if "://" in prefix or not prefix.startswith("/"):
        return []
    return [re_path(rf"^{re.escape(prefix.lstrip('/'))}(?P<path>.*)$", dev_media)]
