"""The small Markdown-like markup of the demo's rich text, turned into the
HTML Wagtail stores.

- Paragraphs are separated by a blank line; a line break inside a paragraph
  is a space (long sentences may be wrapped).
- Lines starting with "- " make a bulleted list (an item may go on over
  several lines).
- **bold**, *emphasis*, [link text](https://address).

Everything else is text: &, < and > are escaped, so no HTML slips through.
"""

import html
import re

INLINE = re.compile(
    r"\*\*(?P<bold>.+?)\*\*"
    r"|\*(?P<em>[^*]+?)\*"
    r"|\[(?P<label>[^\]]+)\]\((?P<url>[^)\s]+)\)"
)


def inline(text):
    """Bold, emphasis and links of one paragraph or list item."""
    parts, position = [], 0
    for match in INLINE.finditer(text):
        parts.append(html.escape(text[position : match.start()], quote=False))
        if match["bold"] is not None:
            parts.append(f"<b>{inline(match['bold'])}</b>")
        elif match["em"] is not None:
            parts.append(f"<em>{inline(match['em'])}</em>")
        else:
            parts.append(f'<a href="{html.escape(match["url"])}">{inline(match["label"])}</a>')
        position = match.end()
    parts.append(html.escape(text[position:], quote=False))
    return "".join(parts)


def to_html(text):
    """The HTML of a rich text written in the markup above."""
    chunks = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("- "):
            items = []
            for line in lines:
                if line.startswith("- "):
                    items.append(line[2:].strip())
                else:
                    items[-1] += " " + line
            chunks.append("<ul>" + "".join(f"<li>{inline(item)}</li>" for item in items) + "</ul>")
        else:
            chunks.append(f"<p>{inline(' '.join(lines))}</p>")
    return "".join(chunks)
