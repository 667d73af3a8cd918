"""Site search (/recherche/) and its autocomplete (/recherche/suggestions/)."""

import difflib
import hashlib

from django.core.cache import cache
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Site
from wagtail.search.utils import normalise_query_string

from core.antiabuse import client_ip
from search.engine import site_search, suggestions
from search.sources import object_sources
from search.text import MAX_QUERY_LENGTH, clean_query, fold

# A client repeating the same query within this many seconds is counted once.
HIT_THROTTLE_SECONDS = 600
# Longest raw `q` parameter read at all (what is beyond is dropped unread).
MAX_RAW_LENGTH = 10_000


def _raw_query(request):
    raw = request.GET.get("q", "")
    return raw[:MAX_RAW_LENGTH], len(" ".join(raw.split())) > MAX_QUERY_LENGTH


def log_query(request, query):
    """Count the query in Wagtail's query log (shown to editors in Reports ›
    Search terms and on the dashboard), cheaply: page 1 only (the caller's
    choice), never empty queries, once per client and query per
    HIT_THROTTLE_SECONDS (a cache add, no database write when repeated)."""
    if not query:
        return
    normalised = normalise_query_string(query)
    if not normalised:
        return
    client = client_ip(request)  # behind a load balancer too (PORTAL_TRUSTED_PROXIES)
    key = "search-hit:" + hashlib.sha256(f"{client}|{normalised}".encode()).hexdigest()[:32]
    if not cache.add(key, 1, HIT_THROTTLE_SECONDS):
        return
    Query.get(normalised).add_hit()


def _lexicon(query, request, limit=8, close_limit=3):
    """Lexicon terms for the no-result state: ({"term", "url"} close to the
    query by spelling — "did you mean" —, a few others). Two queries."""
    source = next((s for s in object_sources() if s.type_key == "lexique"), None)
    if source is None:
        return [], []
    terms = list(source.visible().only("id", "term", "slug").order_by("term"))
    urls = source.urls(terms, request)
    items = [{"term": t.term, "url": urls.get(t.pk, "")} for t in terms]
    by_name = {fold(item["term"]): item for item in items}
    close = [by_name[name] for name in difflib.get_close_matches(fold(query), list(by_name), n=close_limit, cutoff=0.6)]
    others = [item for item in items if item not in close][:limit]
    return close, others


def _pillars(request):
    """The three pillars of the home page: (title, text, page)."""
    site = Site.find_for_request(request)
    root = site.root_page.specific if site else None
    pillars = []
    for block in getattr(root, "pillars", None) or []:
        page = block.value.get("page")
        if page is not None and page.live:
            pillars.append(
                {"title": block.value.get("title") or page.title, "text": block.value.get("text"), "page": page}
            )
    return pillars


@require_GET
def search(request):
    raw, truncated = _raw_query(request)
    type_key = request.GET.get("type") or None
    outcome = site_search(raw, request, type_key=type_key, page_number=request.GET.get("page", 1))
    if outcome.page_obj is not None and request.GET.get("page", "1") == "1" and not type_key:
        log_query(request, outcome.query)
    context = {
        "search_query": outcome.query,
        "outcome": outcome,
        "truncated": truncated,
        "only_common_words": bool(raw.strip()) and outcome.page_obj is None,
    }
    if outcome.query and not outcome.total:
        context["did_you_mean"], context["lexicon_terms"] = _lexicon(outcome.query, request)
        context["pillars"] = _pillars(request)
    return TemplateResponse(request, "search/search.html", context)


@require_GET
def autocomplete(request):
    raw, _truncated = _raw_query(request)
    results = suggestions(raw, request)
    response = JsonResponse({"query": clean_query(raw), "results": results})
    response["Cache-Control"] = "max-age=60"
    return response
