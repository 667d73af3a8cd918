"""Fast, deterministic settings for pytest (SQLite by default, PostgreSQL
when DATABASE_URL is set, as .ci/run does)."""

from .base import *  # noqa: F403
from .base import DATABASES, env

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105 (test settings only)
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Rate-limit counters: their own store (tests/conftest.py empties it before each test).
    "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ratelimit"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Emails are sent when the transaction commits (the tests capture on_commit
# callbacks); tests/core/test_outbox.py checks the database backend as shipped.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "email": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
PORTAL_FORM_MIN_SECONDS = 0
# No page cache in tests (tests/core/test_pagecache.py turns it on).
PORTAL_PAGE_CACHE_SECONDS = 0
# Each concurrent run (and each xdist worker) gets its own test database name.
if env("TEST_DB_NAME"):
    DATABASES["default"].setdefault("TEST", {})["NAME"] = env("TEST_DB_NAME")
