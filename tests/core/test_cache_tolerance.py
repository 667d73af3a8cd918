"""Redis down (core/cache.py TolerantRedisCache): cache errors are misses,
pages keep being served, rate limits fail open. Redis is "down" here as a
URL on a loopback port where nothing listens."""

import socket
import time

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.test import override_settings

from core.antiabuse import rate_limit_exceeded
from core.factories import PortalSettingsFactory
from core.pagecache import HEADER


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def down_redis():
    return {
        "BACKEND": "core.cache.TolerantRedisCache",
        "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
    }


@pytest.fixture
def redis_down():
    with override_settings(CACHES={"default": down_redis(), "ratelimit": down_redis()}):
        yield


def test_every_operation_is_a_miss_not_an_error(redis_down):
    cache = caches["default"]
    started = time.monotonic()
    assert cache.get("k") is None and cache.get("k", "défaut") == "défaut"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set("k", 1) is None and cache.set_many({"a": 1}) == ["a"]
    assert cache.add("k", 1) is True  # fail open: taken as new
    assert cache.incr("k") == 1  # fail open: a first hit
    assert cache.has_key("k") is False and cache.delete("k") is False
    cache.delete_many(["a"])
    cache.touch("k")
    cache.clear()
    assert time.monotonic() - started < 5  # refused at once, no long retry loop


def test_django_redis_cache_would_raise(db):
    import redis.exceptions

    cache = RedisCache(f"redis://127.0.0.1:{closed_port()}/0", {"OPTIONS": {"socket_connect_timeout": 0.5}})
    with pytest.raises(redis.exceptions.ConnectionError):
        cache.get("k")


def test_pages_are_served_uncached_while_redis_is_down(redis_down, client, site, settings):
    PortalSettingsFactory(site=site)
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    for _ in range(2):
        response = client.get("/")
        assert response.status_code == 200
        assert response.get(HEADER) != "hit"  # rendered each time, the store silently failing


def test_rate_limits_fail_open_while_redis_is_down(redis_down, rf, settings):
    settings.PORTAL_RATE_LIMIT_PER_HOUR = 2
    request = rf.post("/annuaire/profil/1/contact/")
    assert not any(rate_limit_exceeded(request, "contact", email="a@example.org") for _ in range(5))


def test_rate_limits_hold_when_redis_is_up(rf, settings):
    import uuid

    redis_up = {
        "BACKEND": "core.cache.TolerantRedisCache",
        "LOCATION": "redis://127.0.0.1:6379/0",
        "KEY_PREFIX": f"test-tolerance-{uuid.uuid4().hex[:12]}",
    }
    with override_settings(CACHES={"default": redis_up, "ratelimit": redis_up}):
        settings.PORTAL_RATE_LIMIT_PER_HOUR = 2
        request = rf.post("/annuaire/profil/1/contact/")
        results = [rate_limit_exceeded(request, "contact") for _ in range(4)]
        caches["ratelimit"].clear()
    assert results == [False, False, True, True]
