"""Moderation admin: who sees what, CSV export, approve/refuse, audit log."""

import pytest
from django.contrib.auth.models import Group, Permission, User

from directory.csvutils import safe_cell
from directory.models import PartnerProfile
from directory.roles import MODERATION_GROUP_NAME, ensure_moderation_group
from tests.utils import refused_by_the_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(make_profile):
    return make_profile(
        display_name='=HYPERLINK("http://x")', email="privee.adm@example.org", phone="06 55 44 33 22", status="pending"
    )


def user_with(*codenames, group=None):
    user = User.objects.create_user(f"u{User.objects.count()}", password="x")
    perms = Permission.objects.filter(codename__in=codenames)
    user.user_permissions.add(*perms)
    if group:
        user.groups.add(group)
    return User.objects.get(pk=user.pk)


def test_moderation_group_is_idempotent():
    first = ensure_moderation_group()
    count = first.permissions.count()
    assert ensure_moderation_group().pk == first.pk
    assert Group.objects.filter(name=MODERATION_GROUP_NAME).count() == 1
    assert first.permissions.count() == count >= 7


def test_moderators_see_private_fields_in_listing_inspect_and_export(client, profile):
    client.force_login(user_with(group=ensure_moderation_group()))
    listing = client.get("/admin/directory/partnerprofile/")
    assert listing.status_code == 200 and "privee.adm@example.org" in listing.content.decode()
    inspect = client.get(f"/admin/directory/partnerprofile/inspect/{profile.pk}/")
    assert "06 55 44 33 22" in inspect.content.decode() and "Approuver" in inspect.content.decode()
    export = client.get("/admin/directory/partnerprofile/export.csv").content.decode()
    assert "privee.adm@example.org" in export
    requests = client.get("/admin/directory/contactrequest/")
    assert requests.status_code == 200


def test_the_export_neutralises_spreadsheet_formulas(client, profile):
    client.force_login(user_with(group=ensure_moderation_group()))
    export = client.get("/admin/directory/partnerprofile/export.csv").content.decode()
    # Every occurrence starts with a quote: no spreadsheet evaluates it.
    assert export.count("=HYPERLINK") == export.count("'=HYPERLINK") == 1


@pytest.mark.parametrize(
    "url",
    [
        "/admin/directory/partnerprofile/",
        "/admin/directory/partnerprofile/inspect/{pk}/",
        "/admin/directory/partnerprofile/edit/{pk}/",
        "/admin/directory/partnerprofile/export.csv",
        "/admin/directory/contactrequest/",
        "/admin/directory/contactrequest/export.csv",
    ],
)
def test_an_ordinary_admin_user_is_refused(client, profile, url):
    client.force_login(user_with("access_admin"))
    assert refused_by_the_admin(client.get(url.format(pk=profile.pk)))


def test_an_ordinary_admin_user_cannot_approve(client, profile):
    client.force_login(user_with("access_admin"))
    assert refused_by_the_admin(client.post(f"/admin/directory/partnerprofile/{profile.pk}/approuver/"))
    assert PartnerProfile.objects.get(pk=profile.pk).status == "pending"


def test_a_viewer_without_the_private_permission_sees_no_private_field(client, profile):
    client.force_login(user_with("access_admin", "view_partnerprofile"))
    listing = client.get("/admin/directory/partnerprofile/")
    assert listing.status_code == 200
    for response in (
        listing,
        client.get(f"/admin/directory/partnerprofile/inspect/{profile.pk}/"),
        client.get("/admin/directory/partnerprofile/export.csv"),
    ):
        body = response.content.decode()
        assert "privee.adm@example.org" not in body and "06 55 44 33 22" not in body


def test_refuse_is_logged_without_personal_data(client, profile, django_capture_on_commit_callbacks):
    from wagtail.models import ModelLogEntry

    client.force_login(user_with(group=ensure_moderation_group()))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/directory/partnerprofile/{profile.pk}/refuser/")
    assert PartnerProfile.objects.get(pk=profile.pk).status == "refused"
    entry = ModelLogEntry.objects.get(action="directory.refuse")
    assert entry.label == f"Profil n° {profile.pk}"
    assert "HYPERLINK" not in entry.label and "privee" not in str(entry.data)


def test_safe_cell_escapes_every_formula_prefix():
    for value in ("=1+1", "+33 6", "-2", "@SUM(A1)", "\tx"):
        assert safe_cell(value).startswith("'")
    assert safe_cell("Marie D.") == "Marie D."
    assert safe_cell(None) == ""


def test_dashboard_querysets(make_profile):
    from datetime import timedelta

    from django.utils import timezone

    from directory.models import ContactRequest
    from directory.queries import pending_registrations, stale_contact_requests

    waiting = make_profile(status="pending")
    unconfirmed = make_profile(status="pending")
    PartnerProfile.objects.filter(pk=unconfirmed.pk).update(email_confirmed_at=None)
    assert [p.pk for p in pending_registrations()] == [waiting.pk]
    partner = make_profile()
    old = ContactRequest.objects.create(
        profile=partner,
        requester_name="A",
        structure_name="S",
        structure_type="chu",
        requester_email="a@example.org",
        project="p",
        expected_role="r",
        dates="d",
        compensation="defraiement",
    )
    ContactRequest.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    ContactRequest.objects.create(
        profile=partner,
        requester_name="B",
        structure_name="S",
        structure_type="chu",
        requester_email="b@example.org",
        project="p",
        expected_role="r",
        dates="d",
        compensation="defraiement",
    )
    assert list(stale_contact_requests(days=7)) == [old]


def test_moderator_edit_form_pauses_and_removes_from_index(client, make_profile):
    from wagtail.test.utils.form_data import nested_form_data

    profile = make_profile(display_name="Modifiable M.")
    client.force_login(user_with(group=ensure_moderation_group()))
    url = f"/admin/directory/partnerprofile/edit/{profile.pk}/"
    assert client.get(url).status_code == 200
    data = nested_form_data(
        {
            "display_name": "Modifiable M.",
            "presentation": profile.presentation,
            "domains": [d.pk for d in profile.domains.all()],
            "themes": "Thème modifié",
            "trainings": "",
            "availability": "",
            "association": "",
            "department": "31",
            "territory_visibility": "department",
            "mobility": "region",
            "status": "paused",
            "email": profile.email,
            "phone": "",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    profile.refresh_from_db()
    assert profile.status == "paused"
    assert client.get("/annuaire/?q=modifiable").context["result_count"] == 0
