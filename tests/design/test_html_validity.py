"""The W3C Nu HTML checker (npm vnu-jar, run with Debian's Java) finds no
error on one page of each public page type, built with factories. SQLite pass
only (one JVM start, a few seconds)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite_only]

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture
def public_pages(site, home_page):
    from directory.factories import DirectoryPageFactory, PartnerProfileFactory
    from home.factories import ContactPageFactory, StandardPageFactory
    from projects.factories import ProjectPageFactory
    from resources.factories import (
        CharterPageFactory,
        CompetencyFrameworkPageFactory,
        LexiconPageFactory,
        ToolSheetPageFactory,
    )
    from tools.factories import BarometerDimensionFactory, EngagementMatrixPageFactory, SelfAssessmentPageFactory

    project = ProjectPageFactory()
    sheet = ToolSheetPageFactory()
    framework = CompetencyFrameworkPageFactory()
    directory = DirectoryPageFactory()
    PartnerProfileFactory()
    for order, name in enumerate(("Co-expression", "Co-construction", "Co-décision")):
        BarometerDimensionFactory(name=name, sort_order=order, criteria=[f"Critère {name}"])
    barometer = SelfAssessmentPageFactory()
    pages = [
        home_page,
        StandardPageFactory(),
        ContactPageFactory(),
        project.get_parent(),
        project,
        sheet.get_parent(),
        sheet,
        CharterPageFactory(),
        LexiconPageFactory(),
        framework.get_parent(),
        framework,
        directory,
        barometer,
        EngagementMatrixPageFactory(),
    ]
    # The apps added since: agenda, news, calls for projects and for
    # participation, the about pages, the bibliography.
    from about.factories import (
        AboutPageFactory,
        AccessibilityStatementPageFactory,
        KeyFiguresPageFactory,
        LegalNoticePageFactory,
        PartnerGuidePageFactory,
    )
    from accompaniment.factories import CallForProjectsPageFactory
    from agenda.factories import EventPageFactory
    from core.links import subpage_path
    from news.factories import NewsPageFactory
    from participation.factories import CallFactory, ParticipationPageFactory
    from resources.models import BibliographyPage

    event = EventPageFactory()
    news = NewsPageFactory()
    call_for_projects = CallForProjectsPageFactory()
    participation = ParticipationPageFactory()
    call = CallFactory()
    bibliography = sheet.get_parent().add_child(instance=BibliographyPage(title="Bibliographie", slug="bibliographie"))
    pages += [
        event.get_parent(),
        event,
        news.get_parent(),
        news,
        call_for_projects.get_parent(),
        call_for_projects,
        participation,
        AboutPageFactory(),
        PartnerGuidePageFactory(),
        KeyFiguresPageFactory(),
        LegalNoticePageFactory(),
        AccessibilityStatementPageFactory(),
        bibliography,
    ]
    urls = [page.url for page in pages]
    urls.append(subpage_path(participation, "call_route", call.pk))
    urls += [
        barometer.url + barometer.reverse_subpage("answer_new"),
        project.get_parent().url + "carte/",
        "/recherche/?q=projet",
        "/page-inconnue/",
    ]
    return urls


@pytest.mark.skipif(not shutil.which("java") or not VNU.exists(), reason="needs Java and npm vnu-jar")
def test_every_public_page_type_is_valid_html(client, public_pages, tmp_path):
    files = {}
    for n, url in enumerate(public_pages):
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        path = tmp_path / f"page{n}.html"
        path.write_bytes(response.content)
        files[path.name] = url
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, sorted(tmp_path.iterdir()))],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    report = "\n".join(
        f"- {files.get(Path(m.get('url', '')).name, m.get('url'))} line {m.get('lastLine')}: {m.get('message')} "
        f"[{m.get('extract', '')[:120]!r}]"
        for m in messages
    )
    assert not messages, f"Nu checker errors:\n{report}"
