"""Page types (creatable where they belong), the admin for dimensions and
criteria, and the purge command."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from tests.utils import refused_by_the_admin
from tools.models import (
    BarometerAnswer,
    BarometerSession,
    EngagementMatrixPage,
    SelfAssessmentPage,
)


class ToolPageTypesTest(WagtailPageTestCase):
    def test_tool_pages_live_under_the_tool_sheet_index_only(self):
        from home.models import HomePage, StandardPage
        from resources.models import ToolSheetIndexPage

        for page_class in (SelfAssessmentPage, EngagementMatrixPage):
            self.assertAllowedParentPageTypes(page_class, {ToolSheetIndexPage})
            self.assertCanNotCreateAt(HomePage, page_class)
            self.assertCanNotCreateAt(StandardPage, page_class)
            self.assertAllowedSubpageTypes(page_class, set())


@pytest.mark.django_db
def test_the_barometer_page_is_routable_and_renders(client, barometer):
    assert client.get(barometer.url).status_code == 200
    assert client.get(barometer.url + "repondre/").status_code == 200
    assert client.get(barometer.url + "session/nouvelle/").status_code == 200
    assert client.get(barometer.url + "session/rejoindre/").status_code == 200


@pytest.mark.django_db
def test_editors_manage_dimensions_and_criteria_in_the_admin(client, barometer, dimensions, django_user_model):
    editor = django_user_model.objects.create_user("redactrice", password="x")
    group = Group.objects.create(name="Rédaction baromètre")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="tools", codename__endswith="barometerdimension"),
    )
    editor.groups.add(group)
    client.force_login(editor)
    listing = client.get("/admin/snippets/tools/barometerdimension/")
    assert listing.status_code == 200
    assert "Co-construction" in listing.content.decode()
    # The criteria are public text outside the cross review: only administrators edit them.
    edit_url = f"/admin/snippets/tools/barometerdimension/edit/{dimensions[0].pk}/"
    assert refused_by_the_admin(client.get(edit_url))
    editor.groups.add(Group.objects.get_or_create(name="Administrateurs")[0])
    edit = client.get(edit_url)
    assert edit.status_code == 200
    assert "Critère a1" in edit.content.decode()


@pytest.mark.django_db
def test_someone_without_the_permission_cannot_manage_dimensions(client, dimensions, django_user_model):
    other = django_user_model.objects.create_user("autre", password="x")
    other.groups.add(Group.objects.create(name="Accès admin seul"))
    other.groups.first().permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(other)
    assert refused_by_the_admin(client.get("/admin/snippets/tools/barometerdimension/"))


@pytest.mark.django_db
def test_purge_deletes_sessions_and_lone_answers_untouched_for_18_months(dimensions):
    old = timezone.now() - timedelta(days=549)
    recent = timezone.now() - timedelta(days=500)
    stale = BarometerSession.objects.create(label="ancienne")
    BarometerSession.objects.filter(pk=stale.pk).update(last_activity_at=old)
    BarometerAnswer.objects.create(session=stale, role="patient")
    alive = BarometerSession.objects.create(label="active")
    BarometerSession.objects.filter(pk=alive.pk).update(last_activity_at=recent)
    BarometerAnswer.objects.create(session=alive, role="patient")
    lone_old = BarometerAnswer.objects.create(role="ru")
    BarometerAnswer.objects.filter(pk=lone_old.pk).update(updated_at=old)
    lone_new = BarometerAnswer.objects.create(role="ru")

    call_command("purge_barometer_sessions", "--dry-run", stdout=open("/dev/null", "w"))
    assert BarometerSession.objects.count() == 2
    call_command("purge_barometer_sessions", stdout=open("/dev/null", "w"))
    assert list(BarometerSession.objects.values_list("label", flat=True)) == ["active"]
    assert set(BarometerAnswer.objects.values_list("pk", flat=True)) == {
        alive.answers.get().pk,
        lone_new.pk,
    }


@pytest.mark.django_db
def test_answering_in_a_session_keeps_it_alive(client, barometer, dimensions):
    from tests.tools.conftest import all_values, answer_data

    session = BarometerSession.objects.create()
    BarometerSession.objects.filter(pk=session.pk).update(last_activity_at=timezone.now() - timedelta(days=600))
    url = f"{barometer.url}session/{session.token}/repondre/"
    client.post(url, answer_data(client, url, dimensions, values=all_values()))
    session.refresh_from_db()
    assert timezone.now() - session.last_activity_at < timedelta(minutes=1)


@pytest.mark.django_db
def test_admin_edit_views_render_with_their_tabs(client, barometer, tools_index, django_user_model):
    from tools.factories import EngagementMatrixPageFactory

    matrix = EngagementMatrixPageFactory(parent=tools_index)
    admin = django_user_model.objects.create_superuser("admin-test", "admin@example.org", "x")
    client.force_login(admin)
    html = client.get(f"/admin/pages/{barometer.pk}/edit/").content.decode()
    assert "Mode d&#x27;emploi" in html
    html = client.get(f"/admin/pages/{matrix.pk}/edit/").content.decode()
    assert "Cases de la matrice" in html
    assert "Macro — partenariat" in html
