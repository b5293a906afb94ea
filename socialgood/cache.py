"""
The shared cache (Redis) for which an outage is a miss, not an error.

Everything the site caches — whole pages, the search vocabulary, share images, rate-limit
counts — can be worked out again from the database, so a cache that cannot be reached must slow
the site down, never stop it. Django's own Redis backend raises on a refused or timed-out
connection, and every request reads the cache, so an outage answered every page with a 500.

``TolerantRedisCache`` is Django's backend with each operation answering as an empty cache
would while Redis cannot be reached or refuses (out of memory, read-only, failing to save):
``get`` gives the default, ``set`` keeps nothing, ``add`` adds nothing, ``incr`` finds no key.
After a failure it does not try Redis again for
``RETRY_SECONDS`` (a dead cache costs one short timeout per process per pause, not one per
request), then tries again, so it serves from Redis once Redis is back, with no restart. Each
outage is logged once when it starts and once when it ends.

Why not django-redis and its ``IGNORE_EXCEPTIONS``: it is a second Redis client beside the
one Django ships, and it would still try Redis on every call of an outage; what we need is these
few lines around the backend we already use.
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("socialgood.cache")

RETRY_SECONDS = 2.0
"""How long the cache is left alone after Redis failed to answer, before it is tried again."""


class Outage:
    """Whether one server the site can do without (a cache, a read replica) is answering,
    shared by the threads of a process: each outage is logged once when it starts and once
    when it ends, and the server is left alone for ``RETRY_SECONDS`` after each failure."""

    def __init__(self, what="Cache", meanwhile="serving from the database without it", log=None):
        self.what = what
        self.meanwhile = meanwhile
        self.logger = log or logger
        self.lock = threading.Lock()
        self.retry_at = 0.0
        self.failures = 0
        self.since = None

    def skipping(self):
        """Whether the server failed so recently that it is not worth asking yet."""
        return self.since is not None and time.monotonic() < self.retry_at

    def failed(self, location, error):
        with self.lock:
            self.failures += 1
            self.retry_at = time.monotonic() + RETRY_SECONDS
            if self.since is None:
                self.since = time.time()
                self.logger.warning(
                    "%s at %s cannot be reached (%s: %s): %s, trying again every %s s",
                    self.what,
                    location,
                    type(error).__name__,
                    error,
                    self.meanwhile,
                    RETRY_SECONDS,
                )

    def answered(self, location):
        if self.since is None:
            return
        with self.lock:
            if self.since is not None:
                self.logger.warning(
                    "%s at %s answers again after %.0f s",
                    self.what,
                    location,
                    time.time() - self.since,
                )
                self.since = None


OUTAGES = {}
"""One ``Outage`` per Redis location: Django makes a backend object per thread."""


def tolerant(miss):
    """Wrap a cache operation to give ``miss(*args, **kwargs)`` while Redis cannot be reached."""

    def decorator(operation):
        @functools.wraps(operation)
        def wrapper(self, *args, **kwargs):
            if self.outage.skipping():
                return miss(*args, **kwargs)
            try:
                result = operation(self, *args, **kwargs)
            except self.errors as error:
                self.outage.failed(self._location_name, error)
                return miss(*args, **kwargs)
            self.outage.answered(self._location_name)
            return result

        return wrapper

    return decorator


def redis_error(message):
    import redis

    return redis.exceptions.RedisError(message)


def no_such_key(*args, **kwargs):
    raise ValueError("Key not found: the cache cannot be reached.")


class TolerantRedisCache(RedisCache):
    """Django's Redis cache, answering as an empty cache while Redis cannot be reached."""

    def __init__(self, server, params):
        super().__init__(server, params)
        import redis

        # Unreachable, timed out, and also refusing (out of memory with noeviction, a read-only
        # replica after a failover, a failed save): the site cannot use it, so it does without.
        self.errors = (redis.exceptions.RedisError,)
        self._location_name = ",".join(self._servers)
        self.outage = OUTAGES.setdefault(self._location_name, Outage())

    @property
    def answering(self):
        """False while the cache is being left alone after a failure."""
        return not self.outage.skipping()

    def reachable(self):
        """Whether Redis takes a value and gives it back now, whatever the last failure was
        (for the health check: a Redis that answers PING may still refuse to store)."""
        try:
            client = self._cache.get_client(write=True)
            client.set(self.make_key("health-check"), b"ok", ex=5)
            if client.get(self.make_key("health-check")) != b"ok":
                raise redis_error("the value read back is not the one written")
        except self.errors as error:
            self.outage.failed(self._location_name, error)
            return False
        self.outage.answered(self._location_name)
        return True

    add = tolerant(lambda *a, **k: False)(RedisCache.add)
    get = tolerant(lambda key, default=None, version=None: default)(RedisCache.get)
    set = tolerant(lambda *a, **k: None)(RedisCache.set)
    touch = tolerant(lambda *a, **k: False)(RedisCache.touch)
    delete = tolerant(lambda *a, **k: False)(RedisCache.delete)
    get_many = tolerant(lambda *a, **k: {})(RedisCache.get_many)
    has_key = tolerant(lambda *a, **k: False)(RedisCache.has_key)
    incr = tolerant(no_such_key)(RedisCache.incr)
    set_many = tolerant(lambda data, *a, **k: list(data))(RedisCache.set_many)
    delete_many = tolerant(lambda *a, **k: None)(RedisCache.delete_many)
    clear = tolerant(lambda *a, **k: False)(RedisCache.clear)
