"""The inline lexicon: link the first occurrence on a page of each published
term (or variant) to its page, and list the terms found.

Matching is accent- and case-insensitive, on whole words (a final plural
"s"/"x" is allowed, spaces, hyphens and apostrophes are interchangeable), and
never inside headings, links, buttons, code or other inline markup that
already carries meaning (abbr, dfn). Work is done on the rendered HTML, text
node by text node, so existing markup is never broken.

The term list is cached (Django cache + a per-process compiled matcher keyed
by a version stamp) and refreshed when a term is published, unpublished or
deleted — not when a draft is saved, since the live row does not change then.
"""

import html
import re
import unicodedata
import uuid
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction

from core.links import page_path, subpage_path
from resources.models import GlossaryTerm, LexiconPage

CACHE_KEY = "resources:lexicon:v1"
CACHE_TIMEOUT = 60 * 60 * 24

# Elements whose text is never linked.
SKIP_TAGS = frozenset(
    "a h1 h2 h3 h4 h5 h6 button abbr dfn code pre kbd samp script style textarea select option label "
    "summary svg math title figcaption".split()
)
VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())
_MARKUP = re.compile(r"(<!--.*?-->|<![^>]*>|<[^>]+>)", re.DOTALL)
_TAG_NAME = re.compile(r"<\s*(/)?\s*([a-zA-Z][a-zA-Z0-9-]*)")
_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013'’]+")


def _fold_char(char):
    decomposed = unicodedata.normalize("NFKD", char.lower())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return folded.replace("œ", "oe").replace("æ", "ae")


def fold_with_map(text):
    """(folded text, positions) where positions[i] is the index in `text` of
    the character that produced folded[i]; positions has one extra entry for
    the end."""
    out, positions = [], []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        out.append(folded)
        positions.extend([index] * len(folded))
    positions.append(len(text))
    return "".join(out), positions


def _pattern_for(variant):
    words = [w for w in _SEPARATORS.split("".join(_fold_char(c) for c in variant)) if w]
    if not words:
        return None
    pattern = r"[\s\-\u2010\u2011\u2012\u2013'’]+".join(re.escape(w) for w in words)
    # Plurals ("patients partenaires" for "patient partenaire"), but not for
    # acronyms: "ETPX" is not a plural of "ETP".
    is_acronym = variant.isupper() or len(words[-1]) <= 3
    return pattern if is_acronym else pattern + r"(?:s|x)?"


@dataclass
class Matcher:
    stamp: str
    terms: dict  # pk -> {"term", "slug", "url", "short_definition"}
    regex: re.Pattern | None
    owners: dict  # group name -> term pk


def _build_data():
    """What the cache holds: plain data, rebuilt with two queries."""
    lexicon = LexiconPage.objects.live().first()
    rows = []
    if lexicon is not None and page_path(lexicon) is not None:
        for term in GlossaryTerm.objects.filter(live=True, inline_linking=True).order_by("term"):
            rows.append(
                {
                    "pk": term.pk,
                    "term": term.term,
                    "slug": term.slug,
                    "url": subpage_path(lexicon, "term", term.slug),
                    "short_definition": term.short_definition,
                    "variants": [term.term, *term.variant_list()],
                }
            )
    return {"stamp": uuid.uuid4().hex, "terms": rows}


def _compile(data):
    alternatives, owners, terms = [], {}, {}
    seen = set()
    candidates = []
    for row in data["terms"]:
        terms[row["pk"]] = row
        for variant in row["variants"]:
            pattern = _pattern_for(variant)
            if pattern and pattern not in seen:
                seen.add(pattern)
                candidates.append((len(variant), pattern, row["pk"]))
    # Longest first, so "patient partenaire" wins over "patient".
    candidates.sort(key=lambda c: -c[0])
    for index, (_, pattern, pk) in enumerate(candidates):
        name = f"t{index}"
        owners[name] = pk
        alternatives.append(f"(?P<{name}>{pattern})")
    regex = re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])") if alternatives else None
    return Matcher(data["stamp"], terms, regex, owners)


_process_matcher = None


def get_matcher():
    global _process_matcher
    data = cache.get(CACHE_KEY)
    if data is None:
        data = _build_data()
        cache.set(CACHE_KEY, data, CACHE_TIMEOUT)
    if _process_matcher is None or _process_matcher.stamp != data["stamp"]:
        _process_matcher = _compile(data)
    return _process_matcher


def invalidate(**kwargs):
    """Forget the cached term list now and again after the transaction
    commits (a request rebuilding it meanwhile would see the old rows)."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


@dataclass
class LexiconState:
    """Per-page state shared by every render_with_lexicon call."""

    linked: list = field(default_factory=list)  # term dicts, in order of first occurrence

    @property
    def linked_pks(self):
        return {row["pk"] for row in self.linked}


def link_terms(rendered_html, state, matcher=None):
    """Return `rendered_html` with the first occurrence of each term not yet
    in `state` linked to its page; record the terms in `state`."""
    matcher = matcher or get_matcher()
    if matcher.regex is None or not rendered_html:
        return rendered_html
    done = state.linked_pks
    if len(done) == len(matcher.terms):
        return rendered_html
    out, skip_stack = [], []
    for part in _MARKUP.split(str(rendered_html)):
        if not part:
            continue
        if part.startswith("<"):
            out.append(part)
            tag = _TAG_NAME.match(part)
            if tag and not part.startswith("<!"):
                closing, name = tag.group(1), tag.group(2).lower()
                if name in SKIP_TAGS:
                    if closing:
                        if name in skip_stack:
                            while skip_stack and skip_stack.pop() != name:
                                pass
                    elif not part.rstrip().endswith("/>") and name not in VOID_TAGS:
                        skip_stack.append(name)
            continue
        if skip_stack:
            out.append(part)
            continue
        out.append(_link_text(part, matcher, state, done))
    return "".join(out)


def _link_text(escaped_text, matcher, state, done):
    text = html.unescape(escaped_text)
    folded, positions = fold_with_map(text)
    pieces, cursor = [], 0
    for match in matcher.regex.finditer(folded):
        pk = matcher.owners[match.lastgroup]
        if pk in done:
            continue
        start, end = positions[match.start()], positions[match.end()]
        row = matcher.terms[pk]
        pieces.append(html.escape(text[cursor:start], quote=False))
        pieces.append(
            f'<a class="lexicon-link" href="{html.escape(row["url"])}">{html.escape(text[start:end], quote=False)}</a>'
        )
        cursor = end
        done.add(pk)
        state.linked.append(row)
    if not pieces:
        return escaped_text
    pieces.append(html.escape(text[cursor:], quote=False))
    return "".join(pieces)
