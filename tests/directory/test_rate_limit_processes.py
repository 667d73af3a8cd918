"""The rate limit holds across two worker processes: two real servers share
a file SQLite database and Django's database cache."""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Its two servers share a file SQLite database whatever the suite runs on: the
# PostgreSQL pass would repeat the same run.
pytestmark = pytest.mark.sqlite_only

SETUP = """
from directory.factories import DirectoryPageFactory, PartnerProfileFactory
DirectoryPageFactory()
print("PROFILE", PartnerProfileFactory().pk)
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 (loopback test server)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"server not up: {url}")


def post_form(base, path, data):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(base + path, timeout=20).read().decode()
    fields = dict(re.findall(r'name="(csrfmiddlewaretoken|jeton_formulaire)" value="([^"]*)"', html))
    fields.update(data)
    request = urllib.request.Request(  # noqa: S310 (loopback test server)
        base + path, data=urllib.parse.urlencode(fields).encode(), headers={"Referer": base + path}
    )
    try:
        response = opener.open(request, timeout=20)
        return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_rate_limit_holds_across_two_server_processes(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}",
        "PORTAL_RATE_LIMIT_PER_HOUR": "3",
        "PORTAL_FORM_MIN_SECONDS": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "DEBUG": "1",
        "SECRET_KEY": "two-process-test",
    }
    env.pop("REDIS_URL", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "createcachetable"], env=env, check=True, cwd=ROOT)
    out = subprocess.run([*manage, "shell", "-c", SETUP], env=env, check=True, cwd=ROOT, capture_output=True, text=True)
    pk = re.search(r"PROFILE (\d+)", out.stdout).group(1)
    ports = [free_port(), free_port()]
    servers = [
        subprocess.Popen(
            [*manage, "runserver", "--noreload", "--nothreading", f"127.0.0.1:{port}"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        for base in bases:
            wait_for(base + "/healthz")
        path = f"/annuaire/profil/{pk}/contact/"
        data = {
            "requester_name": "Deux Processus",
            "structure_name": "Structure partagée",
            "structure_type": "chu",
            "requester_email": "limite@example.org",
            "project": "Projet de test",
            "expected_role": "Relire",
            "dates": "2027",
            "compensation": "defraiement",
        }
        statuses = [post_form(bases[i % 2], path, data)[0] for i in range(3)]
        assert statuses == [200, 200, 200]
        status, body = post_form(bases[1], path, {**data, "structure_name": "Quatrième envoi"})
        assert status == 429
        assert 'value="Quatrième envoi"' in body
        status, _ = post_form(bases[0], path, data)
        assert status == 429
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
