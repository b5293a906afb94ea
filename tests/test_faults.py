"""Faults of several servers, under load: two gunicorn servers with production settings on one
PostgreSQL and one Redis — both this test's own (a database beside the test database, a Redis
on a spare port), never the machine's — while a fault comes and goes.

Bounded: a few seconds of load from four threads. PostgreSQL only (two servers need a shared
database); needs ``redis-server``.
"""

import collections
import threading
import time

import pytest
from django.db import connection

from tests.services import (
    RedisServer,
    app_servers,
    fresh_database,
    get,
    production_environment,
    seeded,
)

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="several servers need a shared PostgreSQL"
)

MIX = [
    "/",
    "/campaigns/",
    "/campaigns/?q=earthquake",
    "/campaigns/yaan-earthquake-weibo-fundraising/",
    "/platforms/sina-weibo/",
    "/figures/",
    "/api/campaigns?limit=5",
    "/campaigns/export.csv?platform=sina-weibo",
    "/health/",
]


class Load:
    """Readers asking for a mix of pages from every server, as fast as answers come, counting
    the answers by status until stopped."""

    def __init__(self, addresses, threads=4):
        self.addresses = addresses
        self.statuses = collections.Counter()
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.read, args=(n,)) for n in range(threads)]

    def read(self, number):
        turn = number
        while not self.stopping.is_set():
            address = self.addresses[turn % len(self.addresses)]
            path = MIX[turn % len(MIX)]
            try:
                status = get(address, path, timeout=10)[0]
            except OSError as error:  # a connection refused or timed out
                status = type(error).__name__
            with self.lock:
                self.statuses[status] += 1
            turn += 1

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=30)


@pytest.fixture(scope="module")
def cluster():
    """Two servers (two workers each) on a database with the seed catalogue and a Redis of
    the test's own; rate limits on, high enough that the load does not meet them."""
    database_url, drop = fresh_database("faults")
    redis = RedisServer().start()
    environment = production_environment(
        database_url,
        REDIS_URL=redis.url,
        DJANGO_RATE_LIMIT_SEARCHES="100000",
        DJANGO_RATE_LIMIT_DOWNLOADS="100000",
        DJANGO_RATE_LIMIT_API="100000",
    )
    try:
        seeded(environment)
        with app_servers(environment, count=2, workers=2) as addresses:
            yield addresses, redis
    finally:
        redis.close()
        drop()


def test_with_redis_stopped_and_started_again_no_request_fails_and_pages_are_cached_again(
    cluster,
):
    addresses, redis = cluster
    with Load(addresses) as load:
        time.sleep(2)
        before = sum(load.statuses.values())
        redis.stop()
        time.sleep(4)
        during = sum(load.statuses.values()) - before
        health = get(addresses[0], "/health/")
        redis.start()
        time.sleep(4)  # longer than the pause after a failure: the servers try Redis again
        after = sum(load.statuses.values()) - before - during

    assert set(load.statuses) == {200}, f"answers: {dict(load.statuses)}"
    assert before > 20 and during > 20 and after > 20, "the servers kept answering throughout"
    assert health[0] == 200
    assert '"cache": "degraded"' in health[1]
    cached = [key for key in redis.client().keys("*") if b"page:" in key]
    assert cached, "once Redis is back the servers cache their pages in it again"
