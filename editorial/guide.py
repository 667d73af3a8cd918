"""The editors' guide (docs/guide-editorial.md, in French) served in the admin
at /admin/guide/ and linked from the admin's help menu (wagtail_hooks.py).
The Markdown file stays the single source: the repository's readers and the
working group read the same text."""

from functools import lru_cache
from pathlib import Path

import markdown
from django.conf import settings
from django.shortcuts import render

GUIDE = Path(settings.BASE_DIR) / "docs" / "guide-editorial.md"


@lru_cache(maxsize=1)
def _render(mtime):
    # The guide is written by the team (not user input): its HTML is trusted.
    text = GUIDE.read_text(encoding="utf-8")
    return markdown.markdown(text, extensions=["tables", "toc", "sane_lists"], output_format="html")


def guide(request):
    html = _render(GUIDE.stat().st_mtime)
    return render(request, "editorial/guide.html", {"guide_html": html})
