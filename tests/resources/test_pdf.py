"""PDFs of the printable pages (resources/pdf.py): each type renders from its
content with title, version and source; the URL fetcher never reaches the
network; stored files are served, replaced on publish, rendered when missing."""

import subprocess

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings

from resources import pdf
from resources.factories import (
    CharterPageFactory,
    CompetencyFrameworkIndexPageFactory,
    CompetencyFrameworkPageFactory,
    ReferenceFactory,
    ToolSheetIndexPageFactory,
    ToolSheetPageFactory,
    reference_stream,
)
from tests.utils import plain
from tools.factories import (
    BarometerAnswerFactory,
    BarometerDimensionFactory,
    EngagementMatrixPageFactory,
    SelfAssessmentPageFactory,
)

pytestmark = pytest.mark.django_db


def pdf_text(data):
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)  # noqa: S607
    return " ".join(plain(result.stdout.decode()).split())


@pytest.fixture
def index(home_page):
    return ToolSheetIndexPageFactory(parent=home_page)


@pytest.fixture
def reference(db):
    return ReferenceFactory(authors="Pomey M.-P.", title="Le Montreal model", publisher="Santé publique", year=2015)


def with_sources(page, reference, version="2.1"):
    page.source_references = reference_stream(reference)
    page.version = version
    page.origin = "adapte"
    page.save_revision().publish()
    return page.__class__.objects.get(pk=page.pk)


def test_each_printable_page_type_renders_title_version_and_source(index, reference):
    BarometerDimensionFactory(name="Co-expression", criteria=["Chacun peut parler."])
    frameworks = CompetencyFrameworkIndexPageFactory(parent=index)
    pages = [
        ToolSheetPageFactory(parent=index, title="Fiche à imprimer"),
        CharterPageFactory(parent=index, principles__0__principle__title="Confiance réciproque"),
        CompetencyFrameworkPageFactory(parent=frameworks, title="Référentiel patient", profile="patient partenaire"),
        EngagementMatrixPageFactory(parent=index, micro_information="Informer le patient de son parcours"),
        SelfAssessmentPageFactory(parent=index),
    ]
    for page in pages:
        page = with_sources(page, reference)
        text = pdf_text(pdf.render_page_pdf(page))
        assert page.title in text, page
        assert "Version 2.1" in text, page
        assert "Pomey M.-P. (2015)" in text and "Le Montreal model" in text, page
        assert "non relu" in text and "http://testserver" + page.url in text, page


def test_the_matrix_fits_a_landscape_page(index, reference):
    matrix = with_sources(EngagementMatrixPageFactory(parent=index), reference)
    data = pdf.render_page_pdf(matrix)
    info = " ".join(
        subprocess.run(["pdfinfo", "-"], input=data, capture_output=True, check=True).stdout.decode().split()  # noqa: S607
    )
    assert "Page size: 841.89 x 595.276 pts (A4)" in info
    assert "Pages: 1" in info


def test_a_barometer_result_downloads_as_pdf(client, index):
    dimension = BarometerDimensionFactory(name="Co-décision", criteria=["Les objectifs sont partagés."])
    page = SelfAssessmentPageFactory(parent=index)
    criterion = dimension.criteria.get()
    answer = BarometerAnswerFactory(session=None, scores={str(criterion.pk): 3})
    response = client.get(page.url + page.reverse_subpage("answer_pdf", args=[answer.token]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    text = pdf_text(response.content)
    assert "Co-décision" in text and "Les objectifs sont partagés." in text and page.title in text


def test_the_fetcher_refuses_the_network_and_the_file_system():
    fetcher = pdf.url_fetcher()
    for url in ("http://example.org/logo.png", "https://example.org/x.css", "file:///etc/passwd"):
        with pytest.raises(pdf.RefusedURL):
            fetcher.fetch(url)
    with pytest.raises(pdf.RefusedURL):
        fetcher.fetch("http://testserver/admin/")
    with pytest.raises(pdf.RefusedURL):
        fetcher.fetch("http://testserver/media/documents/private.pdf")


def test_the_fetcher_reads_static_and_media_from_the_storages():
    fetcher = pdf.url_fetcher()
    response = fetcher.fetch("http://testserver/static/resources/resources.css")
    assert b".references" in response.read()
    name = default_storage.save("images/test-logo.txt", ContentFile(b"logo"))
    assert fetcher.fetch(f"http://testserver/media/{name}").read() == b"logo"


def test_the_view_serves_the_stored_file_and_renders_a_missing_one(client, index, monkeypatch):
    sheet = ToolSheetPageFactory(parent=index)
    name = pdf.storage_name(sheet)
    default_storage.save(name, ContentFile(b"%PDF-stored"))
    response = client.get(f"/pdf/{sheet.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-stored"
    default_storage.delete(name)
    monkeypatch.setattr(pdf, "render_page_pdf", lambda page: b"%PDF-fresh")
    response = client.get(f"/pdf/{sheet.pk}/")
    assert b"".join(response.streaming_content) == b"%PDF-fresh"
    assert default_storage.exists(name)


def test_drafts_private_and_unprintable_pages_have_no_pdf(client, index, home_page):
    draft = ToolSheetPageFactory(parent=index, live=False)
    assert client.get(f"/pdf/{draft.pk}/").status_code == 404
    assert client.get(f"/pdf/{index.pk}/").status_code == 404
    assert client.get("/pdf/999999/").status_code == 404


def test_publishing_replaces_the_stored_pdf_through_the_task_backend(
    index, monkeypatch, django_capture_on_commit_callbacks
):
    sheet = ToolSheetPageFactory(parent=index)
    name = pdf.storage_name(sheet)
    default_storage.save(name, ContentFile(b"%PDF-old"))
    monkeypatch.setattr(pdf, "render_page_pdf", lambda page: b"%PDF-new " + page.title.encode())
    # Without a "pdf" backend (the test settings) the stale file is only removed.
    sheet.save_revision().publish()
    assert not default_storage.exists(name)
    tasks = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "pdf": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    }
    with override_settings(TASKS=tasks), django_capture_on_commit_callbacks(execute=True):
        sheet.title = "Titre revu"
        sheet.save_revision().publish()
    with default_storage.open(name) as handle:
        assert handle.read() == b"%PDF-new Titre revu"
