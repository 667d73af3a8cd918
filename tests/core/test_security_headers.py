"""Security headers: a strict Content-Security-Policy on public pages (no
inline script or style), the admin's own policy, a Permissions-Policy, the
site colours as a stylesheet, HSTS subdomains/preload off by default."""

import base64
import hashlib
import re

import pytest
from django.template import loader

from core.factories import PortalSettingsFactory
from core.models import PortalSettings
from home.factories import StandardPageFactory
from tests.core.test_settings import run_manage

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "x7#kq2!vR9mZ@p4LwT8s$Yb6N&c3Hd5Jf1Ge0Ua-Qo_Xi=Sl+Vn*Ck^Bm%Ez(Dt)",
}


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
def test_public_pages_get_a_strict_policy_and_no_inline_style(client, site, home_page):
    PortalSettingsFactory(site=site, primary_colour="#123456", accent_colour="#654321")
    page = StandardPageFactory(parent=home_page, title="Page simple")
    response = client.get(page.url)
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"] and "'self'" in policy["style-src"]
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    html = response.content.decode()
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html), "inline script on a public page"
    link = re.search(r'<link rel="stylesheet" href="(/couleurs\.css\?v=[^"]+)">', html).group(1)
    assert link == "/couleurs.css?v=123456654321"
    css = client.get(link)
    assert css["Content-Type"].startswith("text/css")
    assert css.content.decode() == ":root{--color-primary:#123456;--color-accent:#654321;}\n"


@pytest.mark.django_db
def test_the_colours_stylesheet_never_carries_anything_but_colours(client, site, home_page):
    PortalSettingsFactory(site=site)
    PortalSettings.objects.update(primary_colour="red;}*{", accent_colour="#abcdef")
    css = client.get("/couleurs.css").content.decode()
    assert css == ":root{--color-primary:#1d4f91;--color-accent:#abcdef;}\n"


@pytest.mark.django_db
def test_the_admin_gets_what_wagtail_needs_and_frames_itself_only(client):
    response = client.get("/admin/login/")
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"] and policy["object-src"] == ["'none'"]


@pytest.mark.django_db
def test_every_response_denies_unused_browser_features(client, site, home_page):
    for url in ("/", "/admin/login/", "/robots.txt"):
        header = client.get(url)["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert f"{feature}=()" in header, url


def test_the_500_page_style_is_allowed_by_its_hash():
    from django.conf import settings

    html = loader.get_template("500.html").render()
    style = re.search(r"<style>(.*?)</style>", html, re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]


def settings_of_production(**env):
    code = "from django.conf import settings as s; print(s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)"
    result = run_manage("shell", "-c", code, **PRODUCTION_ENV, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()[-2:]


def test_hsts_subdomains_and_preload_are_off_by_default_and_on_by_setting():
    assert settings_of_production() == ["False", "False"]
    assert settings_of_production(SECURE_HSTS_INCLUDE_SUBDOMAINS="1", SECURE_HSTS_PRELOAD="1") == ["True", "True"]
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV, ALLOWED_HOSTS="p.example.org")
    assert result.returncode == 0, result.stdout + result.stderr
