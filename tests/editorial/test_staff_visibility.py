"""What staff can see: partners' health themes through Wagtail's tag
autocomplete, contact-form submissions."""

import pytest

from directory.models import ExperienceTheme
from editorial import roles

from .conftest import make_user

pytestmark = pytest.mark.django_db

THEMES_URL = "/admin/tag-autocomplete/directory/experiencetheme/"


@pytest.fixture
def themes(db):
    # A theme of a profile that is neither confirmed nor consenting: health data all the same.
    for name in ("Diabète de type 1", "Dépression"):
        ExperienceTheme.objects.create(name=name, slug=name.lower().replace(" ", "-"))


@pytest.mark.parametrize(
    "who, allowed",
    [("editor", False), ("patient", False), ("pro", False), ("moderator", True), ("admin", True), ("superuser", True)],
)
def test_experience_themes_autocomplete_needs_the_private_data_permission(client, people, themes, who, allowed):
    people["moderator"] = make_user("moderatrice", roles.MODERATORS)
    client.force_login(people[who])
    for url in (THEMES_URL, THEMES_URL.replace("experiencetheme", "ExperienceTheme")):
        response = client.get(url, {"term": "D"})
        body = response.content.decode()
        if allowed and url == THEMES_URL:
            assert response.status_code == 200
            assert sorted(response.json()) == ["Diabète de type 1", "Dépression"]
        elif not allowed:
            assert response.status_code == 403, (who, url)
            assert "Diab" not in body and "pression" not in body
            assert "thèmes d'expérience" in response.json()["error"]


def test_the_themes_autocomplete_needs_a_login(client, themes):
    response = client.get(THEMES_URL, {"term": "D"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_other_tag_autocompletes_still_work_for_editors(client, people):
    from taggit.models import Tag

    Tag.objects.create(name="Éducation thérapeutique", slug="education-therapeutique")
    client.force_login(people["editor"])
    response = client.get("/admin/tag-autocomplete/", {"term": "É"})
    assert response.status_code == 200 and response.json() == ["Éducation thérapeutique"]
    response = client.get("/admin/tag-autocomplete/taggit/tag/", {"term": "É"})
    assert response.status_code == 200 and response.json() == ["Éducation thérapeutique"]


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.fixture
def contact_page(home_page):
    from home.factories import ContactPageFactory
    from home.models import ContactPage

    page = ContactPageFactory(parent=home_page)
    page = ContactPage.objects.get(pk=page.pk)
    values = {"email": "camille.fictive@example.org", "singleline": "Camille Fictive", "multiline": "Bonjour."}
    form_data = {field.clean_name: values.get(field.field_type, "x") for field in page.get_form_fields()}
    assert "camille.fictive@example.org" in form_data.values()
    page.get_submission_class().objects.create(page=page, form_data=form_data)
    return page


@pytest.mark.parametrize(
    "who, allowed",
    [
        ("editor", False),
        ("patient", False),
        ("pro", False),
        ("both", False),
        ("moderator", False),
        ("contact", True),
        ("admin", True),
        ("superuser", True),
    ],
)
def test_contact_submissions_are_read_by_administrators_and_the_contact_role(
    client, people, contact_page, who, allowed
):
    from django.urls import reverse

    roles.ensure_roles()  # the contact page now exists: the contact role gets change rights on it
    people["moderator"] = make_user("moderatrice", roles.MODERATORS)
    people["contact"] = make_user("accueil", roles.CONTACT)
    client.force_login(people[who])
    listing = client.get(reverse("wagtailforms:list_submissions", args=[contact_page.pk]))
    export = client.get(reverse("wagtailforms:list_submissions", args=[contact_page.pk]), {"export": "csv"})
    forms_index = client.get(reverse("wagtailforms:index"))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[contact_page.pk]))
    if allowed:
        assert listing.status_code == 200 and "camille.fictive@example.org" in listing.content.decode()
        assert export.status_code == 200 and "camille.fictive@example.org" in body(export)
        assert "Contact" in forms_index.content.decode()
        assert edit.status_code == 200
        assert reverse("wagtailforms:list_submissions", args=[contact_page.pk]) in edit.content.decode()
    else:
        for response in (listing, export):
            assert response.status_code in (302, 403), (who, response.status_code)
            assert "camille.fictive@example.org" not in body(response)
        assert forms_index.status_code in (302, 403) or "Contact" not in forms_index.content.decode()
        if edit.status_code == 200:  # the working group and co-pilots may edit the page, not read its messages
            assert reverse("wagtailforms:list_submissions", args=[contact_page.pk]) not in edit.content.decode()


def test_the_contact_role_changes_only_the_contact_page(people, contact_page, home_page):
    roles.ensure_roles()
    member = make_user("accueil", roles.CONTACT)
    assert contact_page.permissions_for_user(member).can_edit()
    assert not contact_page.permissions_for_user(member).can_publish()
    assert not home_page.permissions_for_user(member).can_edit()
