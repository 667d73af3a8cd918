"""The benchmark seeders add fictional, published content and can be re-run."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from projects.factories import ProjectIndexPageFactory
from projects.models import ProjectPage
from resources.factories import LexiconPageFactory, ToolSheetIndexPageFactory
from resources.models import GlossaryTerm, ToolSheetPage


@pytest.mark.django_db
def test_seeders_add_published_fictional_content(client, home_page):
    ProjectIndexPageFactory(parent=home_page)
    index = ToolSheetIndexPageFactory(parent=home_page)
    LexiconPageFactory(parent=index)
    for _ in range(2):  # re-running adds more, numbered after the last
        call_command("seed_projects", projects=2, stdout=open("/dev/null", "w"))
        call_command("seed_sheets", sheets=2, stdout=open("/dev/null", "w"))
        call_command("seed_terms", terms=2, stdout=open("/dev/null", "w"))
    assert ProjectPage.objects.live().filter(title__endswith="4").count() == 1
    assert ToolSheetPage.objects.live().count() == 4
    assert GlossaryTerm.objects.filter(live=True).count() == 4
    project = ProjectPage.objects.get(title="Projet fictif de mesure 4")
    assert "(fictif)" in project.structure_name and project.is_illustrative
    for url in ("/projets/", project.url, ToolSheetPage.objects.first().url, "/fiches-outils/lexique/"):
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_a_seeder_without_its_section_says_so(home_page):
    with pytest.raises(CommandError, match="load_demo_content"):
        call_command("seed_projects", projects=1)
