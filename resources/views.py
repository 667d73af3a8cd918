"""Views behind the knowledge base's pages: the sheet listing (context of
ToolSheetIndexPage), the routes of LexiconPage and of
CompetencyFrameworkIndexPage."""

from django.db.models import Prefetch
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.facets import Facet, used_tags
from core.listing import Listing, Sort
from core.models import Domain
from core.vocabulary import Audience, EngagementScale
from search.text import clean_query, filter_queryset

from .models import GlossaryTerm, ToolSheetCategory, ToolSheetPage
from .models.pages import compare_frameworks

SHEETS_PER_PAGE = 12


# --- The sheet listing -------------------------------------------------------------
def sheet_facets():
    return [
        Facet(
            "categorie",
            gettext("Catégorie"),
            "category__slug",
            options=lambda: list(ToolSheetCategory.objects.order_by("sort_order", "name").values_list("slug", "name")),
        ),
        Facet("public", gettext("Public"), "audiences__audience", options=lambda: list(Audience.choices)),
        Facet(
            "niveau", gettext("Niveau d'engagement"), "engagement_scale", options=lambda: list(EngagementScale.choices)
        ),
        Facet(
            "domaine",
            gettext("Domaine"),
            "domain__slug",
            options=lambda: list(Domain.objects.order_by("sort_order", "name").values_list("slug", "name")),
        ),
        Facet(
            "theme",
            gettext("Thème"),
            "tags__slug",
            options=used_tags("resources_toolsheettag_items"),
        ),
    ]


SHEET_LISTING = Listing(
    facets=sheet_facets(),
    sorts=[Sort("titre", _("Ordre alphabétique (A à Z)"), ("title", "pk"))],
    per_page=SHEETS_PER_PAGE,
    prepare=lambda sheets: sheets.select_related("category", "domain").prefetch_related("audiences"),
)


def sheet_index_context(index_page, request):
    """The listing of the index's sheets (facets, free text, pages) and the
    other resources (charter, lexicon, tools) below it."""
    context = SHEET_LISTING.context(request, index_page.sheets())
    context["other_pages"] = index_page.get_children().live().public().not_type(ToolSheetPage).order_by("path")
    return context


# --- The lexicon ------------------------------------------------------------------
def lexicon_index(page, request):
    query = clean_query(request.GET.get("q", ""))
    terms = filter_queryset(GlossaryTerm.objects.filter(live=True), query).order_by("term")
    letters = {}
    for term in terms:
        letters.setdefault(term.letter, []).append(term)
    context = page.get_context(request)
    context.update(query=query, letters=sorted(letters.items()), term_count=sum(map(len, letters.values())))
    return TemplateResponse(request, "resources/lexicon_page.html", context)


def lexicon_term(page, request, slug):
    term = (
        GlossaryTerm.objects.filter(live=True, slug=slug)
        .prefetch_related(
            Prefetch("related_terms", GlossaryTerm.objects.filter(live=True)),
            Prefetch("see_also", ToolSheetPage.objects.live().public()),
        )
        .first()
    )
    if term is None:
        raise Http404("Terme inconnu")
    context = page.get_context(request)
    context["term"] = term
    return TemplateResponse(request, "resources/lexicon_term.html", context)


# --- Competency frameworks --------------------------------------------------------
def framework_index(page, request):
    context = page.get_context(request)
    context["frameworks"] = page.frameworks()
    return TemplateResponse(request, "resources/competency_framework_index_page.html", context)


def _find_framework(frameworks, raw):
    raw = (raw or "").strip()
    for framework in frameworks:
        if raw and (raw == str(framework.pk) or raw == framework.slug):
            return framework
    return None


def framework_compare(page, request):
    frameworks = list(page.frameworks())
    raw_a, raw_b = request.GET.get("a", ""), request.GET.get("b", "")
    a, b = _find_framework(frameworks, raw_a), _find_framework(frameworks, raw_b)
    errors = []
    if raw_a and a is None:
        errors.append(
            ("comparer-a", gettext("Le premier référentiel demandé n'existe pas : choisissez-en un dans la liste."))
        )
    if raw_b and b is None:
        errors.append(
            ("comparer-b", gettext("Le second référentiel demandé n'existe pas : choisissez-en un dans la liste."))
        )
    if a is None and b is None and not errors and len(frameworks) >= 2:
        a, b = frameworks[0], frameworks[1]
    context = page.get_context(request)
    context.update(frameworks=frameworks, a=a, b=b, errors=errors, rows=compare_frameworks(a, b) if a and b else [])
    return TemplateResponse(request, "resources/competency_compare.html", context, status=400 if errors else 200)


# --- PDFs ----------------------------------------------------------------------


def page_pdf(request, page_id):
    """The stored PDF of a live, public printable page; rendered now and
    stored when missing (normally done on publish, resources/tasks.py)."""
    from django.core.files.storage import default_storage
    from django.http import FileResponse
    from wagtail.models import Page

    from resources import pdf

    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None or pdf.pdf_template(page) is None:
        raise Http404
    name = pdf.storage_name(page)
    if not default_storage.exists(name):
        name = pdf.store_page_pdf(page)
    response = FileResponse(
        default_storage.open(name), content_type="application/pdf", filename=f"{page.slug}.pdf", as_attachment=False
    )
    response["Cache-Control"] = "public, max-age=300"
    return response


# --- Editable documents (.odt) ---------------------------------------------------


def document_odt(request, kind):
    """A filled OpenDocument file: `?page=<id>` of a project for the project
    sheet, mission letter and compensation note (blank without it)."""
    from django.http import HttpResponse, HttpResponseBadRequest

    from resources import documents, odt
    from resources.models.documents import DocumentKind

    if kind not in DocumentKind.values:
        raise Http404
    raw = request.GET.get("page")
    if raw is not None and not raw.isdigit():
        return HttpResponseBadRequest("Paramètre « page » invalide : un numéro de page est attendu.")
    try:
        page = documents.source_page(kind, int(raw) if raw else None)
    except LookupError:
        raise Http404 from None
    response = HttpResponse(documents.build(kind, page), content_type=odt.MIMETYPE)
    name = f"{kind}-{page.slug}.odt" if page is not None else f"{kind}.odt"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
