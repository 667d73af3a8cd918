"""Two-factor authentication (django-otp): administrators and moderators
enrol (QR code, backup codes), then verify each session before /admin/;
other staff are not asked; on under production settings only."""

import re

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.core.test_settings import run_manage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_throttling(settings):
    """django-otp makes a wrong code delay the next try (1 s, 2 s…): the
    tests type a right code just after a wrong one."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def staff(username, group=None, superuser=False):
    user = User.objects.create_user(username, f"{username}@example.org", "x", is_superuser=superuser)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def current_code(user):
    device = TOTPDevice.objects.get(user=user)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def enrol(client, user):
    setup = client.get("/admin/")
    assert setup.status_code == 302 and setup["Location"].startswith("/admin/double-authentification/activer/")
    page = client.get(setup["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "Activer la double authentification" in html and 'src="data:image/png;base64,' in html
    wrong = client.post(setup["Location"], {"code": "000000", "next": "/admin/"})
    assert wrong.status_code == 400 and "Ce code ne convient pas" in wrong.content.decode()
    done = client.post(setup["Location"], {"code": current_code(user), "next": "/admin/"})
    assert done.status_code == 200
    codes = re.findall(r"<li><code>([^<]+)</code></li>", done.content.decode())
    assert len(codes) == 10
    return codes


@override_settings(PORTAL_REQUIRE_2FA=True)
@pytest.mark.parametrize("kind", ["superuser", "Administrateurs", "Modération de l'annuaire"])
def test_administrators_and_moderators_enrol_then_verify_each_session(client, kind):
    user = staff("personne", superuser=kind == "superuser", group=None if kind == "superuser" else kind)
    client.force_login(user)
    codes = enrol(client, user)
    assert client.get("/admin/").status_code == 200
    # A new session: the code is asked again; a backup code works once.
    client.logout()
    client.force_login(user)
    ask = client.get("/admin/?depuis=test")
    assert ask.status_code == 302 and ask["Location"].startswith("/admin/double-authentification/?")
    assert client.post("/admin/double-authentification/", {"code": "123456", "next": "/admin/"}).status_code == 400
    verified = client.post("/admin/double-authentification/", {"code": codes[0], "next": "/admin/?depuis=test"})
    assert verified.status_code == 302 and verified["Location"] == "/admin/?depuis=test"
    assert client.get("/admin/?depuis=test").status_code == 200
    client.logout()
    client.force_login(user)
    assert client.post("/admin/double-authentification/", {"code": codes[0]}).status_code == 400  # used up


@override_settings(PORTAL_REQUIRE_2FA=True)
def test_other_staff_are_not_asked(client):
    client.force_login(staff("redactrice", group="Groupe de travail"))
    assert client.get("/admin/").status_code == 200


@override_settings(PORTAL_REQUIRE_2FA=False)
def test_off_in_development(client):
    client.force_login(staff("admin-dev", superuser=True))
    assert client.get("/admin/").status_code == 200


def test_required_under_production_settings():
    code = "from django.conf import settings as s; print(s.PORTAL_REQUIRE_2FA)"
    env = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x7#kq2!vR9mZ@p4LwT8s$Yb6N&c3Hd5Jf1Ge0Ua-Qo_Xi=Sl+Vn*Ck^Bm%Ez(Dt)",
    }
    production = run_manage("shell", "-c", code, **env)
    development = run_manage("shell", "-c", code, DJANGO_SETTINGS_MODULE="portal.settings.dev")
    assert production.stdout.split()[-1] == "True", production.stderr
    assert development.stdout.split()[-1] == "False", development.stderr
