"""Configuration: production refuses to start without a secret key and
passes `check --deploy` with no warning; the site settings enforce contrast
and know the region's departments."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from core.models import PortalSettings
from core.models.settings import contrast_ratio, validate_accessible_colour

BASE_DIR = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="portal.settings.production")
    assert result.returncode != 0
    assert "The environment variable SECRET_KEY is required in production." in result.stderr


def test_production_passes_check_deploy_without_any_warning():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="x7#kq2!vR9mZ@p4LwT8s$Yb6N&c3Hd5Jf1Ge0Ua-Qo_Xi=Sl+Vn*Ck^Bm%Ez(Dt)",
        ALLOWED_HOSTS="partenariat.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_load_the_demo_content(tmp_path):
    result = run_manage(
        "load_demo_content",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="x7#kq2!vR9mZ@p4LwT8s$Yb6N&c3Hd5Jf1Ge0Ua-Qo_Xi=Sl+Vn*Ck^Bm%Ez(Dt)",
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    )
    assert result.returncode != 0
    assert "Réglages de production\u202f: le contenu de démonstration" in result.stderr
    assert "--i-know-this-is-production" in result.stderr


@pytest.mark.sqlite_only
def test_sqlite_runs_in_wal_mode_with_immediate_transactions():
    from django.conf import settings

    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]


def test_production_sends_email_over_smtp_unless_told_otherwise():
    code = "from django.conf import settings;print(settings.EMAIL_BACKEND)"
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "EMAIL_BACKEND"}}
    env.update(DJANGO_SETTINGS_MODULE="portal.settings.production", SECRET_KEY="x" * 50)
    out = subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "django.core.mail.backends.smtp.EmailBackend", out.stderr


def test_database_url_selects_postgresql():
    code = (
        "import django,os;os.environ['DJANGO_SETTINGS_MODULE']='portal.settings.dev';"
        "from django.conf import settings;print(settings.DATABASES['default']['ENGINE']);"
        "print(settings.WAGTAILSEARCH_BACKENDS['default']);print(settings.CACHES['default']['BACKEND'])"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DATABASE_URL="postgres://u@db.example:5432/portal", REDIS_URL="redis://127.0.0.1:6379/1")
    out = subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True).stdout
    assert "django.db.backends.postgresql" in out
    assert "'SEARCH_CONFIG': 'portal_french'" in out
    assert "RedisCache" in out


def test_contrast_ratio_matches_wcag_reference_values():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#767676", "#ffffff"), 1) == 4.5


def test_light_brand_colour_is_refused_with_a_french_message():
    with pytest.raises(ValidationError, match="Contraste insuffisant"):
        validate_accessible_colour("#ffcc00")
    with pytest.raises(ValidationError, match="#RRVVBB"):
        validate_accessible_colour("bleu")
    validate_accessible_colour("#1d4f91")


@pytest.mark.django_db
def test_departments_default_to_the_region_and_follow_the_setting(site):
    settings = PortalSettings.for_site(site)
    settings.region_code = "76"
    settings.department_codes = ""
    assert len(settings.departments()) == 13
    assert ("31", "Haute-Garonne") in settings.departments()
    settings.department_codes = "34, 31"
    assert settings.departments() == [("34", "Hérault"), ("31", "Haute-Garonne")]
    settings.department_codes = "34,99"
    with pytest.raises(ValidationError):
        settings.clean()


def test_production_collects_static_files_with_hashed_compressed_names(tmp_path):
    result = run_manage(
        "collectstatic",
        "--noinput",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="x7#kq2!vR9mZ@p4LwT8s$Yb6N&c3Hd5Jf1Ge0Ua-Qo_Xi=Sl+Vn*Ck^Bm%Ez(Dt)",
        STATIC_ROOT=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    css = [p.name for p in (tmp_path / "css").iterdir()]
    assert any(name.startswith("portal.") and name.endswith(".css") and name != "portal.css" for name in css)
    assert any(name.endswith(".css.gz") for name in css)
    assert (tmp_path / "staticfiles.json").exists()
