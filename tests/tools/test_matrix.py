"""The engagement matrix: an accessible 3 × 4 table (and a list for small
screens), editable cells, links to the tool sheets tagged per cell."""

import re

import pytest

from core.vocabulary import EngagementDegree, EngagementScale
from projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from resources.factories import ToolSheetPageFactory
from tests.utils import count_queries, plain
from tools.factories import EngagementMatrixPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def matrix(tools_index):
    """The matrix with "Texte <scale> <degree>" in each cell."""
    return EngagementMatrixPageFactory(parent=tools_index, title="Matrice")


def add_sheet(parent, slug, scale, degree, live=True):
    return ToolSheetPageFactory(
        parent=parent, title=f"Fiche {slug}", slug=slug, engagement_scale=scale, engagement_degree=degree, live=live
    )


def table_of(html):
    return re.search(r'<div class="matrix matrix--table.*?</table>', html, re.S).group(0)


def test_table_has_caption_header_cells_and_every_cell_text(client, matrix):
    response = client.get(matrix.url)
    assert response.status_code == 200
    table = table_of(plain(response.content))
    assert "<caption>" in table
    assert re.findall(r'<th scope="col">([^<]+)</th>', table) == ["Niveau"] + [
        label for _, label in EngagementDegree.choices
    ]
    assert re.findall(r'<th scope="row">([^<]+)</th>', table) == [label for _, label in EngagementScale.choices]
    assert table.count("<td>") == 12
    for scale in EngagementScale.values:
        for degree in EngagementDegree.values:
            assert f"Texte {scale} {degree}" in table


def test_small_screens_get_the_same_content_as_a_list(client, matrix):
    html = plain(client.get(matrix.url).content)
    listing = html.split('<div class="matrix matrix--list">')[1]
    assert re.findall(r"<h2>([^<]+)</h2>", listing) == [label for _, label in EngagementScale.choices]
    assert listing.count("<h3>") == 12
    assert "Texte macro partenariat" in listing
    from django.contrib.staticfiles import finders

    css = open(finders.find("tools/tools.css")).read()
    assert ".matrix--list { display: none; }" in css
    assert re.search(r"@media \(max-width: 48rem\) \{\s*\.matrix--table \{ display: none; \}", css)


def test_cells_link_to_the_live_tool_sheets_of_their_level_and_degree(client, tools_index, matrix):
    add_sheet(tools_index, "decision-partagee", "micro", "collaboration")
    add_sheet(tools_index, "comite-usagers", "meso", "consultation")
    add_sheet(tools_index, "brouillon", "micro", "collaboration", live=False)
    add_sheet(tools_index, "sans-niveau", "", "")
    table = table_of(plain(client.get(matrix.url).content))
    cells = re.findall(r"<td>(.*?)</td>", table, re.S)
    order = [(s, d) for s in EngagementScale.values for d in EngagementDegree.values]
    by_key = dict(zip(order, cells, strict=True))
    assert 'href="/fiches-outils/decision-partagee/"' in by_key[("micro", "collaboration")]
    assert 'href="/fiches-outils/comite-usagers/"' in by_key[("meso", "consultation")]
    assert "Fiches outils :" in by_key[("micro", "collaboration")]
    assert "brouillon" not in table and "sans-niveau" not in table
    assert sum("href=" in cell for cell in cells) == 2


def test_projects_are_linked_in_their_cell_next_to_tool_sheets(client, home_page, tools_index, matrix):
    projects = ProjectIndexPageFactory(parent=home_page)
    project = ProjectPageFactory(
        parent=projects, title="Comité de patients fictif", engagement_scale="macro", engagement_degree="partenariat"
    )
    add_sheet(tools_index, "co-construire", "macro", "partenariat")
    table = table_of(plain(client.get(matrix.url).content))
    cell = re.findall(r"<td>(.*?)</td>", table, re.S)[-1]  # macro × partenariat
    assert "Fiches outils :" in cell and "Projets :" in cell
    assert cell.index("Fiches outils :") < cell.index("Projets :")
    assert f'href="{project.url}"' in cell and 'href="/fiches-outils/co-construire/"' in cell


def test_query_count_does_not_grow_with_linked_pages(client, tools_index, matrix):
    add_sheet(tools_index, "fiche-0", "micro", "information")
    client.get(matrix.url)
    _, small = count_queries(client, matrix.url)
    for n in range(1, 12):
        scale = EngagementScale.values[n % 3]
        degree = EngagementDegree.values[n % 4]
        add_sheet(tools_index, f"fiche-{n}", scale, degree)
    response, large = count_queries(client, matrix.url)
    assert response.content.decode().count('href="/fiches-outils/fiche-') == 2 * 12  # table and list
    assert small == large, (small, large)
