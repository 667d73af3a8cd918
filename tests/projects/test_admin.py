"""Editors' side: the project editor renders with its tabs, and proposals
(personal data) are visible only to users with the model's permission."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from projects.factories import ProjectProposalFactory
from tests.projects.conftest import make_project
from tests.utils import refused_by_the_admin


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("admin-projets", "admin@example.org", "x")


@pytest.mark.django_db
def test_project_editor_shows_its_tabs(client, index, superuser):
    client.force_login(superuser)
    project = make_project(index, roles=["pair-aidant"], tags=["ETP"])
    html = client.get(f"/admin/pages/{project.pk}/edit/").content.decode()
    assert "Fiche descriptive" in html and "Rôle de partenaire impliqué" in html and "Fiche outil liée" in html
    assert client.get(f"/admin/pages/add/projects/projectpage/{index.pk}/").status_code == 200


@pytest.mark.django_db
def test_proposals_need_the_view_permission(client, index):
    proposal = ProjectProposalFactory(title="Projet proposé", submitter_email="camille@example.org")
    user = get_user_model().objects.create_user("redacteur", "r@example.org", "x")
    group = Group.objects.create(name="Rédaction projets (test)")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    url = "/admin/project_proposals/"
    assert refused_by_the_admin(client.get(url))
    group.permissions.add(Permission.objects.get(codename="view_projectproposal"))
    response = client.get(url)
    assert response.status_code == 200
    assert "Projet proposé" in response.content.decode()
    inspect = client.get(f"/admin/project_proposals/inspect/{proposal.pk}/")
    assert inspect.status_code == 200 and "camille@example.org" in inspect.content.decode()
