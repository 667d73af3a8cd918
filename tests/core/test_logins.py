"""Logins resist guessing: django-axes locks an account, and separately an
address, after repeated failures (admin and front-end logins), for 15
minutes, with a French page and a way out; the password reset and Wagtail's
page/collection password forms are rate limited."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Permission, User
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db
PASSWORD = "bon-mot-de-passe-2027"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor():
    user = User.objects.create_user("editrice", "editrice@example.org", PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def admin_login(client, username, password, address="203.0.113.7"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_an_account_is_locked_after_five_failures_with_a_french_way_out(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert admin_login(client, "editrice", "mauvais").status_code == 200
    locked = admin_login(client, "editrice", "mauvais")
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Trop de tentatives" in html and "15 minutes" in html
    assert 'href="/admin/password_reset/"' in html
    # Even the right password, even from another address, is refused now.
    assert admin_login(client, "editrice", PASSWORD, address="198.51.100.9").status_code == 429
    assert "_auth_user_id" not in client.session
    # After the cool-off, the right password works again.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response = admin_login(client, "editrice", PASSWORD, address="198.51.100.9")
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(editor.pk)


def test_an_address_is_locked_whatever_the_usernames_it_tries(client, editor, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        admin_login(client, f"inconnu{n}", "mauvais", address="192.0.2.50")
    assert admin_login(client, "editrice", PASSWORD, address="192.0.2.50").status_code == 429
    assert admin_login(client, "editrice", PASSWORD, address="192.0.2.51").status_code == 302


def test_the_front_end_login_of_restricted_documents_is_guarded_too(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/_util/login/", {"username": "editrice", "password": "mauvais"})
    response = client.post("/_util/login/", {"username": "editrice", "password": PASSWORD})
    assert response.status_code == 429 and "Trop de tentatives" in response.content.decode()


def test_the_password_reset_is_rate_limited(client, editor, settings):
    for _ in range(settings.PORTAL_PASSWORD_RESET_PER_HOUR):
        assert client.post("/admin/password_reset/", {"email": "editrice@example.org"}).status_code == 302
    response = client.post("/admin/password_reset/", {"email": "editrice@example.org"})
    assert response.status_code == 429
    assert "Trop de demandes de réinitialisation" in response.content.decode()


def test_page_password_forms_are_rate_limited(client, site, home_page, settings):
    page = StandardPageFactory(parent=home_page, title="Réservée")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret-partage"
    )
    url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    for _ in range(settings.PORTAL_PASSWORD_ATTEMPTS_PER_HOUR):
        assert client.post(url, {"password": "essai", "return_url": page.url}).status_code == 200
    response = client.post(url, {"password": "secret-partage", "return_url": page.url})
    assert response.status_code == 429 and "Trop de mots de passe essayés" in response.content.decode()


def test_collection_password_forms_are_rate_limited(client, settings):
    collection = Collection.get_first_root_node().add_child(name="Protégée")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="secret-partage"
    )
    url = f"/documents/authenticate_with_password/{restriction.pk}/"
    for _ in range(settings.PORTAL_PASSWORD_ATTEMPTS_PER_HOUR):
        assert client.post(url, {"password": "essai", "return_url": "/"}).status_code != 429
    assert client.post(url, {"password": "secret-partage", "return_url": "/"}).status_code == 429
