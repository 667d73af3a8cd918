"""The portal's search layer: one entry point for every free-text filter.

Listings (tool sheets, projects, directory) narrow their queryset with
`filter_queryset(queryset, q)`; the site search page uses the same cleaning.
Both go through Wagtail's configured backend (database FTS on SQLite or
PostgreSQL, Elasticsearch/OpenSearch in production).

French on every backend
-----------------------
SQLite's FTS5 folds accents but does not stem. So every indexed model also
indexes a *normalised* copy of its public text, and queries are normalised the
same way:

    search_fields = [..., index.SearchField("search_text")]

    def search_text(self):
        return searchable_text(self.title, self.summary, self.body)

`normalise("L'éducation thérapeutique des formateurs")` gives
"education therapeut formateur": lower case, accents folded, elided articles
and hyphens split, a light French stemmer. The same function runs on the
query, so "education therapeutique", "formateurs" and "pair aidance" meet
"éducation thérapeutique", "formateur" and "pair-aidance".
"""

import re
import unicodedata

from wagtail.search.backends import get_search_backend

MAX_QUERY_LENGTH = 200
_UNSAFE = re.compile(r"[\x00-\x1f\"*()^:{}\[\]~\\<>]")
_WORD = re.compile(r"[a-z0-9]+")
_ELIDED = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’]", re.IGNORECASE)
_STOPWORDS = frozenset(
    "le la les un une des du de d l et ou a au aux en dans par pour sur avec sans ce ces cet cette qui que quoi "
    "est sont son sa ses leur leurs nos notre vos votre se ne pas plus il elle ils elles on nous vous je tu "
    "and or not near".split()
)
# Suffixes removed by the light stemmer, longest first (after plural removal).
_SUFFIXES = (
    "issements",
    "issement",
    "ements",
    "ement",
    "ations",
    "ation",
    "ateurs",
    "atrices",
    "atrice",
    "iques",
    "ique",
    "euses",
    "euse",
    "eux",
    "ives",
    "ive",
    "ifs",
    "if",
    "ites",
    "ite",
    "aux",
    "elles",
    "elle",
    "ees",
    "ee",
    "es",
    "e",
)


def fold(text):
    """Lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("œ", "oe").replace("æ", "ae")


def stem(word):
    """A light French stemmer: plurals and the commonest derivational
    suffixes. Deliberately conservative: "partenaire" and "partenariat" stay
    apart, "formateurs" becomes "formateur"."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("eaux"):
        word = word[:-1]
    elif word.endswith("aux") and len(word) > 5:
        word = word[:-3] + "al"
    elif word.endswith(("s", "x")) and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def normalise(text):
    """Normalised words of `text`, space-separated (see the module docstring)."""
    if not text:
        return ""
    text = _ELIDED.sub(" ", str(text))
    words = _WORD.findall(fold(text))
    return " ".join(stem(w) for w in words if w not in _STOPWORDS)


def _plain(value):
    """Plain text of a string, rich text or StreamField value."""
    if value is None:
        return ""
    stream_block = getattr(value, "stream_block", None)
    if stream_block is not None:
        return " ".join(str(part) for part in stream_block.get_searchable_content(value))
    text = str(value)
    if "<" in text:
        text = re.sub(r"<[^>]+>", " ", text)
    return text


def searchable_text(*values):
    """The normalised text to index for an object's public fields."""
    return normalise(" ".join(_plain(v) for v in values))


def clean_query(raw):
    """Make any user input safe for every backend: no control characters or
    query-syntax characters, collapsed spaces, bounded length."""
    if not raw:
        return ""
    text = _UNSAFE.sub(" ", str(raw))[:MAX_QUERY_LENGTH]
    return " ".join(text.split())


def backend_query(raw):
    """The query sent to the backend: cleaned, then normalised."""
    return normalise(clean_query(raw))


def matching_pks(model_or_queryset, query):
    """Primary keys of the objects of `model_or_queryset` matching `query`,
    or None when the query is empty after cleaning."""
    query = backend_query(query)
    if not query:
        return None
    results = get_search_backend().search(query, model_or_queryset, operator="and")
    return [obj.pk for obj in results]


def filter_queryset(queryset, query):
    """Narrow `queryset` to the objects matching the free text `query`.

    Returns the queryset unchanged when the query is empty after cleaning.
    The result stays a plain queryset, so facets and pagination apply to it.
    """
    pks = matching_pks(queryset, query)
    if pks is None:
        return queryset
    return queryset.filter(pk__in=pks)
