"""Excerpts with the matched words highlighted.

No backend highlights on SQLite, so we do it here for every backend: the
object's public text is cut around the first word whose normalised form
matches a query term, every such word is wrapped in <mark>, and everything
else is escaped. The user's input is never echoed: only the object's own
words are marked.
"""

import html
import re
from functools import lru_cache

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from search.text import _plain, fold, normalise

EXCERPT_LENGTH = 240
# Characters of a long text scanned for a match.
MAX_SCANNED = 20_000
_TOKEN = re.compile(r"\w+", re.UNICODE)


def plain_text(value):
    """Readable plain text of a string, rich text or StreamField value."""
    text = _plain(value)
    if "<" in text or "&" in text:
        text = html.unescape(strip_tags(text))
    return " ".join(text.split())


@lru_cache(maxsize=8192)
def _matches(word, terms):
    """Whether `word` matches one of `terms` (a tuple of normalised words)."""
    folded = fold(word)
    if not any(folded.startswith(term[:3]) for term in terms):
        return False
    normalised = normalise(word)
    if not normalised:
        return False
    return any(normalised == term or (len(term) >= 4 and normalised.startswith(term)) for term in terms)


def _window(text, start, length):
    """[a, b) of about `length` characters around `start`, on word boundaries."""
    a = max(0, start - length // 3)
    if a > 0:
        space = text.find(" ", a)
        a = space + 1 if 0 <= space < start else a
    b = min(len(text), a + length)
    if b < len(text):
        space = text.rfind(" ", a, b)
        b = space if space > start else b
    return a, b


def highlight(text, terms):
    """`text` escaped, with the words matching `terms` in <mark>."""
    terms = tuple(terms or ())
    out, last = [], 0
    for match in _TOKEN.finditer(text):
        if _matches(match.group(), terms):
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 (every piece is escaped above)


def excerpt(values, terms, length=EXCERPT_LENGTH):
    """An excerpt of the first of `values` (public text fields) holding a
    match, highlighted; else the start of the first non-empty one."""
    terms = tuple(terms or ())
    texts = [t[:MAX_SCANNED] for t in (plain_text(v) for v in values) if t]
    if not texts:
        return ""
    if terms:
        for text in texts:
            for match in _TOKEN.finditer(text):
                if _matches(match.group(), terms):
                    a, b = _window(text, match.start(), length)
                    body = highlight(text[a:b], terms)
                    prefix = "… " if a > 0 else ""
                    suffix = " …" if b < len(text) else ""
                    return mark_safe(f"{prefix}{body}{suffix}")  # noqa: S308 (body is escaped)
    text = texts[0]
    a, b = _window(text, 0, length)
    return mark_safe(highlight(text[a:b], terms) + (" …" if b < len(text) else ""))  # noqa: S308
