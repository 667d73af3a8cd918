"""PDFs of the knowledge pages, rendered by WeasyPrint from the same content.

- `StorageURLFetcher` is the only way WeasyPrint reaches a resource: /static/
  from the static files storage (or the finders before collectstatic), /media/
  from the default storage; everything else (http, file, data…) is refused, so
  rendering never touches the network or the file system at large.
- A page's PDF is stored in the default storage (`pdf/pages/<id>.pdf`, never the
  database cache), rendered again when the page is published (the
  `page_published` signal enqueues `resources.tasks.render_page_pdf` on the
  "pdf" task backend when it is configured), and served by `views.page_pdf`;
  a missing file is rendered on demand as a fallback.
- Font: DejaVu Sans (Debian's fonts-dejavu-core), which has U+202F.
"""

import logging
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

logger = logging.getLogger(__name__)

# Concrete page class label → print template.
PDF_TEMPLATES = {
    "resources.toolsheetpage": "resources/pdf/tool_sheet_page.html",
    "resources.charterpage": "resources/pdf/charter_page.html",
    "resources.competencyframeworkpage": "resources/pdf/competency_framework_page.html",
    "tools.engagementmatrixpage": "tools/pdf/engagement_matrix_page.html",
    "tools.selfassessmentpage": "tools/pdf/self_assessment_page.html",
}


class RefusedURL(ValueError):
    pass


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StorageURLFetcher(URLFetcher):
        """Serve /static/ and /media/ from Django's storages, refuse the rest."""

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            base = urlsplit(settings.BASE_URL)
            if parts.scheme not in ("http", "https") or parts.netloc != base.netloc:
                raise RefusedURL(f"URL refused while rendering a PDF: {url}")
            path = unquote(parts.path)
            static_url = urlsplit(settings.STATIC_URL).path
            media_url = urlsplit(settings.MEDIA_URL).path
            if path.startswith(static_url):
                name = path[len(static_url) :]
                return URLFetcherResponse(url, _read_static(name), status=200)
            if path.startswith(media_url):
                name = path[len(media_url) :]
                if ".." in name.split("/") or name.startswith(("documents/", "pdf/")):
                    raise RefusedURL(f"URL refused while rendering a PDF: {url}")
                with default_storage.open(name) as handle:
                    return URLFetcherResponse(url, handle.read(), status=200)
            raise RefusedURL(f"URL refused while rendering a PDF: {url}")

    return StorageURLFetcher


def url_fetcher():
    return _fetcher_class()()


def _read_static(name):
    if ".." in name.split("/"):
        raise RefusedURL(name)
    try:
        with staticfiles_storage.open(name) as handle:
            return handle.read()
    except (FileNotFoundError, OSError, ValueError):
        found = finders.find(name)
        if not found:
            raise RefusedURL(f"Static file not found: {name}") from None
        with open(found, "rb") as handle:
            return handle.read()


def html_to_pdf(html):
    from weasyprint import HTML

    return HTML(string=html, base_url=settings.BASE_URL + "/", url_fetcher=url_fetcher()).write_pdf()


def pdf_template(page):
    if not isinstance(page, Page):
        return None
    return PDF_TEMPLATES.get(page.specific_class._meta.label_lower if page.specific_class else "")


def page_url(page):
    from core.links import page_url as absolute_page_url

    return absolute_page_url(page)


def render_html(page, template=None, extra=None):
    page = page.specific
    context = {
        "page": page,
        "page_url": page_url(page),
        "generated_on": timezone.localdate(),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "print": True,
    }
    if hasattr(page, "pdf_context"):
        context.update(page.pdf_context())
    context.update(extra or {})
    return render_to_string(template or pdf_template(page), context)


def render_page_pdf(page):
    return html_to_pdf(render_html(page))


def storage_name(page):
    return f"pdf/pages/{page.pk}.pdf"


def store_page_pdf(page):
    """Render the live page and (re)write its stored PDF; returns the name."""
    page = page.specific
    data = render_page_pdf(page)
    name = storage_name(page)
    if default_storage.exists(name):
        default_storage.delete(name)
    return default_storage.save(name, ContentFile(data))


def pdf_url_for(obj):
    """The download URL of a page's PDF, or None for a type without one."""
    if pdf_template(obj) is None:
        return None
    return reverse("page_pdf", args=[obj.pk])
