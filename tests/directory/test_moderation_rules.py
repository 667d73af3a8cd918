"""Moderation: "Approuver et publier" refuses an unconfirmed or paused
profile (and the edit form cannot do it either); private fields are absent
from the edit form and inspect view without `directory.view_private_data`,
and a forged POST cannot set them."""

import pytest
from django.core import mail
from wagtail.test.utils.form_data import nested_form_data

from directory.models import PartnerProfile
from directory.roles import ensure_moderation_group

from .test_admin import user_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(client):
    client.force_login(user_with(group=ensure_moderation_group()))


def test_an_unconfirmed_profile_cannot_be_approved(client, make_profile, moderator, django_capture_on_commit_callbacks):
    profile = make_profile(status="pending", email_confirmed_at=None)
    PartnerProfile.objects.filter(pk=profile.pk).update(email_confirmed_at=None)
    inspect = client.get(f"/admin/directory/partnerprofile/inspect/{profile.pk}/").content.decode()
    assert "jamais été confirmée" in inspect and "Approuver et publier" not in inspect
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/directory/partnerprofile/{profile.pk}/approuver/", follow=True)
    assert "jamais été confirmée" in response.content.decode()
    profile.refresh_from_db()
    assert profile.status == "pending" and profile.email_confirmed_at is None  # no made-up confirmation date
    assert mail.outbox == []
    assert client.get(f"/annuaire/profil/{profile.pk}/").status_code == 404


def test_a_profile_the_partner_paused_cannot_be_approved(client, make_profile, moderator):
    profile = make_profile(status="paused")
    response = client.post(f"/admin/directory/partnerprofile/{profile.pk}/approuver/", follow=True)
    assert "mis son profil en pause" in response.content.decode()
    assert PartnerProfile.objects.get(pk=profile.pk).status == "paused"


def test_a_confirmed_pending_profile_is_approved(client, make_profile, moderator):
    profile = make_profile(status="pending")
    client.post(f"/admin/directory/partnerprofile/{profile.pk}/approuver/")
    assert PartnerProfile.objects.get(pk=profile.pk).status == "published"


def test_the_listing_shows_the_confirmation_status(client, make_profile, moderator):
    confirmed = make_profile(status="pending", display_name="Confirmée C.")
    unconfirmed = make_profile(status="pending", display_name="Pas confirmée P.")
    PartnerProfile.objects.filter(pk=unconfirmed.pk).update(email_confirmed_at=None)
    listing = client.get("/admin/directory/partnerprofile/").content.decode()
    assert "Non confirmée" in listing
    assert f"Confirmée le {confirmed.email_confirmed_at:%d/%m/%Y}" in listing


def edit_data(profile, **changes):
    data = {
        "display_name": profile.display_name,
        "presentation": profile.presentation,
        "domains": [d.pk for d in profile.domains.all()],
        "themes": ", ".join(t.name for t in profile.themes.all()),
        "trainings": "",
        "availability": "",
        "association": "",
        "department": profile.department,
        "territory_visibility": "department",
        "mobility": "region",
        "status": profile.status,
        "email": profile.email,
        "phone": profile.phone,
    }
    data.update(changes)
    return nested_form_data(data)


@pytest.mark.parametrize("status", ["paused", "unconfirmed"])
def test_the_edit_form_cannot_publish_what_approval_refuses(client, make_profile, moderator, status):
    profile = make_profile(status="paused" if status == "paused" else "pending")
    if status == "unconfirmed":
        PartnerProfile.objects.filter(pk=profile.pk).update(email_confirmed_at=None)
        profile.refresh_from_db()
    response = client.post(
        f"/admin/directory/partnerprofile/edit/{profile.pk}/", edit_data(profile, status="published")
    )
    assert response.status_code == 200
    assert "status" in response.context["form"].errors
    assert PartnerProfile.objects.get(pk=profile.pk).status != "published"


def test_private_fields_are_absent_and_cannot_be_forged_without_the_permission(client, make_profile):
    profile = make_profile(
        display_name="Discrète D.",
        email="discrete.d@example.org",
        phone="06 13 57 91 13",
        themes=["Thème non consenti Wxq"],
        consent_health=False,
    )
    client.force_login(
        user_with("access_admin", "view_partnerprofile", "change_partnerprofile", "delete_partnerprofile")
    )
    url = f"/admin/directory/partnerprofile/edit/{profile.pk}/"
    for page in (client.get(url), client.get(f"/admin/directory/partnerprofile/inspect/{profile.pk}/")):
        assert page.status_code == 200
        body = page.content.decode()
        for secret in ("discrete.d@example.org", "06 13 57 91 13", "Thème non consenti Wxq"):
            assert secret not in body
    form = client.get(url).context["form"]
    assert not {"email", "phone", "themes"} & set(form.fields)
    forged = edit_data(profile, email="pirate@example.org", phone="00 00 00 00 00", themes="Forgé")
    forged["presentation"] = "Présentation modifiée."
    response = client.post(url, forged)
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.presentation == "Présentation modifiée."
    assert profile.email == "discrete.d@example.org" and profile.phone == "06 13 57 91 13"
    assert [t.name for t in profile.themes.all()] == ["Thème non consenti Wxq"]


def test_consented_themes_stay_editable_without_the_private_permission(client, make_profile):
    profile = make_profile(themes=["Thème public Wxq"], consent_health=True)
    client.force_login(user_with("access_admin", "view_partnerprofile", "change_partnerprofile"))
    form = client.get(f"/admin/directory/partnerprofile/edit/{profile.pk}/").context["form"]
    assert "themes" in form.fields and "email" not in form.fields


def test_moderators_with_the_permission_see_and_edit_private_fields(client, make_profile, moderator):
    profile = make_profile(email="visible.m@example.org", themes=["Thème privé Wxq"], consent_health=False)
    page = client.get(f"/admin/directory/partnerprofile/edit/{profile.pk}/")
    assert {"email", "phone", "themes"} <= set(page.context["form"].fields)
    assert "visible.m@example.org" in page.content.decode()
