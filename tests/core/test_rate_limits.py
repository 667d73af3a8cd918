"""Rate limits that hold: fixed one-hour windows whose expiry is set when the
counter is created and never moved by a hit, on every cache backend the
portal ships with (database, local memory, a real Redis), in a cache alias of
their own that a full page cache cannot cull."""

import time
from datetime import UTC, datetime

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory, override_settings

from core.antiabuse import RATE_LIMIT_CACHE, _bucket_key, current_window, rate_limit_exceeded

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/5"  # db 0-3 belong to others on this machine
REDIS_PREFIX = "i12-relay-test"
IP = "203.0.113.7"


def database_caches(default_max_entries=300):
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "test_i12_relay_cache",
            "OPTIONS": {"MAX_ENTRIES": default_max_entries},
        },
        "ratelimit": {
            "BACKEND": "core.cache.RateLimitDatabaseCache",
            "LOCATION": "test_i12_relay_ratelimit",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
    }


def database_expiry(key):
    cache = caches[RATE_LIMIT_CACHE]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT expires FROM {cache._table} WHERE cache_key = %s", [cache.make_key(key)])  # noqa: S608
        value = cursor.fetchone()[0]
    if isinstance(value, str):  # SQLite
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()


def locmem_expiry(key):
    cache = caches[RATE_LIMIT_CACHE]
    return cache._expire_info[cache.make_key(key)]


def redis_expiry(key):
    cache = caches[RATE_LIMIT_CACHE]
    full = cache.make_key(key)
    return cache._cache.get_client(full).expiretime(full)


@pytest.fixture(params=["database", "locmem", "redis"])
def backend(request):
    """The `ratelimit` alias on one backend, and how to read a key's stored
    expiry (a Unix timestamp) on it."""
    if request.param == "database":
        with override_settings(CACHES=database_caches()):
            call_command("createcachetable", verbosity=0)
            yield database_expiry
    elif request.param == "locmem":
        locmem = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-i12-relay"}
        with override_settings(CACHES={"default": locmem, "ratelimit": locmem}):
            caches[RATE_LIMIT_CACHE].clear()
            yield locmem_expiry
            caches[RATE_LIMIT_CACHE].clear()
    else:
        redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        with override_settings(CACHES={"default": redis, "ratelimit": {**redis, "KEY_PREFIX": REDIS_PREFIX}}):
            client = caches[RATE_LIMIT_CACHE]._cache.get_client(None, write=True)
            assert client.ping()
            yield redis_expiry
            for key in client.scan_iter(f"{REDIS_PREFIX}:*"):  # only ours: never FLUSHDB a shared server
                client.delete(key)


def a_window_that_does_not_end_now():
    """Start well inside a window (a test run across the hour would compare
    two windows)."""
    _, end = current_window()
    if end - time.time() < 15:
        time.sleep(end - time.time() + 0.5)


def post_from(ip):
    return RequestFactory().post("/", REMOTE_ADDR=ip)


def test_a_hit_never_moves_the_counter_expiry(backend):
    a_window_that_does_not_end_now()
    window, end = current_window()
    key = _bucket_key("essai", "ip", IP, window)
    assert rate_limit_exceeded(post_from(IP), "essai", limit=5) is False
    first = backend(key)
    assert end <= first <= end + 1  # the end of the window, set explicitly
    time.sleep(1.1)  # a hit a second later would move an expiry "timeout from now" by a second
    for _ in range(4):
        assert rate_limit_exceeded(post_from(IP), "essai", limit=5) is False
    assert backend(key) == first
    assert caches[RATE_LIMIT_CACHE].get(key) == 5
    assert rate_limit_exceeded(post_from(IP), "essai", limit=5) is True  # the sixth in the hour
    assert backend(key) == first


def test_the_email_bucket_has_the_same_fixed_expiry(backend):
    a_window_that_does_not_end_now()
    window, end = current_window()
    key = _bucket_key("essai", "email", "Quelqu.un@example.org", window)
    for _ in range(3):
        rate_limit_exceeded(post_from(IP), "essai", email="quelqu.un@example.org", limit=5)
    assert caches[RATE_LIMIT_CACHE].get(key) == 3
    assert end <= backend(key) <= end + 1


def test_a_full_page_cache_does_not_evict_the_counters(settings):
    """The database cache culls a third of its rows past MAX_ENTRIES: counters
    in the same table as a page cache would be among them."""
    with override_settings(CACHES=database_caches(default_max_entries=30)):
        call_command("createcachetable", verbosity=0)
        a_window_that_does_not_end_now()
        window, _ = current_window()
        key = _bucket_key("essai", "ip", IP, window)
        for _ in range(3):
            rate_limit_exceeded(post_from(IP), "essai", limit=3)
        default = caches["default"]
        for n in range(120):
            default.set(f"page:{n}", "<html>…</html>")
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {default._table}")  # noqa: S608
            assert cursor.fetchone()[0] <= 31
        assert default.get("page:0") is None  # culled
        assert caches[RATE_LIMIT_CACHE].get(key) == 3
        assert rate_limit_exceeded(post_from(IP), "essai", limit=3) is True


def test_the_database_incr_adds_and_refuses_a_missing_or_expired_key():
    """(Two server processes sharing the counters: tests/directory/test_rate_limit_processes.py.)"""
    with override_settings(CACHES=database_caches()):
        call_command("createcachetable", verbosity=0)
        cache = caches[RATE_LIMIT_CACHE]
        cache.add("compteur", 0, timeout=600)
        for _ in range(10):
            cache.incr("compteur")
        assert cache.incr("compteur", 5) == 15 and cache.get("compteur") == 15
        with pytest.raises(ValueError):
            cache.incr("absent")
        cache.set("perime", 1, timeout=-1)
        with pytest.raises(ValueError):
            cache.incr("perime")


def test_a_missing_cache_table_is_reported_by_the_checks():
    from core.checks import cache_tables_exist

    with override_settings(CACHES=database_caches()):
        assert [w.id for w in cache_tables_exist(databases=["default"])] == ["core.W001", "core.W001"]
        assert "createcachetable" in cache_tables_exist(databases=["default"])[0].hint
        call_command("createcachetable", verbosity=0)
        assert cache_tables_exist(databases=["default"]) == []


def test_shipped_settings_give_rate_limits_their_own_table():
    from portal.settings import base

    assert base.CACHES["ratelimit"]["BACKEND"] == "core.cache.RateLimitDatabaseCache"
    assert base.CACHES["ratelimit"]["LOCATION"] != base.CACHES["default"]["LOCATION"]
