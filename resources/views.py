"""Views behind the routes of LexiconPage and of CompetencyFrameworkIndexPage."""

from django.db.models import Prefetch
from django.http import Http404
from django.template.response import TemplateResponse

from search.text import clean_query, filter_queryset

from .models import GlossaryTerm, ToolSheetPage
from .models.pages import compare_frameworks


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
        errors.append(("comparer-a", "Le premier référentiel demandé n'existe pas : choisissez-en un dans la liste."))
    if raw_b and b is None:
        errors.append(("comparer-b", "Le second référentiel demandé n'existe pas : choisissez-en un dans la liste."))
    if a is None and b is None and not errors and len(frameworks) >= 2:
        a, b = frameworks[0], frameworks[1]
    context = page.get_context(request)
    context.update(frameworks=frameworks, a=a, b=b, errors=errors, rows=compare_frameworks(a, b) if a and b else [])
    return TemplateResponse(request, "resources/competency_compare.html", context, status=400 if errors else 200)
