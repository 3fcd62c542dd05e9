"""Django's Redis cache, with one Redis client per connection pool.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` object for every
cache operation (about 0.17 ms each). A page from the page cache takes only a few
operations, so that construction was a large part of a cache hit. A `redis.Redis`
is thread-safe and takes a connection from its pool per command, so one per pool
is enough. The pools themselves are Django's, unchanged.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class PooledRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        # Django's RedisCache has no setting for its client class: it is this
        # attribute, read once when the cache is first used.
        self._class = PooledRedisCacheClient
