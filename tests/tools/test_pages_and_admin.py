"""Page types (creatable where they belong), the admin for dimensions and
criteria, the purge command and the demo content."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from tools.models import (
    BarometerAnswer,
    BarometerDimension,
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
    edit = client.get(f"/admin/snippets/tools/barometerdimension/edit/{dimensions[0].pk}/")
    assert edit.status_code == 200
    assert "Critère a1" in edit.content.decode()
    # Someone without the permission is refused.
    other = django_user_model.objects.create_user("autre", password="x")
    other.groups.add(Group.objects.create(name="Accès admin seul"))
    other.groups.first().permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(other)
    assert client.get("/admin/snippets/tools/barometerdimension/").status_code in (302, 403)


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
def test_demo_gives_four_dimensions_a_two_round_session_and_a_full_matrix(client, tools_index):
    from tools import demo

    command = type("Cmd", (), {"stdout": open("/dev/null", "w")})()
    demo.load(command)
    assert list(BarometerDimension.objects.values_list("name", flat=True)) == [
        "Co-expression",
        "Co-construction",
        "Co-décision",
        "Co-mise en œuvre",
    ]
    assert all(d.criteria.count() >= 3 for d in BarometerDimension.objects.all())
    session = BarometerSession.objects.get(token=demo.DEMO_SESSION_TOKEN)
    assert set(session.answers.values_list("round", flat=True)) == {0, 1}
    criterion_count = sum(d.criteria.count() for d in BarometerDimension.objects.all())
    assert all(len(a.scores) == criterion_count for a in session.answers.all())
    barometer = SelfAssessmentPage.objects.get()
    html = client.get(barometer.url).content.decode()
    session_url = f"/fiches-outils/barometre/session/{session.token}/"
    assert f'href="{session_url}"' in html
    session_html = client.get(session_url).content.decode()
    assert "L’évolution d’un temps à l’autre" in session_html
    matrix = EngagementMatrixPage.objects.get()
    for name in demo.MATRIX:
        assert getattr(matrix, name)
    assert client.get(matrix.url).status_code == 200
    # Idempotent: a second run creates nothing.
    counts = (Page.objects.count(), BarometerAnswer.objects.count(), BarometerSession.objects.count())
    demo.load(command)
    assert counts == (Page.objects.count(), BarometerAnswer.objects.count(), BarometerSession.objects.count())


@pytest.mark.django_db
def test_admin_edit_views_render_with_their_tabs(client, barometer, tools_index, django_user_model):
    from core.demo_utils import upsert_child

    matrix, _ = upsert_child(tools_index, EngagementMatrixPage, "matrice-engagement", title="Matrice")
    admin = django_user_model.objects.create_superuser("admin-test", "admin@example.org", "x")
    client.force_login(admin)
    html = client.get(f"/admin/pages/{barometer.pk}/edit/").content.decode()
    assert "Mode d&#x27;emploi" in html or "Mode d'emploi" in html
    html = client.get(f"/admin/pages/{matrix.pk}/edit/").content.decode()
    assert "Cases de la matrice" in html
    assert "Macro — partenariat" in html
