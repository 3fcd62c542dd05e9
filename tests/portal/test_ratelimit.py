"""The portal's rate limits: who the client is behind proxies, and exact counting in
PostgreSQL that every worker and app server shares."""

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from allauth.account.adapter import get_adapter
from django.db import connections
from django.test import RequestFactory
from django.utils import timezone

from portal import ratelimit
from portal.models import RateLimitCounter


def request_from(remote="10.0.0.1", forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


# Finding the client


def test_without_trusted_proxies_a_forged_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert ratelimit.client_ip(request_from("10.0.0.1", "1.2.3.4")) == "10.0.0.1"


def test_behind_one_proxy_the_client_is_the_address_the_proxy_appended(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = request_from("127.0.0.1", "6.6.6.6, 203.0.113.7")  # first part forged
    assert ratelimit.client_ip(request) == "203.0.113.7"


def test_behind_two_proxies_the_client_is_the_second_address_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = request_from("127.0.0.1", "6.6.6.6, 203.0.113.7, 10.1.1.1")
    assert ratelimit.client_ip(request) == "203.0.113.7"


@pytest.mark.parametrize("forwarded", [None, "", "203.0.113.7", "nonsense, <script>"])
def test_a_short_missing_or_garbage_forwarded_header_falls_back_to_the_connection(
    settings, forwarded
):
    settings.TRUSTED_PROXY_COUNT = 2
    assert ratelimit.client_ip(request_from("10.0.0.1", forwarded)) == "10.0.0.1"


def test_allauth_finds_the_client_the_same_way(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = request_from("127.0.0.1", "6.6.6.6, 2001:db8::1")
    assert get_adapter(request).get_client_ip(request) == "2001:db8::1"


# Counting


@pytest.mark.django_db
def test_the_limit_refuses_the_attempt_after_the_last_allowed_one():
    results = [ratelimit.allow("test", "10.0.0.1", 3, 60) for _ in range(5)]
    assert results == [True, True, True, False, False]
    assert ratelimit.allow("test", "10.0.0.2", 3, 60)
    assert ratelimit.allow("other-scope", "10.0.0.1", 3, 60)


@pytest.mark.django_db
def test_only_a_keyed_hash_of_the_address_is_stored():
    ratelimit.allow("test", "203.0.113.7", 3, 60)
    counter = RateLimitCounter.objects.get()
    assert "203.0.113.7" not in counter.key_hash
    assert len(counter.key_hash) == 64
    assert counter.expires_at - counter.window_start == timedelta(seconds=60)


@pytest.mark.django_db
def test_a_new_window_starts_counting_again(monkeypatch):
    assert [ratelimit.allow("test", "10.0.0.1", 1, 60) for _ in range(2)] == [True, False]
    later = timezone.now() + timedelta(seconds=61)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert ratelimit.allow("test", "10.0.0.1", 1, 60)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_burst_of_50_at_the_same_moment_is_counted_exactly():
    """Each thread has its own database connection, as separate workers would."""

    def attempt(_number):
        try:
            return ratelimit.allow("burst", "203.0.113.7", 20, 3600)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(attempt, range(50)))
    assert results.count(True) == 20
    assert RateLimitCounter.objects.get(scope="burst").count == 50


@pytest.mark.django_db
def test_expired_counters_are_pruned_and_current_ones_kept():
    ratelimit.allow("test", "10.0.0.1", 3, 60)
    old = timezone.now() - timedelta(hours=2)
    RateLimitCounter.objects.create(
        scope="test", key_hash="0" * 64, window_start=old, expires_at=old + timedelta(hours=1)
    )
    assert ratelimit.prune_expired() == 1
    assert RateLimitCounter.objects.count() == 1
