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
