"""Sources, origin, version and validation (resources/models/mixins.py,
resources/sources.py): the « À propos » box on every knowledge page and term,
« validé par » read from the cross review, and the bibliography page."""

import pytest
from django.utils import timezone

from editorial import roles
from editorial.factories import UserFactory
from resources.factories import (
    CharterPageFactory,
    CompetencyFrameworkIndexPageFactory,
    CompetencyFrameworkPageFactory,
    GlossaryTermFactory,
    LexiconPageFactory,
    ReferenceFactory,
    ToolSheetIndexPageFactory,
    ToolSheetPageFactory,
    reference_stream,
)
from resources.models import BibliographyPage, GlossaryTerm, ToolSheetPage
from resources.sources import run_cross_review
from tests.utils import count_queries, plain
from tools.factories import EngagementMatrixPageFactory, SelfAssessmentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return ToolSheetIndexPageFactory(parent=home_page)


@pytest.fixture
def has(db):
    return ReferenceFactory(
        authors="Haute Autorité de santé",
        year=2020,
        title="Soutenir et encourager l'engagement des usagers",
        publisher="HAS",
        url="https://www.has-sante.fr/jcms/p_3201812/fr/",
        theme="Engagement des usagers",
    )


@pytest.fixture
def pomey(db):
    return ReferenceFactory(authors="Pomey M.-P.", year=2015, title="Le Montreal model", theme="Partenariat patient")


@pytest.fixture
def people(db):
    roles.ensure_roles()
    return {
        "editor": UserFactory(groups=[roles.EDITORS]),
        "patient": UserFactory(groups=[roles.COPILOTS_PATIENTS]),
        "pro": UserFactory(groups=[roles.COPILOTS_PROFESSIONALS]),
    }


def cite(obj, *references, **fields):
    obj.source_references = reference_stream(*references)
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save_revision().publish()
    return obj.__class__.objects.get(pk=obj.pk)


def about_box(html):
    text = plain(html)
    start = text.index('class="about-box"')
    return text[start : text.index("</section>", start)]


def test_a_sheet_shows_its_sources_origin_version_and_non_relu(client, index, has, pomey):
    sheet = cite(ToolSheetPageFactory(parent=index), pomey, has, origin="adapte", version="1.2")
    box = about_box(client.get(sheet.url).content)
    assert "À propos de cet outil" in box and "Adapté des sources ci-dessous" in box
    assert box.index("Pomey M.-P. (2015)") < box.index("Haute Autorité de santé (2020)")  # the editors' order
    assert '<a href="https://www.has-sante.fr/jcms/p_3201812/fr/">' in box
    assert "1.2" in box and "Non relu" in box
    assert f'href="/pdf/{sheet.pk}/"' in box


def test_content_written_by_the_working_group_says_so(client, index):
    sheet = cite(
        ToolSheetPageFactory(parent=index),
        origin="groupe",
        origin_note="Indicateurs rédigés par le groupe de travail, sans source publiée.",
        next_review=timezone.localdate().replace(year=2030, month=6, day=1),
    )
    box = about_box(client.get(sheet.url).content)
    assert "Créé par le groupe de travail" in box and "Indicateurs rédigés par le groupe de travail" in box
    assert "Aucune source publiée" in box and "juin 2030" in box


def test_validated_by_comes_from_the_cross_review_that_published_the_page(client, index, has, people):
    sheet = cite(ToolSheetPageFactory(parent=index), has)
    state = run_cross_review(sheet, people["editor"], people["patient"], people["pro"])
    assert state.status == "approved"
    sheet = ToolSheetPage.objects.get(pk=sheet.pk)
    box = about_box(client.get(sheet.url).content)
    today = timezone.localdate()
    assert f'datetime="{today:%Y-%m-%d}"' in box
    assert "par les co-pilotes usagers et les co-pilotes professionnels" in box
    assert people["patient"].username not in box and "Non relu" not in box
    # Published again without review: this version is not validated.
    sheet.save_revision().publish()
    assert "Non relu" in about_box(client.get(sheet.url).content)


def test_every_page_type_with_sources_shows_the_box(client, index, has):
    frameworks = CompetencyFrameworkIndexPageFactory(parent=index)
    pages = [
        (CharterPageFactory(parent=index), "À propos de cette charte"),
        (CompetencyFrameworkPageFactory(parent=frameworks, profile="patient"), "À propos de ce référentiel"),
        (SelfAssessmentPageFactory(parent=index), "À propos de cet outil"),
        (EngagementMatrixPageFactory(parent=index), "À propos de cet outil"),
    ]
    for page, heading in pages:
        page = cite(page, has, version="3.0")
        box = about_box(client.get(page.url).content)
        assert heading in box and "Haute Autorité de santé (2020)" in box and "3.0" in box, page


def test_a_lexicon_term_shows_its_box(client, index, pomey):
    lexicon = LexiconPageFactory(parent=index)
    term = GlossaryTermFactory(term="Partenariat patient")
    term = cite(term, pomey, origin="adapte")
    response = client.get(lexicon.url + lexicon.reverse_subpage("term", args=[term.slug]))
    box = about_box(response.content)
    assert "À propos de cette définition" in box and "Pomey M.-P. (2015)" in box and "Non relu" in box
    assert "/pdf/" not in box  # terms have no PDF


def test_a_reviewed_lexicon_term_is_validated(index, pomey, people):
    term = cite(GlossaryTermFactory(term="Co-construction"), pomey)
    run_cross_review(term, people["editor"], people["patient"], people["pro"])
    term = GlossaryTerm.objects.get(pk=term.pk)
    assert term.validation is not None and len(term.validation.roles) == 2


def bibliography(index):
    page = BibliographyPage(title="Bibliographie", slug="bibliographie")
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_the_bibliography_lists_references_a_to_z_and_by_theme_with_citing_pages(client, index, has, pomey):
    lexicon = LexiconPageFactory(parent=index)
    sheet = cite(ToolSheetPageFactory(parent=index, title="Freins et leviers"), has)
    cite(CharterPageFactory(parent=index), has, pomey)
    cite(GlossaryTermFactory(term="Modèle de Montréal"), pomey)
    draft = ToolSheetPageFactory(parent=index, title="Brouillon secret", live=False)
    draft.source_references = reference_stream(has)
    draft.save()
    orphan = ReferenceFactory(authors="Zola É.", title="Ouvrage jamais cité", theme="")
    page = bibliography(index)
    html = plain(client.get(page.url).content)
    assert html.count("<h1") == 1
    a_z = html[html.index('id="a-z"') : html.index('id="par-theme"')]
    assert a_z.index("Haute Autorité") < a_z.index("Pomey") < a_z.index("Zola")
    has_entry = a_z[a_z.index(f'id="ref-{has.pk}"') : a_z.index(f'id="ref-{pomey.pk}"')]
    assert f'<a href="{sheet.url}">Freins et leviers</a>' in has_entry and "Charte du partenariat" in has_entry
    assert "Brouillon secret" not in html
    pomey_entry = a_z[a_z.index(f'id="ref-{pomey.pk}"') : a_z.index(f'id="ref-{orphan.pk}"')]
    assert lexicon.url + "modele-de-montreal/" in pomey_entry
    assert "Citée par aucune page publiée." in a_z[a_z.index(f'id="ref-{orphan.pk}"') :]
    themes = html[html.index('id="par-theme"') :]
    assert (
        themes.index("Autres références") < themes.index("Engagement des usagers") < themes.index("Partenariat patient")
    )
    assert f'href="#ref-{has.pk}"' in themes
    # The sheets link to it from their box.
    assert f'href="{page.url}"' in client.get(sheet.url).content.decode()


def test_the_bibliography_costs_the_same_queries_at_two_sizes(client, index, has):
    page = bibliography(index)
    for _ in range(2):
        cite(ToolSheetPageFactory(parent=index), ReferenceFactory())
    client.get(page.url)  # warm the per-process caches (site roots)
    _, small = count_queries(client, page.url)
    for _ in range(6):
        cite(ToolSheetPageFactory(parent=index), ReferenceFactory(), has)
    response, large = count_queries(client, page.url)
    assert response.status_code == 200
    assert large == small


def test_the_working_group_maintains_references_and_document_templates(client, people):
    client.force_login(people["editor"])
    for model in ("reference", "documenttemplate"):
        assert client.get(f"/admin/snippets/resources/{model}/add/").status_code == 200, model
