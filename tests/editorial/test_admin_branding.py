"""The admin in French and in the portal's colours: branding, the editors'
guide at /admin/guide/ linked from the help menu, no Gravatar request."""

import re

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db


def test_login_page_names_the_portal(client):
    html = client.get("/admin/login/").content.decode()
    assert "Administration du portail Partenariat en santé" in html
    assert "Sign in to Wagtail" not in html
    assert "Se connecter à Wagtail" not in html
    assert "img/favicon" in html
    assert "css/admin.css" in html


def test_the_guide_is_served_in_the_admin_and_linked_from_the_help_menu(admin_client):
    response = admin_client.get("/admin/guide/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Guide du circuit éditorial" in html
    # The Markdown tables of the guide are rendered as tables.
    assert "<table>" in html and "<th>Groupe</th>" in html
    dashboard = admin_client.get("/admin/").content.decode()
    assert "/admin/guide/" in dashboard
    assert "Guide de l" in dashboard


def test_the_guide_needs_an_admin_login(client):
    response = client.get("/admin/guide/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_no_gravatar_request_in_the_admin(admin_client):
    User.objects.create_user("aline", "aline@example.org", "x")
    for url in ("/admin/", "/admin/users/"):
        html = admin_client.get(url).content.decode()
        assert "gravatar" not in html.lower(), url


def test_no_english_what_is_new_banner(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert not re.search(r"What's new in Wagtail|Quoi de neuf dans Wagtail", html)
