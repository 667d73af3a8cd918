"""Horizontal bar charts computed server-side and drawn by a template as
inline SVG (templates/about/includes/bars.html), like the barometer's radar
(tools/radar.py): no chart library, no JavaScript. Each bar carries its value
in text, and a data table follows every chart."""

WIDTH = 640
LABEL_WIDTH = 250
BAR_AREA = 320
ROW_HEIGHT = 30
BAR_HEIGHT = 20
TOP = 8


def bars(rows, title):
    """Geometry of a bar chart. `rows` is [(label, value)], a value an int or
    None (hidden under the threshold: no bar, "—" written)."""
    values = [value for _label, value in rows if value]
    top = max(values, default=0)
    drawn = []
    for i, (label, value) in enumerate(rows):
        y = TOP + i * ROW_HEIGHT
        length = round(BAR_AREA * value / top, 1) if value and top else 0
        drawn.append(
            {
                "label": label,
                "value": "—" if value is None else value,
                "y": y,
                "text_y": y + BAR_HEIGHT - 5,
                "length": length,
                "value_x": LABEL_WIDTH + length + 6,
            }
        )
    return {
        "title": title,
        "width": WIDTH,
        "height": TOP * 2 + ROW_HEIGHT * len(rows),
        "label_width": LABEL_WIDTH,
        "label_x": LABEL_WIDTH - 8,
        "bar_height": BAR_HEIGHT,
        "rows": drawn,
    }
