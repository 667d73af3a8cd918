"""The visitor's address behind proxies (PORTAL_TRUSTED_PROXIES): the
X-Forwarded-For chain is read from the right and only trusted proxies are
skipped, so a client cannot choose its rate-limit bucket, and visitors behind
one load balancer do not share one. The search log uses the same address (tests/search/test_views.py)."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory, override_settings

from core.antiabuse import client_ip, parse_trusted_proxies, rate_limit_exceeded
from tests.core.test_settings import run_manage

PROXY = "10.0.0.5"
SPOOF = "6.6.6.6"
CLIENT = "198.51.100.23"
OTHER_CLIENT = "198.51.100.99"


def request_from(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_without_a_trusted_proxy_a_spoofed_header_is_ignored(settings):
    assert settings.PORTAL_TRUSTED_PROXIES == ""
    assert client_ip(request_from(CLIENT, SPOOF)) == CLIENT
    assert client_ip(request_from(CLIENT, f"{SPOOF}, 1.2.3.4")) == CLIENT


@override_settings(PORTAL_TRUSTED_PROXIES="1")
def test_one_hop_takes_the_address_the_proxy_appended():
    # The client sent "X-Forwarded-For: 6.6.6.6"; the load balancer appended the peer it saw.
    assert client_ip(request_from(PROXY, f"{SPOOF}, {CLIENT}")) == CLIENT
    assert client_ip(request_from(PROXY, CLIENT)) == CLIENT
    # Reached directly (no header): the peer itself.
    assert client_ip(request_from(CLIENT)) == CLIENT


@override_settings(PORTAL_TRUSTED_PROXIES="2")
def test_two_hops():
    assert client_ip(request_from("10.0.0.6", f"{SPOOF}, {CLIENT}, {PROXY}")) == CLIENT


@override_settings(PORTAL_TRUSTED_PROXIES="10.0.0.0/8, 192.168.1.7, fd00::/8")
def test_cidr_list_takes_the_rightmost_untrusted_address():
    assert client_ip(request_from(PROXY, f"{SPOOF}, {CLIENT}, 10.1.2.3")) == CLIENT
    assert client_ip(request_from("192.168.1.7", f"{SPOOF}, {CLIENT}")) == CLIENT
    assert client_ip(request_from("fd00::1", "2001:db8::42")) == "2001:db8::42"
    # A peer that is not a trusted proxy: its header is the client's word, ignored.
    assert client_ip(request_from(CLIENT, f"{SPOOF}, 10.1.2.3")) == CLIENT
    # Only trusted proxies in the chain: the leftmost.
    assert client_ip(request_from(PROXY, "10.9.9.9")) == "10.9.9.9"
    # Garbage where the client's address should be: the proxy's, never the garbage.
    assert client_ip(request_from(PROXY, "<script>")) == PROXY


def test_an_invalid_setting_is_refused():
    with pytest.raises(ImproperlyConfigured):
        parse_trusted_proxies("load-balancer")
    assert parse_trusted_proxies("0") == 0
    assert parse_trusted_proxies(" ") == 0


@pytest.mark.django_db
def test_behind_one_proxy_each_visitor_has_their_own_bucket_and_spoofing_changes_nothing():
    def hit(forwarded):
        return rate_limit_exceeded(request_from(PROXY, forwarded), "essai-proxy", limit=2)

    with override_settings(PORTAL_TRUSTED_PROXIES="1"):
        # A new spoofed address each time: still the same client, the third is refused.
        assert [hit(f"6.6.6.{n}, {CLIENT}") for n in range(3)] == [False, False, True]
        assert hit(OTHER_CLIENT) is False  # another visitor through the same load balancer


def test_the_setting_comes_from_the_environment():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(repr(settings.PORTAL_TRUSTED_PROXIES))",
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        PORTAL_TRUSTED_PROXIES="10.0.0.0/8,192.168.1.7",
    )
    assert result.returncode == 0, result.stderr
    assert "'10.0.0.0/8,192.168.1.7'" in result.stdout
