"""French typography at render time.

French puts a narrow no-break space (U+202F, « espace fine insécable ») before
« ; : ! ? » and inside « guillemets », a no-break space (U+00A0) in « n° 2 »,
« 12 h 30 » and between a number and its unit, narrow no-break spaces as
thousands separators, and a typographic apostrophe (’). Editors and template
authors type ordinary spaces and straight apostrophes; this module fixes the
text when it is shown, so the stored content stays easy to edit:

- `typographize_plain(text)`: plain text (email subjects and bodies);
- `typographize_html(html)`: HTML, text nodes only — never tags, attributes,
  comments, `<pre>`, `<code>`, `<kbd>`, `<samp>`, `<script>`, `<style>`,
  `<textarea>`, nor anything that looks like a URL or an email address;
- `TypographyMiddleware`: applies `typographize_html` to every public HTML
  response. Never under /admin/ (the rich-text editor would save the no-break
  spaces back into the content), except Wagtail's previews, which show the
  public page.
"""

import re

from django.conf import settings

NNBSP = "\u202f"  # narrow no-break space
NBSP = "\u00a0"  # no-break space

# Whitespace as it appears in rendered text: ordinary, no-break (also as
# entities), newlines from template indentation.
# (HTML text nodes have their apostrophe and no-break space entities decoded
# first, and other entities protected: see typographize_html.)
_SPACE = "[ \t\r\n\u00a0\u202f]"
_APOSTROPHE = "'"

# Tokens left alone inside text: URLs, email addresses.
_URL = r"(?:https?://|mailto:|www\.)[^\s<>\"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_PROTECTED = re.compile(_URL, re.IGNORECASE)
# In HTML, character references are protected too (« &amp; » ends with a semicolon).
_PROTECTED_HTML = re.compile(_URL + r"|&#?\w+;", re.IGNORECASE)
_DECODED = {"&#x27;": "'", "&#39;": "'", "&apos;": "'", "&nbsp;": NBSP, "&#160;": NBSP, "&#xa0;": NBSP}
_DECODE = re.compile("|".join(re.escape(entity) for entity in _DECODED), re.IGNORECASE)

_RULES = [
    # Typographic apostrophe between letters: l'annuaire, aujourd'hui.
    (re.compile(rf"(?<=[^\W\d_]){_APOSTROPHE}(?=[^\W\d_])"), "\u2019"),
    # ... also when an element follows the elision: « l'<a>engagement</a> ».
    (re.compile(rf"(?<=\b[cdjlmnst]){_APOSTROPHE}$|(?<=\bqu){_APOSTROPHE}$", re.IGNORECASE), "\u2019"),
    # Spaces (any run, line breaks included) before ; : ! ? become one narrow
    # no-break space; a missing one is added after a word or a closing sign.
    # The sign must end a word (space, end of text, closing sign, punctuation
    # follow): « 12:30 », « 1:3 », « ?q= » are left alone.
    (re.compile(rf"(?<!{_SPACE}){_SPACE}+([;:!?])(?=[\s\u00a0\u202f»)\].,;:!?<&]|$)"), NNBSP + r"\1"),
    (re.compile(r"(?:(?<=[^\W_])|(?<=[»)\]]))([;!?])(?=[\s\u00a0»)\].,]|$)"), NNBSP + r"\1"),
    (re.compile(r"(?<=[^\W\d_»)\]])(:)(?=[ \t\r\n\u00a0])"), NNBSP + r"\1"),
    # Inside guillemets.
    (re.compile(rf"«{_SPACE}*"), "«" + NNBSP),
    (re.compile(rf"(?<!«){_SPACE}*»"), NNBSP + "»"),
    # n° 2, N° 12.
    (re.compile(rf"\b([nN]°){_SPACE}*(?=\d)"), r"\1" + NBSP),
    # 12 h 30, 9 h.
    (re.compile(rf"(?<=\d){_SPACE}+h{_SPACE}+(?=\d\d\b)"), NBSP + "h" + NBSP),
    (re.compile(rf"(?<=\d){_SPACE}+h\b"), NBSP + "h"),
    # Thousands separators: 10 000, 1 250 000 (the digits stay; only the space changes).
    (re.compile(rf"(?<=\b\d)(?<!\d\d\d\d){_SPACE}(?=\d\d\d\b)"), NNBSP),
    (re.compile(rf"(?<=\b\d\d)(?<!\d\d\d\d\d){_SPACE}(?=\d\d\d\b)"), NNBSP),
    (re.compile(rf"(?<=\b\d\d\d)(?<!\d\d\d\d\d\d){_SPACE}(?=\d\d\d\b)"), NNBSP),
    (re.compile(rf"(?<=\d\d\d{NNBSP}\d\d\d){_SPACE}(?=\d\d\d\b)"), NNBSP),
    # A number and its unit.
    (re.compile(rf"(?<=\d){_SPACE}+%"), NNBSP + "%"),
    (
        re.compile(
            rf"(?<=\d){_SPACE}+(€|k€|M€|km|kg|Mo|Ko|Go|min|mn|ans?|mois|jours?|semaines?|heures?|minutes?|"
            rf"places?|personnes?|partenaires?|patients?|projets?|dossiers?|candidatures?)(?!\w)"
        ),
        NNBSP + r"\1",
    ),
]

# A cheap test before running the rules: nothing to do in most text nodes.
_NEEDS = re.compile(r"[;:!?«»'°%€\d]|&#x27;|&#39;|&apos;", re.IGNORECASE)


def _fix(text):
    if not _NEEDS.search(text):
        return text
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def typographize_plain(text, protected=_PROTECTED):
    """French typography on plain text, URLs and email addresses untouched."""
    if not text:
        return text
    parts = []
    position = 0
    for match in protected.finditer(text):
        parts.append(_fix(text[position : match.start()]))
        parts.append(match.group(0))
        position = match.end()
    parts.append(_fix(text[position:]))
    return "".join(parts)


# Tags, comments, doctype and CDATA: never changed.
_MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[!?/]?[a-zA-Z][^>]*>|<[!?][^>]*>", re.DOTALL)
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
# Elements whose text is left as it is (code, scripts, form values).
SKIPPED_ELEMENTS = frozenset({"pre", "code", "kbd", "samp", "script", "style", "textarea", "var"})


def typographize_html(html):
    """French typography on the text nodes of an HTML document or fragment."""
    if not html or not _NEEDS.search(html):
        return html
    out = []
    position = 0
    skipping = []  # stack of open skipped elements
    for match in _MARKUP.finditer(html):
        text = html[position : match.start()]
        if text:
            out.append(text if skipping else _typographize_text_node(text))
        tag = match.group(0)
        out.append(tag)
        position = match.end()
        name_match = _TAG_NAME.match(tag)
        if name_match:
            closing, name = name_match.group(1), name_match.group(2).lower()
            if name in SKIPPED_ELEMENTS:
                if closing:
                    if name in skipping:
                        while skipping and skipping.pop() != name:
                            pass
                elif not tag.endswith("/>"):
                    skipping.append(name)
    tail = html[position:]
    if tail:
        out.append(tail if skipping else _typographize_text_node(tail))
    return "".join(out)


def _typographize_text_node(text):
    if not _NEEDS.search(text):
        return text
    return typographize_plain(_DECODE.sub(lambda m: _DECODED[m.group(0).lower()], text), _PROTECTED_HTML)


class TypographyMiddleware:
    """Apply `typographize_html` to public HTML responses (and previews)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + getattr(settings, "PORTAL_ADMIN_PATH", "admin").strip("/") + "/"

    def __call__(self, request):
        response = self.get_response(request)
        if not self._applies(request, response):
            return response
        charset = response.charset or "utf-8"
        html = response.content.decode(charset)
        fixed = typographize_html(html)
        if fixed != html:
            response.content = fixed.encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response

    def _applies(self, request, response):
        if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
            return False
        if response.has_header("Content-Encoding"):
            return False
        if request.path.startswith(self.admin_prefix) or request.path.startswith("/django-admin/"):
            return getattr(request, "is_preview", False)
        return True
