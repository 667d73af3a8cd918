"""Fixtures for the interactive tools: the /fiches-outils/ index, the
barometer page with a small, hand-made set of dimensions, and helpers that
post the answer form the way a browser does."""

import pytest
from django.core.cache import cache

from core.antiabuse import HONEYPOT_FIELD, TIMESTAMP_FIELD
from resources.factories import ToolSheetIndexPageFactory
from tools.factories import BarometerDimensionFactory, SelfAssessmentPageFactory


@pytest.fixture(autouse=True)
def clear_rate_limits():
    """Rate-limit counters live in the (process-wide) cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def tools_index(home_page):
    return ToolSheetIndexPageFactory(parent=home_page)


@pytest.fixture
def dimensions(db):
    """Three dimensions: A (2 criteria), B (3 criteria), C (1 criterion)."""
    spec = [("Co-expression", ["a1", "a2"]), ("Co-construction", ["b1", "b2", "b3"]), ("Co-décision", ["c1"])]
    return [
        BarometerDimensionFactory(name=name, sort_order=order, criteria=[f"Critère {text}" for text in criteria])
        for order, (name, criteria) in enumerate(spec)
    ]


@pytest.fixture
def barometer(tools_index, dimensions):
    return SelfAssessmentPageFactory(parent=tools_index)


def criteria_of(dimensions):
    return [c for d in dimensions for c in d.criteria.all()]


def answer_data(client, url, dimensions, role="patient", values=None, finish=True, comments=None):
    """POST data for the answer form at `url`: `values` maps criterion text
    (e.g. "Critère a1") to a value; missing criteria are left out."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    data = {
        "role": role,
        TIMESTAMP_FIELD: response.context["form"].initial[TIMESTAMP_FIELD],
        HONEYPOT_FIELD: "",
    }
    values = values if values is not None else {}
    for criterion in criteria_of(dimensions):
        value = values.get(criterion.text)
        if value is not None:
            data[f"critere_{criterion.pk}"] = str(value)
    for dimension in dimensions:
        text = (comments or {}).get(dimension.name)
        if text:
            data[f"commentaire_{dimension.pk}"] = text
    data["valider" if finish else "brouillon"] = "1"
    return data


def all_values(value_by_text=None, default=2):
    texts = ["a1", "a2", "b1", "b2", "b3", "c1"]
    values = {f"Critère {t}": default for t in texts}
    values.update(value_by_text or {})
    return values
