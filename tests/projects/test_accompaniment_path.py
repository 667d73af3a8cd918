"""The accompaniment path of a project: six steps with a status in words,
the step reached and the call as facets of the showcase, edited in the
project's admin tab."""

import datetime

import pytest

from accompaniment.factories import CallForProjectsIndexPageFactory, CallForProjectsPageFactory
from projects.models import ProjectAccompanimentStep, ProjectPage
from projects.models.accompaniment import step_reached
from tests.utils import plain


def with_steps(project, *steps):
    project.accompaniment_steps = [
        ProjectAccompanimentStep(step=step, status=status, date=date, note=note) for step, status, date, note in steps
    ]
    project.save_revision().publish()
    return ProjectPage.objects.get(pk=project.pk)


def test_step_reached_is_the_furthest_started_step():
    S = ProjectAccompanimentStep
    assert step_reached([]) == ""
    assert step_reached([S(step="diagnostic", status="prevue")]) == ""
    assert step_reached([S(step="strategie", status="en-cours"), S(step="diagnostic", status="faite")]) == "strategie"
    assert step_reached([S(step="bilan", status="prevue"), S(step="partenaires", status="faite")]) == "partenaires"


@pytest.mark.django_db
def test_project_page_shows_the_steps_in_order_with_their_status_in_words(client, project_factory, home_page):
    call = CallForProjectsPageFactory(
        parent=CallForProjectsIndexPageFactory(parent=home_page), title="Appel 2026 (fictif)"
    )
    project = project_factory(title="Projet suivi")
    project.call = call
    project = with_steps(
        project,
        ("strategie", "en-cours", datetime.date(2026, 3, 1), "Objectifs écrits avec deux patientes partenaires."),
        ("diagnostic", "faite", datetime.date(2026, 1, 15), ""),
        ("bilan", "prevue", None, ""),
    )
    assert project.step_reached == "strategie"
    html = plain(client.get(project.url).content)
    assert "Parcours d'accompagnement" in html
    assert html.index("1. Présentation du projet") < html.index("2. Formalisation") < html.index("6. Bilan")
    assert "Avancement : <strong>faite</strong>" in html and "Avancement : <strong>en cours</strong>" in html
    assert "Avancement : <strong>prévue</strong>" in html
    assert "Objectifs écrits avec deux patientes partenaires." in html
    assert 'href="/appels-a-projets/' in html and "Appel 2026 (fictif)" in html


@pytest.mark.django_db
def test_showcase_filters_by_step_reached_and_by_call(client, index, project_factory, home_page):
    call = CallForProjectsPageFactory(parent=CallForProjectsIndexPageFactory(parent=home_page), slug="appel-2026")
    early = with_steps(project_factory(title="Projet au début"), ("diagnostic", "en-cours", None, ""))
    late = project_factory(title="Projet presque fini")
    late.call = call
    late = with_steps(late, ("bilan", "en-cours", None, ""), ("diagnostic", "faite", None, ""))
    project_factory(title="Projet sans parcours")

    def titles(query):
        response = client.get(f"/projets/?{query}")
        assert response.status_code == 200
        return sorted(p.title for p in response.context["results"])

    assert titles("etape=diagnostic") == [early.title]
    assert titles("etape=bilan") == [late.title]
    assert titles("appel=appel-2026") == [late.title]
    assert len(titles("")) == 3
    html = plain(client.get("/projets/").content)
    assert "Étape atteinte" in html and "Appel à projets" in html


@pytest.mark.django_db
def test_steps_are_edited_in_the_project_admin_tab(client, index, project_factory):
    from editorial.factories import SuperuserFactory

    project = project_factory(title="Projet à suivre")
    client.force_login(SuperuserFactory())
    html = plain(client.get(f"/admin/pages/{project.pk}/edit/").content)
    assert "Accompagnement" in html and "accompaniment_steps-TOTAL_FORMS" in html
