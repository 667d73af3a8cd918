"""Project pages: tree rules, rendering of the fact sheet and the body,
search text, validation."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from projects.models import ProjectIndexPage, ProjectPage
from search.text import normalise
from tests.utils import plain


class ProjectTreeRules(WagtailPageTestCase):
    def test_projects_live_only_under_the_index_and_the_index_under_home(self):
        self.assertCanCreateAt(ProjectIndexPage, ProjectPage)
        self.assertCanNotCreateAt(HomePage, ProjectPage)
        self.assertCanCreateAt(HomePage, ProjectIndexPage)
        self.assertAllowedSubpageTypes(ProjectPage, {})


BODY = [
    ("objectives", {"title": "Objectifs", "items": ["Réduire l'attente", "Mieux informer"]}),
    ("team", {"title": "L'équipe", "members": [{"kind": "patient", "role": "patiente partenaire", "count": 2}]}),
    ("steps", {"title": "Étapes", "steps": [{"title": "Diagnostic partagé", "period": "2023", "text": ""}]}),
    (
        "indicators",
        {
            "title": "Résultats",
            "indicators": [{"label": "Patients associés", "value": "12", "unit": "personnes"}],
            "note": "",
        },
    ),
    ("callout", {"kind": "vigilance", "title": "", "text": "<p>Prévoir du temps.</p>"}),
]


@pytest.mark.django_db
def test_project_page_shows_its_facts_and_body(client, project_factory):
    project = project_factory(
        title="Signalétique testée par les usagers",
        domain="organisation-des-soins",
        tags=["signalétique"],
        roles=["representant-usagers"],
        body=BODY,
        is_illustrative=True,
        contact_label="Direction de la qualité",
        contact_email="qualite@example.org",
    )
    response = client.get(project.url)
    assert response.status_code == 200
    html = plain(response.content)
    assert html.count("<h1") == 1
    for text in (
        "Organisation des soins",
        "Haute-Garonne (31)",
        "Occitanie",
        "Représentant des usagers",
        "signalétique",
        "Exemple illustratif",
        "Réduire l'attente",
        "patiente partenaire",
        "<caption>Résultats",
        '<th scope="row">Patients associés</th>',
        "12 personnes",
        "Point de vigilance",
        "qualite@example.org",
    ):
        assert text in html, text
    assert 'href="/projets/domaine/organisation-des-soins/"' in html
    assert 'href="/projets/?theme=signalétique"' in html


@pytest.mark.django_db
def test_contact_is_hidden_unless_the_editor_sets_it(client, project_factory):
    html = client.get(project_factory().url).content.decode()
    assert "mailto:" not in html
    assert "Exemple illustratif" not in html


@pytest.mark.django_db
def test_region_is_derived_from_the_department(project_factory):
    project = project_factory(department_code="75", region_code="")
    assert ProjectPage.objects.get(pk=project.pk).region_code == "11"


@pytest.mark.django_db
def test_end_year_before_start_year_is_refused(project_factory):
    project = project_factory(start_year=2022, end_year=2024)
    project.start_year, project.end_year = 2024, 2022
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "end_year" in error.value.message_dict


@pytest.mark.django_db
def test_search_text_holds_public_fields_normalised(project_factory):
    project = project_factory(
        title="Éducation thérapeutique", tags=["pair-aidance"], domain="soins", contact_email="secret@example.org"
    )
    text = project.search_text()
    assert normalise("Éducation thérapeutique") in text
    assert normalise("pair-aidance") in text
    assert normalise("Toulouse Haute-Garonne") in text
    assert "secret" not in text


@pytest.mark.django_db
def test_draft_project_is_not_served(client, project_factory):
    draft = project_factory(live=False)
    assert client.get("/projets/" + draft.slug + "/").status_code == 404


@pytest.mark.django_db
def test_related_tool_sheets_are_listed(client, project_factory, home_page):
    from projects.models import ProjectRelatedSheet
    from resources.models import ToolSheetPage

    sheet, _sheets = _tool_sheet(home_page)
    project = project_factory()
    ProjectRelatedSheet.objects.create(page=project, sheet=sheet)
    html = client.get(project.url).content.decode()
    assert "Fiches outils liées" in html
    assert sheet.title in html
    assert ToolSheetPage.objects.get(pk=sheet.pk).project_links.count() == 1


def _tool_sheet(home_page):
    from resources.factories import ToolSheetIndexPageFactory, ToolSheetPageFactory

    sheets = ToolSheetIndexPageFactory(parent=home_page)
    sheet = ToolSheetPageFactory(parent=sheets, title="Constituer un binôme de co-pilotage", slug="binome")
    return sheet, sheets


@pytest.mark.django_db
def test_lexicon_term_in_a_project_body_is_linked(client, project_factory, home_page):
    from resources.factories import GlossaryTermFactory, LexiconPageFactory

    _sheet, sheets = _tool_sheet(home_page)
    LexiconPageFactory(parent=sheets)
    GlossaryTermFactory(
        term="pair-aidance", short_definition="Soutien apporté par une personne qui a vécu la même situation."
    )
    project = project_factory(body=[("paragraph", "<p>Un projet de pair-aidance en cancérologie.</p>")])
    html = client.get(project.url).content.decode()
    assert 'href="/fiches-outils/lexique/pair-aidance/"' in html
    assert "Les mots de ce projet" in html
