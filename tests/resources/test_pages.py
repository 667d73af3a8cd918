"""Sheets, the charter, the competency frameworks and their comparison."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from projects.models import ProjectRelatedSheet
from resources.factories import (
    CharterPageFactory,
    CompetencyFactory,
    CompetencyFrameworkIndexPageFactory,
    CompetencyFrameworkPageFactory,
    framework_domain,
)
from resources.models import ToolSheetPage, ToolSheetRelatedSheet
from search.text import normalise
from tests.utils import plain

from .conftest import make_sheet

pytestmark = pytest.mark.django_db


def test_sheet_shows_its_metadata_falc_and_pdf(client, sheet_index, categories, domains):
    pdf = Document(title="Fiche mise en page")
    pdf.file.save("fiche.pdf", ContentFile(b"%PDF-1.4 " + b"x" * 2048), save=False)
    pdf.save()
    make_sheet(
        sheet_index,
        1,
        category=categories[0],
        domain=domains[0],
        engagement_scale="meso",
        engagement_degree="partenariat",
        audiences=["patients", "directions"],
        tags=["co-construction"],
        pdf=pdf,
        body=[
            (
                "steps",
                {
                    "title": "En pratique",
                    "steps": [{"title": "Réunir", "who": "Le Copil", "why": "", "what": "<p>Une réunion.</p>"}],
                },
            )
        ],
        references=[
            (
                "reference",
                {"authors": "HAS", "year": 2020, "title": "Engagement des usagers", "publisher": "", "url": ""},
            )
        ],
        falc_body=[("paragraph", "<p>Un texte simple.</p>")],
        falc_reviewed_by="un groupe de patients",
    )
    response = client.get("/fiches-outils/fiche-1/")
    html = plain(response.content)
    assert response.status_code == 200
    assert html.count("<h1>") == 1
    for text in (
        "Comprendre",
        "Patients et proches-aidants, Directions et structures",
        "Méso : services et organisations",
        "Soins",
        "min</dd>",
        'href="#falc"',
        'id="falc"',
        "Relu par un groupe de patients",
        'Télécharger la fiche mise en page <span class="document-link__meta">(PDF, 2',
        "Qui ?",
        "<cite>Engagement des usagers</cite>",
        "resources/resources.css",
    ):
        assert text in html, text


def test_no_falc_section_when_empty(client, sheet_index):
    make_sheet(sheet_index, 1)
    html = client.get("/fiches-outils/fiche-1/").content.decode()
    assert 'id="falc"' not in html and "#falc" not in html


def test_reading_time_and_search_text(sheet_index):
    words = " ".join(["mot"] * 450)
    sheet = make_sheet(sheet_index, 1, summary="Pour les équipes.", body=[("paragraph", f"<p>{words}</p>")])
    assert sheet.reading_time == 3
    assert normalise("équipes") in sheet.search_text()


def test_related_sheets_editor_choices_first_then_shared_themes(sheet_index):
    main = make_sheet(sheet_index, 1, tags=["gouvernance"])
    chosen = make_sheet(sheet_index, 2, title="Zèbre choisi")
    shared = make_sheet(sheet_index, 3, title="Alpha partagé", tags=["gouvernance"])
    make_sheet(sheet_index, 4, title="Sans rapport", tags=["autre"])
    main = ToolSheetPage.objects.get(pk=main.pk)
    main.related_sheet_links = [ToolSheetRelatedSheet(sheet=chosen)]
    main.save_revision().publish()
    main = ToolSheetPage.objects.get(pk=main.pk)
    assert [s.pk for s in main.related_sheets()] == [chosen.pk, shared.pk]


def test_related_projects_chosen_and_sharing_a_theme(sheet_index, home_page, domains, django_assert_max_num_queries):
    sheet = make_sheet(sheet_index, 1, tags=["gouvernance"])
    projects = ProjectIndexPageFactory(parent=home_page)

    def project(slug, tags=()):
        return ProjectPageFactory(
            parent=projects,
            title=slug.title(),
            slug=slug,
            domain=domains[0],
            engagement_degree="partenariat",
            tags=tags,
        )

    chosen = project("zz-choisi")
    ProjectRelatedSheet.objects.create(page=chosen, sheet=sheet)
    themed = project("aa-theme", tags=["gouvernance"])
    project("autre", tags=["autre"])
    with django_assert_max_num_queries(2):
        related = sheet.related_projects()
    assert [p.pk for p in related] == [chosen.pk, themed.pk]


def test_charter_principles_have_unique_anchors(client, sheet_index):
    principle = {
        "title": "Respecter les savoirs",
        "anchor": "",
        "text": "<p>Texte.</p>",
        "for_everyone": ["Écouter."],
        "for_patients": ["Prendre du recul."],
        "for_professionals": [],
        "values": ["Respect"],
    }
    CharterPageFactory(
        parent=sheet_index,
        title="Charte",
        principles=[("principle", principle), ("principle", principle)],
        values__0__value__name="Respect",
    )
    html = client.get("/fiches-outils/charte-du-partenariat/").content.decode()
    assert 'id="respecter-les-savoirs"' in html and 'id="respecter-les-savoirs-2"' in html
    assert 'href="#respecter-les-savoirs-2"' in html
    assert "Les patients partenaires s'engagent à" in plain(html)
    assert "Les professionnels s'engagent à" not in plain(html)
    assert "Principe 2 :" in plain(html)


@pytest.fixture
def frameworks(sheet_index):
    shared = CompetencyFactory(name="Communiquer", sort_order=0)
    only_a = CompetencyFactory(name="Prendre du recul", sort_order=1)
    only_b = CompetencyFactory(name="Intégrer le patient", sort_order=2)
    index = CompetencyFrameworkIndexPageFactory(parent=sheet_index)
    a = CompetencyFrameworkPageFactory(
        parent=index,
        slug="patient",
        title="Patient partenaire",
        profile="Patient",
        domains=[
            framework_domain(
                "Relation", (shared, "Pour Communiquer", ["Écoute"]), (only_a, "Pour Prendre du recul", ["Recul"])
            )
        ],
    )
    b = CompetencyFrameworkPageFactory(
        parent=index,
        slug="pro",
        title="Professionnel",
        profile="Professionnel",
        domains=[
            framework_domain(
                "Relation",
                (only_b, "Pour Intégrer le patient", ["Accueil"]),
                (shared, "Pour Communiquer", ["Parle sans jargon"]),
            )
        ],
    )
    return index, a, b, (shared, only_a, only_b)


def test_framework_page_is_a_table_grid(client, frameworks):
    html = client.get("/fiches-outils/referentiels/patient/").content.decode()
    assert "<caption>" in html and '<th scope="row">Communiquer</th>' in html
    assert "Écoute" in html
    assert "/fiches-outils/referentiels/comparer/?a=patient" in html


def test_comparison_aligns_rows_on_shared_competencies(client, frameworks):
    _, a, b, (shared, only_a, only_b) = frameworks
    response = client.get("/fiches-outils/referentiels/comparer/", {"a": "patient", "b": str(b.pk)})
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [row[0].pk for row in rows] == [shared.pk, only_a.pk, only_b.pk]
    shared_row = rows[0]
    assert "Écoute" in shared_row[1][1]["indicators"] and "Parle sans jargon" in shared_row[2][1]["indicators"]
    assert rows[1][2] is None and rows[2][1] is None
    assert response.content.decode().count("non renseigné") == 2


def test_comparison_defaults_and_bad_input(client, frameworks):
    default = client.get("/fiches-outils/referentiels/comparer/")
    assert default.status_code == 200 and len(default.context["rows"]) == 3
    bad = client.get("/fiches-outils/referentiels/comparer/", {"a": "inconnu", "b": "<b>"})
    html = bad.content.decode()
    assert bad.status_code == 400
    assert "Le premier référentiel demandé n'existe pas" in plain(html)
    assert 'aria-describedby="comparer-a-erreur"' in html and "<b>" not in html.split("<main", 1)[1]


@pytest.mark.parametrize(
    "model_name",
    ["toolsheetpage", "charterpage", "lexiconpage", "competencyframeworkindexpage"],
)
def test_editors_can_open_the_add_form(admin_client, sheet_index, model_name):
    response = admin_client.get(f"/admin/pages/add/resources/{model_name}/{sheet_index.pk}/")
    assert response.status_code == 200


def test_snippets_admin(admin_client, terms):
    assert admin_client.get("/admin/snippets/resources/glossaryterm/").status_code == 200
    assert admin_client.get("/admin/snippets/resources/glossaryterm/add/").status_code == 200
    assert admin_client.get(f"/admin/snippets/resources/glossaryterm/edit/{terms['pp'].pk}/").status_code == 200
    assert admin_client.get("/admin/snippets/resources/toolsheetcategory/").status_code == 200
    assert admin_client.get("/admin/snippets/resources/competency/").status_code == 200
