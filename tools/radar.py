"""A radar chart computed server-side, drawn by a template as inline SVG: no
chart library, no JavaScript. Series are told apart by colour, dash pattern
and marker shape, and named in a legend: never by colour alone."""

import math
from dataclasses import dataclass

WIDTH = 760
HEIGHT = 520
RADIUS = 180
LABEL_GAP = 22

# (stroke colour, dash pattern, marker) — colours contrast ≥ 3:1 on white.
# Markers: filled circle, filled square, hollow circle, hollow square.
STYLES = [
    ("#1d4f91", "", "circle"),
    ("#8a3b12", "8 4", "square"),
    ("#2f6b2f", "2 3", "ring"),
    ("#6a3d8f", "12 4 2 4", "box"),
    ("#444444", "4 4", "circle"),
    ("#9b1c48", "1 2", "square"),
]


@dataclass
class Point:
    x: float
    y: float

    def __str__(self):
        return f"{self.x:g},{self.y:g}"

    @property
    def left(self):
        return round(self.x - 4, 2)

    @property
    def top(self):
        return round(self.y - 4, 2)


def polar(index, count, value, max_value, cx, cy, radius=RADIUS):
    """Where `value` sits on axis `index` of `count` (axis 0 points up, then
    clockwise)."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    r = radius * (max(0, min(value or 0, max_value)) / max_value)
    return Point(round(cx + r * math.cos(angle), 2), round(cy + r * math.sin(angle), 2))


def radar(axes, series, max_value=4, title="", width=WIDTH, height=HEIGHT):
    """Geometry of a radar chart.

    axes: list of axis labels; series: list of (label, values) with one value
    (or None) per axis. Returns a dict for templates/tools/includes/radar.html.
    """
    count = len(axes)
    cx, cy = width / 2, height / 2
    if count < 3:
        # A radar needs three axes; with fewer, the data table alone says it all.
        return None
    rings = [
        " ".join(str(polar(i, count, level, max_value, cx, cy)) for i in range(count))
        for level in range(1, max_value + 1)
    ]
    axis_list = []
    for i, label in enumerate(axes):
        end = polar(i, count, max_value, max_value, cx, cy)
        outer = polar(i, count, max_value, max_value, cx, cy, RADIUS + LABEL_GAP)
        anchor = "middle" if abs(outer.x - cx) < 1 else "start" if outer.x > cx else "end"
        dy = "-0.3em" if outer.y < cy - 1 else ("1em" if outer.y > cy + 1 else "0.35em")
        axis_list.append({"label": label, "end": end, "label_at": outer, "anchor": anchor, "dy": dy})
    ticks = [{"value": level, "at": polar(0, count, level, max_value, cx, cy)} for level in range(1, max_value + 1)]
    drawn = []
    for n, (label, values) in enumerate(series):
        colour, dash, marker = STYLES[n % len(STYLES)]
        points = [polar(i, count, v, max_value, cx, cy) for i, v in enumerate(values)]
        drawn.append(
            {
                "label": label,
                "values": values,
                "points": points,
                "points_attr": " ".join(str(p) for p in points),
                "colour": colour,
                "dash": dash,
                "marker": marker,
            }
        )
    return {
        "width": width,
        "height": height,
        "center": Point(cx, cy),
        "rings": rings,
        "axes": axis_list,
        "ticks": ticks,
        "series": drawn,
        "title": title,
        "legend_point": Point(22, 8),
    }
