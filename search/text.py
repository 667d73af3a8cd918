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

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from modelsearch.query import And, Or, Phrase, PlainText
from modelsearch.utils import parse_query_string
from wagtail.search.backends import get_search_backend

from search import ranking

MAX_QUERY_LENGTH = 200
# Most words a query may hold: longer queries are cut (each word is a clause).
MAX_QUERY_WORDS = 12
# Upper bound of primary keys fetched from a search server that is not the
# database (Elasticsearch, OpenSearch); the database backends need no bound.
MAX_EXTERNAL_RESULTS = 1000
# Control characters (NUL included), query syntax of every backend, and the
# Unicode "format" characters (bidirectional marks, zero-width joiners).
_UNSAFE = re.compile(r"[\x00-\x1f\x7f*()^:{}\[\]~\\<>|!?+=&@#$%;,/`\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
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


def singular(word):
    """The folded word without its plural mark ("aidants" -> "aidant",
    "hopitaux" -> "hopital")."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("eaux"):
        return word[:-1]
    if word.endswith("aux") and len(word) > 5:
        return word[:-3] + "al"
    if word.endswith(("s", "x")) and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def stem(word):
    """A light French stemmer: plurals and the commonest derivational
    suffixes. Deliberately conservative: "partenaire" and "partenariat" stay
    apart, "formateurs" becomes "formateur"."""
    if len(word) <= 3 or word.isdigit():
        return word
    word = singular(word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def words(text):
    """The words of `text` folded (lower case, no accents), without elided
    articles and stop words, not stemmed."""
    if not text:
        return []
    text = _ELIDED.sub(" ", str(text))
    return [w for w in _WORD.findall(fold(text)) if w not in _STOPWORDS]


def normalise(text):
    """Normalised words of `text`, space-separated (see the module docstring)."""
    return " ".join(stem(w) for w in words(text))


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
    """Make any user input safe for every backend and fit to show back:
    no control or query-syntax characters, balanced double quotes (a lone
    quote is dropped), collapsed spaces, at most MAX_QUERY_LENGTH characters
    (cut at a word boundary)."""
    if not raw:
        return ""
    text = _UNSAFE.sub(" ", str(raw)[: MAX_QUERY_LENGTH * 4])
    text = text.replace("«", '"').replace("»", '"').replace("“", '"').replace("”", '"')
    if text.count('"') % 2:
        head, _, tail = text.rpartition('"')
        text = head + " " + tail
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] if " " in text[:MAX_QUERY_LENGTH] else text[:MAX_QUERY_LENGTH]
        if text.count('"') % 2:
            text = text.replace('"', "")
    return text.strip()


def backend_query(raw):
    """The words sent to the backend: cleaned, then normalised (a string)."""
    return normalise(clean_query(raw))


def query_terms(raw):
    """The normalised words of a query, without duplicates, in order."""
    return list(dict.fromkeys(backend_query(raw).split()))[:MAX_QUERY_WORDS]


def parse_query(raw, operator="and"):
    """The backend query object for the user input `raw`, or None when
    nothing searchable is left.

    Quoted parts become phrases (Wagtail's `parse_query_string`), the rest
    plain words; both are normalised the way `searchable_text` normalises
    indexed text, so they meet on every backend. `operator="or"` asks for any
    of the words instead of all of them.
    """
    cleaned = clean_query(raw)
    if not cleaned:
        return None
    _filters, parsed = parse_query_string(cleaned, operator=operator)
    clauses = []
    words_left = MAX_QUERY_WORDS
    for token in getattr(parsed, "subqueries", [parsed]):
        typed = words(getattr(token, "query_string", ""))[:words_left]
        if not typed:
            continue
        words_left -= len(typed)
        if isinstance(token, Phrase) and len(typed) > 1:
            clauses.append(Phrase(" ".join(stem(w) for w in typed)))
        else:
            clauses.extend(_word_clause(w) for w in dict.fromkeys(typed))
        if words_left <= 0:
            break
    if not clauses:
        return None
    if len(clauses) == 1:
        return clauses[0]
    if operator == "or":
        return Or(clauses)
    return And(clauses)


def _word_clause(word):
    """A word of the query: its stem (which meets the normalised
    `search_text` of every object), or the word as typed or in the singular,
    folded (which meet the raw title, so that title matches rank first)."""
    forms = list(dict.fromkeys([stem(word), word, singular(word)]))
    if len(forms) == 1:
        return PlainText(word)
    return Or([PlainText(form) for form in forms])


def _unfiltered(model):
    """All objects of `model`: the search runs unfiltered (backends refuse
    filters on fields that are not `FilterField`s) and the caller's queryset
    is narrowed afterwards."""
    return model._base_manager.order_by()


def _search(model, query, operator="and"):
    query_object = parse_query(query, operator=operator)
    if query_object is None:
        return None
    return get_search_backend().search(query_object, _unfiltered(model), operator=operator, order_by_relevance=False)


def matching_pks(model_or_queryset, query):
    """Primary keys of the objects of `model_or_queryset` matching `query`,
    or None when the query is empty after cleaning. Objects are not loaded:
    on the database backends only the keys are read."""
    queryset = _as_queryset(model_or_queryset)
    query_object = parse_query(query)
    if query_object is None:
        return None
    keys = _sqlite_match_keys(queryset.model, query_object)
    if keys is not None:
        return list(queryset.filter(pk__in=keys).values_list("pk", flat=True))
    results = _search(queryset.model, query)
    if hasattr(results, "get_queryset"):
        matches = results.get_queryset().values("pk")
        return list(queryset.filter(pk__in=matches).values_list("pk", flat=True))
    pks = [obj.pk for obj in results[:MAX_EXTERNAL_RESULTS]]
    return list(queryset.filter(pk__in=pks).values_list("pk", flat=True))


# Above this many matches, the SQLite fast path hands over to a subquery
# (SQLite accepts at most 32,766 parameters in one statement).
MAX_MATERIALISED_KEYS = 20_000


def _sqlite_match_keys(model, query_object):
    """Keys of the objects of `model` (and its subclasses) whose index entry
    matches, read FTS-first on SQLite; None where this does not apply.

    Through modelsearch's own queryset, SQLite's planner walks every index
    entry of the content type and evaluates MATCH once per row (0.4–1 s at
    10,000 profiles). Matching on the FTS table alone lets it use the
    full-text index, then the content type is checked here (about 10 ms)."""
    backend = get_search_backend()
    if ranking.vendor(backend) != "sqlite":
        return None
    entries, prefix, _rank, _descending = ranking._sqlite_entries(backend, query_object, autocomplete=False)
    models = [m for m in apps.get_models() if issubclass(m, model) and not m._meta.abstract]
    content_types = {ct.pk for ct in ContentType.objects.get_for_models(*models, for_concrete_models=False).values()}
    rows = entries.values_list(f"{prefix}content_type_id", f"{prefix}object_id")
    to_python = model._meta.pk.to_python
    keys = []
    for content_type_id, object_id in rows.iterator():
        if content_type_id in content_types:
            keys.append(to_python(object_id))
            if len(keys) > MAX_MATERIALISED_KEYS:
                return None
    return keys


def filter_queryset(queryset, query):
    """Narrow `queryset` to the objects matching the free text `query`.

    Returns the queryset unchanged when the query is empty after cleaning.
    The result stays a plain queryset, so facets, ordering and pagination
    apply to it. The matching keys are read once (SQLite) or kept as a
    subquery (PostgreSQL, whose planner uses the GIN index), so facet counts
    do not run the full-text search again.
    """
    query_object = parse_query(query)
    if query_object is None:
        return queryset
    keys = _sqlite_match_keys(queryset.model, query_object)
    if keys is not None:
        return queryset.filter(pk__in=keys)
    results = _search(queryset.model, query)
    if hasattr(results, "get_queryset"):
        return queryset.filter(pk__in=results.get_queryset().values("pk"))
    return queryset.filter(pk__in=[obj.pk for obj in results[:MAX_EXTERNAL_RESULTS]])


def _as_queryset(model_or_queryset):
    if hasattr(model_or_queryset, "_default_manager"):
        return model_or_queryset._default_manager.all()
    return model_or_queryset
