"""Barometer arithmetic, checked against numbers worked out by hand."""

from types import SimpleNamespace

import pytest

from tools.scoring import lowest_criteria, mean, score_answer, summarise_round


class Criteria(list):
    def all(self):
        return self


def make_dimensions():
    """A: criteria 1, 2 — B: criteria 3, 4, 5 — C: criterion 6 (pks 1..6)."""
    criteria = {pk: SimpleNamespace(pk=pk, text=f"c{pk}") for pk in range(1, 7)}
    return [
        SimpleNamespace(pk=10, name="A", criteria=Criteria([criteria[1], criteria[2]])),
        SimpleNamespace(pk=11, name="B", criteria=Criteria([criteria[3], criteria[4], criteria[5]])),
        SimpleNamespace(pk=12, name="C", criteria=Criteria([criteria[6]])),
    ]


def answer(role, *values):
    return SimpleNamespace(role=role, scores={str(pk): v for pk, v in enumerate(values, start=1) if v is not None})


ROLES = [("professionnel", "Professionnel"), ("patient", "Patient"), ("ru", "RU")]


def test_dimension_scores_are_the_means_of_their_criteria_and_overall_the_mean_of_dimensions():
    dims = make_dimensions()
    # A: (1 + 4) / 2 = 2.5 ; B: (0 + 2 + 4) / 3 = 2 ; C: 3 ; overall: (2.5 + 2 + 3) / 3 = 2.5
    result = score_answer(dims, answer("patient", 1, 4, 0, 2, 4, 3).scores)
    assert result.values == [2.5, 2.0, 3.0]
    assert result.overall == pytest.approx(2.5)


def test_unanswered_criteria_are_left_out_of_the_mean_not_counted_as_zero():
    dims = make_dimensions()
    # A: only 3 → 3 ; B: (1 + 2) / 2 = 1.5 ; C: unanswered → None ; overall (3 + 1.5) / 2 = 2.25
    result = score_answer(dims, answer("patient", 3, None, 1, None, 2, None).scores)
    assert result.values == [3.0, 1.5, None]
    assert result.overall == pytest.approx(2.25)


def test_values_outside_the_scale_are_ignored():
    dims = make_dimensions()
    scores = {"1": 9, "2": -1, "3": "4", "4": True, "5": 4, "6": 0}
    result = score_answer(dims, scores)
    assert result.values == [None, 4.0, 0.0]


def test_lowest_criteria_are_the_discussion_points_in_their_order_on_ties():
    dims = make_dimensions()
    points = lowest_criteria(dims, answer("patient", 3, 1, 4, 1, 0, 2).scores, limit=3)
    assert [(c.pk, v) for _, c, v in points] == [(5, 0), (2, 1), (4, 1)]
    # Full marks are never a discussion point.
    assert lowest_criteria(dims, answer("patient", 4, 4, 4, 4, 4, 4).scores) == []


def test_session_averages_per_role_spread_and_disagreements():
    dims = make_dimensions()
    answers = [
        answer("professionnel", 4, 4, 3, 3, 3, 4),
        answer("professionnel", 2, 4, 3, 1, 3, 4),
        answer("patient", 1, 4, 1, 3, 3, 0),
    ]
    summary = summarise_round(0, dims, answers, ROLES)
    assert summary.answer_count == 3
    pro, patient = summary.roles
    assert (pro.key, pro.count, patient.key, patient.count) == ("professionnel", 2, "patient", 1)
    # Professionals: c1 = 3, c2 = 4 → A = 3.5 ; c3 = 3, c4 = 2, c5 = 3 → B = 8/3 ; C = 4
    assert pro.dimensions == pytest.approx([3.5, 8 / 3, 4.0])
    assert pro.overall == pytest.approx((3.5 + 8 / 3 + 4) / 3)
    # Patient: A = 2.5, B = 7/3, C = 0
    assert patient.dimensions == pytest.approx([2.5, 7 / 3, 0.0])
    # Everyone: c1 = 7/3, c2 = 4 → A = 19/6 ; c3 = 7/3, c4 = 7/3, c5 = 3 → B = 23/9 ; c6 = 8/3
    assert summary.overall.dimensions == pytest.approx([19 / 6, 23 / 9, 8 / 3])

    stats = {s.criterion.pk: s for s in summary.criteria}
    c1 = stats[1]
    assert (c1.count, c1.minimum, c1.maximum, c1.spread) == (3, 1, 4, 3)
    assert c1.mean == pytest.approx(7 / 3)
    # Population standard deviation of 4, 2, 1: mean 7/3, variance (25/9 + 1/9 + 16/9) / 3 = 14/9
    assert c1.stdev == pytest.approx((14 / 9) ** 0.5)
    assert c1.role_means == pytest.approx({"professionnel": 3.0, "patient": 1.0})
    assert c1.role_gap == pytest.approx(2.0)
    assert stats[2].spread == 0 and stats[2].role_gap == 0

    # Gaps between roles: c6 = 4, c1 = 2, c3 = 2 (c1 first: larger individual spread), c4 = 1.
    ranked = [s.criterion.pk for s in summary.disagreements(limit=4)]
    assert ranked == [6, 1, 3, 4]


def test_with_a_single_role_disagreement_is_the_individual_spread():
    dims = make_dimensions()
    answers = [answer("patient", 0, 2, 2, 2, 2, 2), answer("patient", 4, 2, 3, 2, 2, 2)]
    summary = summarise_round(0, dims, answers, ROLES)
    top = summary.disagreements()
    assert [(s.criterion.pk, s.disagreement) for s in top] == [(1, 4), (3, 1)]


def test_mean_of_nothing_is_none():
    assert mean([]) is None
    assert mean([None, None]) is None
