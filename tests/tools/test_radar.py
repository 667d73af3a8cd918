"""The radar chart: one axis per dimension, points where the scores are."""

import math
import re

import pytest

from tools.radar import RADIUS, radar


def test_one_axis_per_label_and_points_on_the_scores():
    chart = radar(["A", "B", "C", "D"], [("Moi", [4, 2, 0, 3])])
    cx, cy = chart["center"].x, chart["center"].y
    assert len(chart["axes"]) == 4
    points = chart["series"][0]["points"]
    # Axis 0 points up, then clockwise: up, right, down, left.
    assert (points[0].x, points[0].y) == (cx, cy - RADIUS)  # 4/4 of the radius, upwards
    assert (points[1].x, points[1].y) == (cx + RADIUS / 2, cy)  # 2/4, to the right
    assert (points[2].x, points[2].y) == (cx, cy)  # 0: the centre
    assert (points[3].x, points[3].y) == (cx - RADIUS * 3 / 4, cy)  # 3/4, to the left


def test_each_point_is_at_value_over_max_of_the_radius_on_its_axis():
    values = [1.5, 3.25, 0.5, 4, 2.75]
    chart = radar([f"d{i}" for i in range(5)], [("x", values)])
    cx, cy = chart["center"].x, chart["center"].y
    for i, (value, point) in enumerate(zip(values, chart["series"][0]["points"], strict=True)):
        distance = math.hypot(point.x - cx, point.y - cy)
        assert distance == pytest.approx(RADIUS * value / 4, abs=0.02)
        angle = math.atan2(point.y - cy, point.x - cx)
        expected = -math.pi / 2 + 2 * math.pi * i / 5
        assert math.cos(angle) == pytest.approx(math.cos(expected), abs=1e-3)
        assert math.sin(angle) == pytest.approx(math.sin(expected), abs=1e-3)


def test_missing_values_sit_at_the_centre_and_fewer_than_three_axes_give_no_chart():
    chart = radar(["A", "B", "C"], [("x", [None, 4, 4])])
    first = chart["series"][0]["points"][0]
    assert (first.x, first.y) == (chart["center"].x, chart["center"].y)
    assert radar(["A", "B"], [("x", [1, 2])]) is None


def test_series_differ_by_dash_and_marker_not_only_by_colour():
    chart = radar(["A", "B", "C"], [("un", [1, 1, 1]), ("deux", [2, 2, 2]), ("trois", [3, 3, 3])])
    styles = [(s["dash"], s["marker"]) for s in chart["series"]]
    assert len(set(styles)) == 3
    assert re.fullmatch(r"([\d.]+,[\d.]+ ?){3}", chart["series"][0]["points_attr"])
