"""Two app servers, one PostgreSQL, one Redis: an edit made through one server is on the very
next page the other serves, though both cache pages in the Redis they share.

Runs with the PostgreSQL suite (``make test-postgres``) when Redis answers at
``REDIS_TEST_URL`` (default redis://127.0.0.1:6379/15); skipped on SQLite.
"""

import os
import re

import pytest
from django.db import connection

from tests.services import Curator, app_servers, fresh_database, get, production_environment
from tests.services import seeded as seed

REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")
CASE = "/campaigns/yaan-earthquake-weibo-fundraising/"


def redis_client():
    """A client of the test Redis database, or None when Redis does not answer."""
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        return None
    return client


pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="two servers need a shared PostgreSQL"
    ),
    pytest.mark.skipif(redis_client() is None, reason=f"no Redis at {REDIS_URL}"),
]


@pytest.fixture(scope="module")
def servers():
    """Two gunicorn servers with production settings on the same database and Redis."""
    database_url, drop = fresh_database("two_servers")
    redis = redis_client()
    redis.flushdb()
    environment = production_environment(database_url, REDIS_URL=REDIS_URL)
    try:
        seed(environment)
        with app_servers(environment) as addresses:
            yield addresses, redis
    finally:
        redis.flushdb()
        drop()


def test_an_edit_through_one_server_is_on_the_next_page_the_other_serves(servers, settings):
    (first, second), redis = servers
    assert get(first, CASE)[0] == get(second, CASE)[0] == 200
    assert "Sina Weibo fundraising" in get(second, "/campaigns/?q=fundraising")[1]
    assert redis.keys("*page:*"), "the servers cache their pages in the shared Redis"

    curator = Curator(first)
    page = curator.open("/admin/campaigns/campaign/?q=Sina+Weibo+fundraising")
    selected = re.search(r"campaign/(\d+)/change/[^>]*>Sina Weibo fundraising after", page).group(1)
    curator.open(
        "/admin/campaigns/campaign/",
        {"action": "unpublish", "_selected_action": [selected], **curator.token(page)},
    )

    assert get(second, CASE)[0] == 404
    assert "Sina Weibo fundraising" not in get(second, "/campaigns/?q=fundraising")[1]
    assert settings.PAGE_CACHE_SECONDS  # the page cache was on all along
