"""An existing portal upgrades across the move of the shared layer to `core`.

The database is built by the code of the last commit before the move (taken
from git), with the demo loaded, on the suite's own database engine (SQLite,
or PostgreSQL when DATABASE_URL says so). Then today's code migrates it and
nothing may be lost: same rows in every table, same content type and
permission ids, no new content type, the co-pilots keep their Domain rights,
the reference index is whole.
"""

import os
import subprocess
import sys
import tarfile
import uuid
from io import BytesIO
from pathlib import Path

import dj_database_url
import pytest

ROOT = Path(__file__).resolve().parents[2]
# The last commit whose `home` app still held the shared models.
BEFORE_CORE_COMMIT = "346ab1db9efde38f9275512bdbfe8e67d73db66b"
MOVED = {"domain", "outgoingemail", "portalsettings"}
# Apps installed after that commit: they bring their own tables, content types
# and permissions (and the administrators' rights on them); nothing else may change.
LATER_APPS = {"django_tasks_database", "axes", "otp_totp", "otp_static", "django_otp"}
# Apps and tables added after the old code: new, empty until used.
LATER_APPS |= {"about", "accompaniment", "agenda", "news", "participation"}
LATER_TABLES = {
    "projects_projectaccompanimentstep",
    "resources_bibliographypage",
    "resources_documenttemplate",
    "resources_reference",
    "tools_barometerdimension_help_sheets",
}
GROWING_TABLES = {"django_content_type", "auth_permission", "auth_group_permissions"}


def checkout(commit, destination):
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(destination, filter="data")
    return destination


class Database:
    """A throw-away database of the suite's engine, reached without Django."""

    def __init__(self, tmp_path):
        server = os.environ.get("DATABASE_URL", "")
        self.postgres = server.startswith("postgres")
        if self.postgres:
            import psycopg

            self.psycopg = psycopg
            config = dj_database_url.parse(server)
            self.name = f"portal_upgrade_{uuid.uuid4().hex[:10]}"
            self.admin_dsn = (
                f"host={config['HOST']} port={config['PORT'] or 5432} user={config['USER']} dbname=postgres"
            )
            self.dsn = self.admin_dsn.replace("dbname=postgres", f"dbname={self.name}")
            with psycopg.connect(self.admin_dsn, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{self.name}"')
            self.url = server.rsplit("/", 1)[0] + "/" + self.name
        else:
            import sqlite3

            self.sqlite3 = sqlite3
            self.path = tmp_path / "upgrade.sqlite3"
            self.url = f"sqlite:///{self.path}"

    def query(self, sql):
        if self.postgres:
            with self.psycopg.connect(self.dsn) as conn:
                return conn.execute(sql).fetchall()
        with self.sqlite3.connect(self.path) as conn:
            return conn.execute(sql).fetchall()

    def tables(self):
        if self.postgres:
            rows = self.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        else:
            rows = self.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        return sorted(name for (name,) in rows)

    def drop(self):
        if self.postgres:
            with self.psycopg.connect(self.admin_dsn, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def manage(cwd, database_url, *args):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "PYTHONPATH": str(cwd),
    }
    env.pop("TEST_DB_NAME", None)
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed in {cwd}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def snapshot(db):
    counted = [t for t in db.tables() if t not in {"django_migrations", "portal_cache"}]
    return {
        "rows": {table: db.query(f'SELECT COUNT(*) FROM "{table}"')[0][0] for table in counted},  # noqa: S608
        "content_types": {
            ct_id: (app, model)
            for ct_id, app, model in db.query("SELECT id, app_label, model FROM django_content_type")
        },
        "permissions": {
            pk: (ct, codename)
            for pk, ct, codename in db.query("SELECT id, content_type_id, codename FROM auth_permission")
        },
        "group_rights": sorted(
            db.query(
                "SELECT g.name, ct.app_label, p.codename FROM auth_group g "
                "JOIN auth_group_permissions gp ON gp.group_id = g.id "
                "JOIN auth_permission p ON p.id = gp.permission_id "
                "JOIN django_content_type ct ON ct.id = p.content_type_id"
            )
        ),
        # Rows of roles added after the move (the "Contact" group, issue 14).
        "contact_group_rows": {
            table: db.query(
                f'SELECT COUNT(*) FROM "{table}" t JOIN auth_group g ON g.id = t.{column} '  # noqa: S608
                "WHERE g.name = 'Contact'"
            )[0][0]
            for table, column in (
                ("auth_group", "id"),
                ("auth_group_permissions", "group_id"),
                ("wagtailcore_grouppagepermission", "group_id"),
            )
        },
        "copilot_domain_rights": sorted(
            db.query(
                "SELECT g.name, p.codename FROM auth_group g "
                "JOIN auth_group_permissions gp ON gp.group_id = g.id "
                "JOIN auth_permission p ON p.id = gp.permission_id "
                "JOIN django_content_type ct ON ct.id = p.content_type_id "
                "WHERE ct.model = 'domain' AND g.name LIKE 'Co-pilotes%'"
            )
        ),
    }


@pytest.fixture
def upgraded(tmp_path):
    db = Database(tmp_path)
    try:
        old_code = checkout(BEFORE_CORE_COMMIT, tmp_path / "before")
        manage(old_code, db.url, "migrate", "--noinput")
        manage(old_code, db.url, "createcachetable")
        manage(old_code, db.url, "load_demo_content")
        before = snapshot(db)
        manage(ROOT, db.url, "migrate", "--noinput")
        after = snapshot(db)
        yield before, after
    finally:
        db.drop()


def test_existing_database_keeps_everything_when_the_shared_models_move_to_core(upgraded):
    before, after = upgraded

    # The demo really was there: a test on an empty database proves nothing.
    assert before["rows"]["home_domain"] >= 5
    assert before["rows"]["wagtailcore_referenceindex"] > 0
    assert before["copilot_domain_rights"], "the old code granted the co-pilots rights on Domain"

    # Every row of every table is still there (no table dropped or emptied); the
    # only new rows are those of the "Contact" group that ensure_roles adds.
    assert not any(before["contact_group_rows"].values())
    added = after["contact_group_rows"]
    new_tables = set(after["rows"]) - set(before["rows"])
    assert all(
        table in LATER_TABLES or any(table.startswith(f"{app}_") for app in LATER_APPS) for table in new_tables
    ), new_tables
    assert {t: n - added.get(t, 0) for t, n in after["rows"].items() if t not in GROWING_TABLES | new_tables} == {
        t: n for t, n in before["rows"].items() if t not in GROWING_TABLES
    }

    # Same content type ids; the three moved models are relabelled in place;
    # the only new ones belong to apps installed later.
    later = {
        ct_id
        for ct_id, (app, model) in after["content_types"].items()
        if app in LATER_APPS or f"{app}_{model}" in LATER_TABLES
    }
    assert set(after["content_types"]) - later == set(before["content_types"])
    for ct_id, (app, model) in before["content_types"].items():
        expected = ("core", model) if app == "home" and model in MOVED else (app, model)
        assert after["content_types"][ct_id] == expected
    assert not [ct for ct in after["content_types"].values() if ct[0] == "home" and ct[1] in MOVED]

    # Same permissions with the same ids, hence the same group rights.
    assert {pk: perm for pk, perm in after["permissions"].items() if perm[0] not in later} == before["permissions"]
    assert sorted(
        (group, codename)
        for group, app, codename in after["group_rights"]
        if app not in LATER_APPS
        and group != "Contact"
        and not any(codename.endswith(table.split("_", 1)[1]) for table in LATER_TABLES)
    ) == sorted((group, codename) for group, _, codename in before["group_rights"])
    assert after["copilot_domain_rights"] == before["copilot_domain_rights"]
    assert ("Co-pilotes usagers", "change_domain") in after["copilot_domain_rights"]
