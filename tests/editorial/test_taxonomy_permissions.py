"""Taxonomies whose text is public (domains, tool-sheet categories,
competencies, barometer dimensions and criteria) are live at once, outside
the cross review: only administrators add, change or delete them."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from core.factories import DomainFactory
from core.models import Domain
from core.permissions import AdministratorsEditPolicy
from editorial import roles
from resources.factories import CompetencyFactory, ToolSheetCategoryFactory
from tests.utils import refused_by_the_admin
from tools.factories import BarometerDimensionFactory

from .conftest import make_user

pytestmark = pytest.mark.django_db

FACTORIES = [DomainFactory, ToolSheetCategoryFactory, CompetencyFactory, BarometerDimensionFactory]
# (who, may edit?)
GROUPS = [
    ("editor", False),
    ("patient", False),
    ("pro", False),
    ("both", False),
    ("moderator", False),
    ("admin", True),
    ("superuser", True),
]


@pytest.fixture
def everyone(people):
    return {**people, "moderator": make_user("moderatrice", roles.MODERATORS)}


@pytest.mark.parametrize("who, may_edit", GROUPS)
def test_only_administrators_edit_public_taxonomies(client, everyone, who, may_edit):
    client.force_login(everyone[who])
    for factory in FACTORIES:
        instance = factory()
        model = type(instance)
        viewset = model.snippet_viewset
        assert isinstance(viewset.permission_policy, AdministratorsEditPolicy)
        add = client.get(reverse(viewset.get_url_name("add")))
        edit = client.get(reverse(viewset.get_url_name("edit"), args=[instance.pk]))
        delete = client.get(reverse(viewset.get_url_name("delete"), args=[instance.pk]))
        for response in (add, edit, delete):
            if may_edit:
                assert response.status_code == 200, (model, who)
            else:
                assert refused_by_the_admin(response), (model, who, response.status_code)
        if who in ("editor", "patient", "pro", "admin"):
            # The working group and the co-pilots still read them.
            assert client.get(reverse(viewset.get_url_name("list"))).status_code == 200, (model, who)


@pytest.mark.parametrize("who, may_edit", GROUPS)
def test_a_forged_post_changes_nothing(client, everyone, who, may_edit):
    domain = DomainFactory(name="Soins", short_description="Avant.")
    client.force_login(everyone[who])
    viewset = Domain.snippet_viewset
    response = client.post(
        reverse(viewset.get_url_name("edit"), args=[domain.pk]),
        {"name": "Soins", "slug": "soins", "short_description": "Après.", "intro": rich_text("<p>Intro.</p>")},
    )
    assert response.status_code == 302
    domain.refresh_from_db()
    assert (domain.short_description == "Après.") is may_edit


def test_users_with_edit_permission_are_administrators(everyone):
    policy = Domain.snippet_viewset.permission_policy
    editors = set(policy.users_with_any_permission(["add", "change", "delete"]))
    assert editors == {everyone["admin"], everyone["superuser"]}
    readers = set(policy.users_with_any_permission(["view"]))
    assert {everyone["editor"], everyone["patient"], everyone["pro"], everyone["admin"]} <= readers
