"""The Redis cache of production (REDIS_URL) behaves as Django's, with one client per
pool. Runs against the Redis server every machine of ours has on 127.0.0.1:6379, as
the other tests run against real PostgreSQL."""

import socket

import pytest
from django.core.cache import caches
from django.test import override_settings

REDIS = ("127.0.0.1", 6379)


def redis_answers():
    try:
        socket.create_connection(REDIS, timeout=0.2).close()
    except OSError:
        return False
    return True


@pytest.fixture
def redis_cache():
    assert redis_answers(), "these tests need the Redis server on 127.0.0.1:6379"
    location = f"redis://{REDIS[0]}:{REDIS[1]}/14"
    backend = {"BACKEND": "portal.redis_cache.RedisCache", "LOCATION": location}
    with override_settings(CACHES={"default": backend}):
        cache = caches.create_connection("default")
        cache.clear()
        yield cache
        cache.clear()


def test_the_cache_stores_counts_and_forgets_like_djangos(redis_cache):
    redis_cache.set("page", b"<html>", timeout=60)
    redis_cache.set_many({"a": 1, "b": 2}, timeout=None)
    assert redis_cache.get("page") == b"<html>"
    assert redis_cache.get_many(["a", "b", "c"]) == {"a": 1, "b": 2}
    assert redis_cache.incr("a") == 2
    redis_cache.delete("page")
    assert redis_cache.get("page") is None


def test_every_operation_uses_the_same_client(redis_cache):
    redis_cache.set("x", 1)
    first = redis_cache._cache.get_client(write=True)
    redis_cache.get("x")
    assert redis_cache._cache.get_client(write=True) is first
