"""CSV downloads (semicolon-separated, UTF-8 with BOM: what spreadsheet
software in French opens without an import wizard)."""

import csv

from django.http import HttpResponse

from core.csvutils import safe_row

from .models import Role
from .scoring import score_answer, value_of


def _response(filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response


class _SafeWriter:
    """csv.writer whose cells are neutralised against formula injection."""

    def __init__(self, response):
        self._writer = csv.writer(response, delimiter=";")

    def writerow(self, row):
        return self._writer.writerow(safe_row(row))


def _number(value):
    return "" if value is None else f"{value:.2f}".replace(".", ",")


def answer_csv(answer, dimensions):
    response = _response("barometre-partenariat.csv")
    writer = _SafeWriter(response)
    writer.writerow(["Dimension", "Critère", "Valeur (0 à 4)"])
    result = score_answer(dimensions, answer.scores)
    for dimension_score in result.dimensions:
        for criterion, value in dimension_score.criteria:
            writer.writerow([dimension_score.dimension.name, criterion.text, "" if value is None else value])
        writer.writerow([dimension_score.dimension.name, "Score de la dimension", _number(dimension_score.score)])
    writer.writerow(["Ensemble", "Score global", _number(result.overall)])
    return response


def session_csv(session, dimensions):
    """One row per completed answer: round, role, then a value per criterion
    and a score per dimension. No token, no date: nothing that identifies."""
    response = _response("session-barometre-partenariat.csv")
    writer = _SafeWriter(response)
    criteria = [(d, c) for d in dimensions for c in d.criteria.all()]
    writer.writerow(
        ["Temps", "Rôle"]
        + [f"{d.axis_label} — {c.text}" for d, c in criteria]
        + [f"Score {d.axis_label}" for d in dimensions]
        + ["Score global"]
    )
    roles = dict(Role.choices)
    for answer in session.answers.filter(completed=True).order_by("round", "role", "id"):
        result = score_answer(dimensions, answer.scores)
        writer.writerow(
            [f"T{answer.round}", roles.get(answer.role, answer.role)]
            + ["" if (v := value_of(answer.scores, c)) is None else v for _, c in criteria]
            + [_number(d.score) for d in result.dimensions]
            + [_number(result.overall)]
        )
    return response
