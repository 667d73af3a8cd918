"""Barometer arithmetic, kept free of the database so that it can be checked
with hand-worked numbers.

- A person's score for a dimension is the mean of the criteria they rated in
  it; their overall score is the mean of their dimension scores (each
  dimension weighs the same, whatever its number of criteria).
- A group (a role, or everyone) gets, per criterion, the mean of its members'
  values; per dimension, the mean of those criterion means; overall, the mean
  of its dimension scores.
- Spread per criterion: the range (max - min) of individual values and their
  population standard deviation.
- Disagreement per criterion: the gap between the highest and the lowest role
  mean (needs two roles); with a single role, the individual range.
"""

from dataclasses import dataclass, field
from statistics import pstdev

from django.utils.translation import gettext


def mean(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return sum(values) / len(values)


def value_of(scores, criterion):
    """A stored value, or None when unanswered or unusable."""
    raw = scores.get(str(criterion.pk))
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw <= 4:
        return None
    return raw


@dataclass
class ScoreBand:
    low: float  # inclusive lower bound on the 0–4 scale
    label: str
    meaning: str


def score_bands():
    """What a score means, from the lowest band up (translated at call time)."""
    return [
        ScoreBand(
            0, gettext("À construire"), gettext("Ce point n'est pas encore vécu ensemble : c'est un point de départ.")
        ),
        ScoreBand(
            1,
            gettext("Naissant"),
            gettext("Quelques actions communes existent, encore occasionnelles ou dépendantes de personnes."),
        ),
        ScoreBand(
            2,
            gettext("En développement"),
            gettext("Le travail ensemble est réel mais partiel : il reste à l'étendre et à l'organiser."),
        ),
        ScoreBand(
            3,
            gettext("Installé"),
            gettext("Le partenariat est la règle sur ce point : il s'agit de le maintenir et de le transmettre."),
        ),
    ]


def band_for(score):
    """The ScoreBand of a 0–4 score, or None when there is no score."""
    if score is None:
        return None
    return [band for band in score_bands() if score >= band.low][-1]


@dataclass
class DimensionScore:
    dimension: object
    score: float | None
    criteria: list = field(default_factory=list)  # [(criterion, value)]


@dataclass
class AnswerScore:
    dimensions: list
    overall: float | None

    @property
    def values(self):
        return [d.score for d in self.dimensions]


def score_answer(dimensions, scores):
    result = []
    for dimension in dimensions:
        rated = [(c, value_of(scores, c)) for c in dimension.criteria.all()]
        result.append(DimensionScore(dimension, mean(v for _, v in rated), rated))
    return AnswerScore(result, mean(d.score for d in result))


def lowest_criteria(dimensions, scores, limit=3):
    """The rated criteria with the lowest values (in their order on ties):
    the discussion points of a single barometer."""
    rated = [
        (value, position, dimension, criterion)
        for position, (dimension, criterion) in enumerate((d, c) for d in dimensions for c in d.criteria.all())
        if (value := value_of(scores, criterion)) is not None and value < 4
    ]
    rated.sort(key=lambda item: (item[0], item[1]))
    return [(dimension, criterion, value) for value, _, dimension, criterion in rated[:limit]]


@dataclass
class CriterionStats:
    dimension: object
    criterion: object
    count: int
    mean: float | None
    minimum: int | None
    maximum: int | None
    spread: int | None
    stdev: float | None
    role_means: dict  # role -> mean
    role_gap: float | None

    @property
    def disagreement(self):
        return self.role_gap if self.role_gap is not None else self.spread


@dataclass
class GroupScore:
    key: str
    label: str
    count: int
    dimensions: list  # [float | None], in dimension order
    overall: float | None


@dataclass
class RoundSummary:
    round: int
    answer_count: int
    overall: GroupScore
    roles: list  # [GroupScore]
    criteria: list  # [CriterionStats]

    def disagreements(self, limit=5):
        ranked = [s for s in self.criteria if s.disagreement]
        ranked.sort(key=lambda s: (-s.disagreement, -(s.spread or 0)))
        return ranked[:limit]


def group_score(key, label, dimensions, answers):
    dimension_scores = []
    for dimension in dimensions:
        criterion_means = [mean(value_of(a.scores, c) for a in answers) for c in dimension.criteria.all()]
        dimension_scores.append(mean(criterion_means))
    return GroupScore(key, label, len(answers), dimension_scores, mean(dimension_scores))


def summarise_round(round_number, dimensions, answers, role_labels):
    """Everything a session page shows for one round, from its completed answers."""
    by_role = {}
    for answer in answers:
        by_role.setdefault(answer.role, []).append(answer)
    roles = [group_score(role, label, dimensions, by_role[role]) for role, label in role_labels if role in by_role]
    criteria = []
    for dimension in dimensions:
        for criterion in dimension.criteria.all():
            values = [v for a in answers if (v := value_of(a.scores, criterion)) is not None]
            role_means = {
                role: m
                for role, members in by_role.items()
                if (m := mean(value_of(a.scores, criterion) for a in members)) is not None
            }
            criteria.append(
                CriterionStats(
                    dimension=dimension,
                    criterion=criterion,
                    count=len(values),
                    mean=mean(values),
                    minimum=min(values) if values else None,
                    maximum=max(values) if values else None,
                    spread=(max(values) - min(values)) if values else None,
                    stdev=pstdev(values) if values else None,
                    role_means=role_means,
                    role_gap=(max(role_means.values()) - min(role_means.values())) if len(role_means) > 1 else None,
                )
            )
    overall = group_score("ensemble", gettext("Ensemble"), dimensions, answers)
    return RoundSummary(round_number, len(answers), overall, roles, criteria)
