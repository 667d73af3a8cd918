"""The barometer result explains itself: score bands, the tool sheets that
help on the weakest dimensions, what to do next."""

import re

import pytest
from django.utils.html import strip_tags

from resources.factories import ToolSheetPageFactory
from tests.tools.conftest import all_values, answer_data
from tests.utils import plain
from tools.scoring import band_for

pytestmark = pytest.mark.django_db


def test_score_bands_cover_the_scale():
    assert band_for(None) is None
    assert [band_for(v).label for v in (0, 0.99, 1, 2.5, 3, 4)] == [
        "À construire",
        "À construire",
        "Naissant",
        "En développement",
        "Installé",
        "Installé",
    ]


def test_the_result_explains_bands_offers_sheets_and_next_steps(client, barometer, dimensions):
    helpful = ToolSheetPageFactory(parent=barometer.get_parent(), title="Fiche qui aide à co-construire")
    dimensions[1].help_sheets.set([helpful])
    dimensions[1].save()
    url = barometer.url + barometer.reverse_subpage("answer_new")
    values = all_values({"Critère a1": 4, "Critère a2": 4, "Critère b1": 0, "Critère b2": 1, "Critère b3": 1})
    values["Critère c1"] = 4
    response = client.post(url, answer_data(client, url, dimensions, values=values))
    text = re.sub(r"\s+", " ", strip_tags(plain(client.get(response["Location"]).content)))
    # Overall (4 + 0.67 + 4) / 3 = 2.89: "En développement", named in the lead and the legend.
    assert "Niveau : En développement." in text
    assert "Comment lire vos scores" in text and "De 3 à 4 : Installé" in text
    assert "Co-construction : Naissant" not in text  # 0.67 is below 1
    assert "Co-construction : À construire (0,67)" in text
    # The lowest criteria are in Co-construction: its linked sheet is offered.
    assert "Les fiches outils qui aident" in text and "Fiche qui aide à co-construire" in text
    assert "Et maintenant ?" in text and "temps T1" in text
