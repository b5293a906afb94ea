"""A cache outage is a miss, not an error (socialgood/cache.py): with Redis away every page, the
API and the downloads answer from the database, rate limits count per process, the health check
says "degraded" with a 200, and once Redis is back pages are cached in it again, no restart."""

import logging

import pytest
from django.core.cache import cache

from campaigns import ratelimits
from socialgood import cache as tolerant_cache
from tests.services import redis_server  # noqa: F401 - a fixture

PAGES = [
    "/",
    "/campaigns/",
    "/campaigns/?q=earthquake",
    "/campaigns/yaan-earthquake/",
    "/platforms/",
    "/figures/",
    "/timeline/",
    "/api/campaigns",
    "/api/campaigns/yaan-earthquake",
    "/campaigns/export.csv",
    "/campaigns/yaan-earthquake/share.png",
    "/zh-hans/",
]


@pytest.fixture
def shared_cache(settings, redis_server):  # noqa: F811 - the fixture imported above
    """The site's cache is this test's own Redis, as in production (REDIS_URL)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "socialgood.cache.TolerantRedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": "socialgood",
            "OPTIONS": {"socket_connect_timeout": 0.05, "socket_timeout": 0.05},
        }
    }
    tolerant_cache.OUTAGES.clear()
    yield redis_server
    tolerant_cache.OUTAGES.clear()


@pytest.fixture
def no_pause(monkeypatch):
    """Try Redis again at once after a failure, so a test need not wait for the pause."""
    monkeypatch.setattr(tolerant_cache, "RETRY_SECONDS", 0.0)


def page_keys(server):
    return [key for key in server.client().keys("*") if b"page:" in key]


@pytest.mark.parametrize("path", PAGES)
def test_with_redis_stopped_every_page_answers_from_the_database(
    client, yaan_case, shared_cache, path
):
    shared_cache.stop()

    response = client.get(path)

    assert response.status_code == 200
    if path.endswith("/yaan-earthquake/"):
        assert "Weibo fundraising after the Ya&#x27;an earthquake" in response.content.decode()


def test_an_outage_is_logged_once_when_it_starts_and_once_when_it_ends(
    client, yaan_case, shared_cache, no_pause, caplog
):
    caplog.set_level(logging.WARNING, logger="socialgood.cache")
    shared_cache.stop()
    for _request in range(3):
        assert client.get("/campaigns/").status_code == 200
    started = [record.getMessage() for record in caplog.records]
    assert len(started) == 1
    assert "cannot be reached" in started[0]
    assert "serving from the database without it" in started[0]

    shared_cache.start()
    assert client.get("/campaigns/").status_code == 200
    assert len(caplog.records) == 2
    assert "answers again" in caplog.records[1].getMessage()


def test_pages_are_cached_in_redis_again_when_it_returns_without_a_restart(
    client, yaan_case, shared_cache, no_pause
):
    assert client.get("/campaigns/").status_code == 200
    assert page_keys(shared_cache), "pages are cached in Redis while it answers"

    shared_cache.stop()
    assert client.get("/campaigns/").status_code == 200
    assert client.get("/campaigns/?page=1").status_code == 200

    shared_cache.start()  # an empty Redis, on the same port
    assert page_keys(shared_cache) == []
    assert client.get("/campaigns/").status_code == 200
    assert len(page_keys(shared_cache)) == 1


def test_after_a_failure_redis_is_left_alone_until_the_pause_ends(shared_cache, monkeypatch):
    shared_cache.stop()
    assert cache.get("anything", "missing") == "missing"
    assert not cache.answering

    asked = []
    monkeypatch.setattr(cache._cache, "get", lambda *args: asked.append(args))
    assert cache.get("anything", "missing") == "missing"
    assert asked == [], "Redis is not asked again within the pause"

    monkeypatch.setattr(tolerant_cache, "RETRY_SECONDS", 0.0)
    monkeypatch.setattr(cache.outage, "retry_at", 0.0)
    assert cache.answering
    cache.get("anything", "missing")
    assert asked, "after the pause Redis is asked again"


def test_an_unreachable_cache_answers_as_an_empty_one(shared_cache, no_pause):
    cache.set("kept", "value")
    assert cache.get("kept") == "value"
    shared_cache.stop()

    assert cache.get("kept") is None
    assert cache.get("kept", "default") == "default"
    assert cache.add("new", 1) is False
    assert cache.set("new", 1) is None
    assert cache.get_many(["kept", "new"]) == {}
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.has_key("kept") is False
    assert cache.delete("kept") is False
    with pytest.raises(ValueError):
        cache.incr("counter")


def test_the_health_check_says_degraded_with_a_200_while_the_cache_is_away(
    client, db, shared_cache, no_pause
):
    assert client.get("/health/").json() == {"status": "ok", "database": "ok", "cache": "ok"}
    shared_cache.stop()

    away = client.get("/health/")

    assert away.status_code == 200, "a balancer keeps a server that can still answer"
    assert away.json() == {"status": "degraded", "database": "ok", "cache": "degraded"}

    shared_cache.start()
    assert client.get("/health/").json()["cache"] == "ok"


def test_rate_limits_count_in_the_process_while_the_cache_is_away(
    client, yaan_case, shared_cache, settings, monkeypatch
):
    settings.RATE_LIMITS = {"searches": 2, "downloads": 0, "api": 0}
    monkeypatch.setattr(ratelimits.time, "time", lambda: 60 * 16_667 + 20.0)
    ratelimits.LOCAL_COUNTS.clear()
    shared_cache.stop()
    assert client.get("/campaigns/").status_code == 200  # finds the cache away

    answers = [client.get(f"/campaigns/?q=earthquake+{number}").status_code for number in range(3)]

    assert answers == [200, 200, 429]
    ratelimits.LOCAL_COUNTS.clear()


def test_a_redis_that_refuses_to_store_is_a_miss_and_the_health_check_says_so(
    client, yaan_case, shared_cache, no_pause, monkeypatch
):
    import redis

    class Refusing:
        """A Redis out of memory with noeviction: it answers PING but refuses every write."""

        def __getattr__(self, name):
            def refuse(*args, **kwargs):
                if name == "ping":
                    return True
                raise redis.exceptions.ResponseError(
                    "OOM command not allowed when used memory > 'maxmemory'."
                )

            return refuse

    monkeypatch.setattr(cache._cache, "get_client", lambda *args, **kwargs: Refusing())

    assert client.get("/campaigns/?q=earthquake").status_code == 200
    assert client.get("/api/campaigns").status_code == 200
    assert client.get("/health/").json()["cache"] == "degraded"
