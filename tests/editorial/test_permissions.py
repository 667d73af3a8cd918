"""Group permissions: what each role may do in the admin."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import GroupCollectionPermission, Workflow, WorkflowContentType
from wagtail.permission_policies.base import ModelPermissionPolicy

from editorial import roles
from tests.utils import refused_by_the_admin

from .conftest import make_user

pytestmark = pytest.mark.django_db


def test_roles_are_idempotent_and_stay_editable(people):
    editors = Group.objects.get(name=roles.EDITORS)
    add_image = Permission.objects.get(codename="add_image")
    GroupCollectionPermission.objects.filter(group=editors, permission=add_image).delete()
    counts = (Group.objects.count(), Workflow.objects.count(), GroupCollectionPermission.objects.count())
    roles.ensure_roles()
    roles.ensure_roles()
    assert (Group.objects.count(), Workflow.objects.count(), GroupCollectionPermission.objects.count()) == counts
    assert not GroupCollectionPermission.objects.filter(group=editors, permission=add_image).exists()


def test_every_workflow_snippet_goes_through_the_cross_review(people):
    workflow = Workflow.objects.get(name=roles.WORKFLOW_NAME)
    models = roles.workflow_snippet_models()
    models.append(apps.get_model("resources", "GlossaryTerm"))
    for model in set(models):
        assert model.get_default_workflow() == workflow, model
        assert WorkflowContentType.objects.filter(workflow=workflow).exists()
        policy = ModelPermissionPolicy(model)
        for who in ("editor", "patient", "pro"):
            assert policy.user_has_permission(people[who], "change"), (model, who)
            assert not policy.user_has_permission(people[who], "publish"), (model, who)


def test_an_editor_cannot_publish_a_lexicon_term(client, people):
    term_model = apps.get_model("resources", "GlossaryTerm")
    client.force_login(people["editor"])
    html = client.get(reverse(term_model.snippet_viewset.get_url_name("add"))).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_documents_uploaded_by_editors_are_private(client, people, settings, tmp_path):
    # Files on disk, so that Wagtail can serve them (the in-memory test storage cannot).
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }
    client.force_login(people["editor"])
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Compte rendu interne", "file": SimpleUploadedFile("compte-rendu.txt", b"Notes du groupe.")},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    document = get_document_model().objects.get(title="Compte rendu interne")
    assert document.collection.name == roles.PRIVATE_COLLECTION
    client.logout()
    response = client.get(document.url)
    assert response.status_code == 302 and "login" in response.url
    # Signed in, the restriction lets the request through.
    client.force_login(people["pro"])
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Notes du groupe."


def test_an_editor_cannot_see_partner_profiles_nor_contact_requests(client, people):
    urls = [
        reverse("directory_partnerprofile_modeladmin_index"),
        reverse("directory_contactrequest_modeladmin_index"),
        reverse("directory_export_profiles"),
    ]
    moderator = make_user("moderatrice", roles.MODERATORS)
    for url in urls:
        client.force_login(people["editor"])
        response = client.get(url)
        assert refused_by_the_admin(response), (url, response.status_code)
        for who in ("patient", "pro"):
            client.force_login(people[who])
            assert refused_by_the_admin(client.get(url)), (url, who)
        client.force_login(moderator)
        assert client.get(url).status_code == 200, url


def test_wagtails_default_groups_and_workflow_are_retired(people):
    """Only the portal's roles remain: Wagtail's "Moderators" could publish
    everywhere without the cross review."""
    assert not Group.objects.filter(name__in=roles.WAGTAIL_DEFAULT_GROUPS).exists()
    assert not Workflow.objects.filter(name=roles.WAGTAIL_DEFAULT_WORKFLOW, active=True).exists()
    assert set(Group.objects.values_list("name", flat=True)) >= {
        roles.EDITORS,
        roles.COPILOTS_PATIENTS,
        roles.COPILOTS_PROFESSIONALS,
        roles.ADMINS,
    }
