"""Reads from a read replica (socialgood/replica.py): which requests read from it, read-your-
writes for a client that just wrote, a replica that lags, and one that cannot be reached.

The rules are checked in-process; the rest runs against a real streaming replica of the test
database's PostgreSQL server (``tests/services.py``'s ``standby``) and gunicorn servers with
production settings, with the PostgreSQL suite (``make test-postgres``); skipped on SQLite.
Which database answered is told by pausing the replica's replay of the primary's changes: a
change made meanwhile is on the primary and not on the replica.
"""

import contextlib
import json
import re
import time
import typing
import urllib.request

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import RequestFactory

from campaigns.models import Campaign, CatalogueVersion
from socialgood import replica
from tests.services import (
    Curator,
    Standby,
    app_servers,
    free_port,
    fresh_database,
    get,
    production_environment,
    standby,  # noqa: F401 - the session's replica, a fixture
)
from tests.services import seeded as seed

CASE = "/campaigns/yaan-earthquake-weibo-fundraising/"
TITLE = "Sina Weibo fundraising"
NO_TABLES = "?options=-c%20search_path%3Dnowhere"
"""Connection options under which the replica finds none of the catalogue's tables."""

requests = RequestFactory()


def test_a_get_without_a_session_is_a_readers_request():
    assert replica.reads_from_replica(requests.get(CASE))
    assert replica.reads_from_replica(requests.head("/api/campaigns"))


def test_a_curators_request_and_a_write_are_not_a_readers():
    signed_in = requests.get(CASE)
    signed_in.COOKIES[settings.SESSION_COOKIE_NAME] = "a-session"
    assert not replica.reads_from_replica(signed_in)
    assert not replica.reads_from_replica(requests.post("/suggest/"))


def test_a_client_that_wrote_reads_from_the_primary_for_a_while(settings, monkeypatch):
    settings.READ_YOUR_WRITES_SECONDS = 10
    monkeypatch.setattr(replica, "replica_answers", lambda: True)
    middleware = replica.ReplicaMiddleware(lambda request: HttpResponse())
    cookie = middleware(requests.post("/suggest/")).cookies[replica.WROTE_COOKIE]
    assert cookie["max-age"] == 10
    assert cookie["httponly"]
    assert not middleware(requests.get(CASE)).cookies, "a read sets no cookie"

    after = requests.get(CASE)
    after.COOKIES[replica.WROTE_COOKIE] = cookie.value
    assert not replica.reads_from_replica(after)

    wrote_at = time.time()
    monkeypatch.setattr(time, "time", lambda: wrote_at + 11)
    assert replica.reads_from_replica(after), "ten seconds on, the replica has the write"


def test_a_forged_cookie_is_ignored():
    forged = requests.get(CASE)
    forged.COOKIES[replica.WROTE_COOKIE] = "1"
    assert replica.reads_from_replica(forged)


@pytest.fixture
def readers_request():
    """Within this test, reads go where a reader's request sends them: the replica."""
    chosen = replica.reading_from.set(replica.REPLICA)
    yield
    replica.reading_from.reset(chosen)


def test_outside_a_request_everything_is_on_the_primary():
    router = replica.ReplicaRouter()
    assert router.db_for_read(Campaign) == router.db_for_write(Campaign) == "default"
    assert router.allow_migrate("default", "campaigns")
    assert not router.allow_migrate("replica", "campaigns")


def test_a_readers_request_reads_the_replica_until_it_writes(readers_request):
    router = replica.ReplicaRouter()
    assert router.db_for_read(Campaign) == "replica"
    assert router.db_for_write(CatalogueVersion) == "default"
    assert router.db_for_read(Campaign) == "default", "the rest of the request reads its write"


@pytest.mark.django_db
def test_a_read_inside_a_transaction_on_the_primary_is_part_of_it(readers_request):
    with transaction.atomic():
        assert replica.ReplicaRouter().db_for_read(Campaign) == "default"


# ------------------------------------------------------------------ a real streaming replica

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a read replica is a streaming replica of PostgreSQL"
)


class Servers(typing.NamedTuple):
    reader: str  # reads from the replica
    cut_off: str  # its replica cannot be reached
    failing_midway: str  # its replica connects but fails every query of a page
    standby: Standby


@pytest.fixture(scope="module")
def servers(standby):  # noqa: F811 - the fixture imported above
    """A gunicorn server reading from the replica, and one whose replica cannot be reached,
    both on one fresh database of the primary with the seed catalogue."""
    database_url, drop = fresh_database("replica")
    name = database_url.rsplit("/", 1)[1]
    environment = production_environment(database_url)
    try:
        seed(environment)
        wait_until(lambda: standby.psql(name, "SELECT count(*) FROM auth_user", check=False) == "1")
        reading = {**environment, "DATABASE_REPLICA_URL": standby.url(name)}
        unreachable = {
            **environment,
            "DATABASE_REPLICA_URL": f"postgres://postgres@127.0.0.1:{free_port()}/{name}",
        }
        # A replica that connects and answers its health check but fails every query of the
        # page, as one that goes away in the middle of a request does.
        failing = {**reading, "DATABASE_REPLICA_URL": standby.url(name) + NO_TABLES}
        with (
            app_servers(reading, count=1) as (reader,),
            app_servers(unreachable, count=1) as (cut_off,),
            app_servers(failing, count=1) as (failing_midway,),
        ):
            yield Servers(reader, cut_off, failing_midway, standby)
    finally:
        drop()


def wait_until(condition, seconds=30):
    """Wait until ``condition()`` holds, failing the test after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"not so after {seconds} s")
        time.sleep(0.1)


@contextlib.contextmanager
def replay_paused(replica_server):
    """The replica stops replaying the primary's changes, and catches up afterwards."""
    replica_server.psql("postgres", "SELECT pg_wal_replay_pause()")
    state = "SELECT pg_get_wal_replay_pause_state()"
    wait_until(lambda: replica_server.psql("postgres", state) == "paused")
    try:
        yield
    finally:
        replica_server.psql("postgres", "SELECT pg_wal_replay_resume()")


def etag(address, path):
    request = urllib.request.Request(f"{address}{path}", headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers["ETag"]


def case_id(curator):
    """The Ya'an case's id in the admin, and the admin page it was read from."""
    page = curator.open("/admin/campaigns/campaign/?q=Sina+Weibo+fundraising")
    found = re.search(r"campaign/(\d+)/change/[^>]*>Sina Weibo fundraising after", page)
    return found.group(1), page


@on_postgresql
def test_readers_read_the_replica_and_curators_and_recent_writers_the_primary(servers):
    reader = servers.reader
    assert get(reader, CASE)[0] == 200
    listing = etag(reader, "/campaigns/")
    curator = Curator(reader)
    selected, page = case_id(curator)

    with replay_paused(servers.standby):
        curator.open(
            "/admin/campaigns/campaign/",
            {"action": "unpublish", "_selected_action": [selected], **curator.token(page)},
        )
        assert 'class="preview-banner"' in curator.open(CASE), "a curator reads the primary"
        assert get(reader, CASE)[0] == 200, "a reader reads the replica, not there yet"
        assert etag(reader, "/campaigns/") == listing, "and its catalogue version"

        # Signed out, the curator is a reader again, but one who just wrote.
        curator.open("/admin/logout/", curator.token(curator.open("/admin/")))
        signed_out = {name: value for name, value in curator.cookies.items() if value != '""'}
        assert settings.SESSION_COOKIE_NAME not in signed_out
        assert replica.WROTE_COOKIE in signed_out
        curator.cookies = signed_out
        assert TITLE not in curator.open(CASE), "who just wrote reads the primary"
        assert get(reader, CASE)[0] == 200

    wait_until(lambda: get(reader, CASE)[0] == 404, seconds=10)
    assert etag(reader, "/campaigns/") != listing


@on_postgresql
def test_a_case_published_in_the_admin_is_soon_on_the_page_readers_read(servers):
    reader = servers.reader
    curator = Curator(reader)
    selected, page = case_id(curator)
    curator.open(
        "/admin/campaigns/campaign/",
        {"action": "publish", "_selected_action": [selected], **curator.token(page)},
    )
    wait_until(lambda: get(reader, CASE)[0] == 200, seconds=10)
    assert TITLE in get(reader, "/campaigns/?q=fundraising")[1]


@on_postgresql
def test_a_replica_that_cannot_be_reached_is_done_without(servers):
    cut_off = servers.cut_off
    for path in ("/", "/campaigns/", "/api/campaigns", "/figures/export.csv", "/sitemap.xml"):
        assert get(cut_off, path)[0] == 200, path
    status, text = get(cut_off, "/health/")
    assert status == 200
    assert json.loads(text) == {
        "status": "degraded",
        "database": "ok",
        "cache": "ok",
        "replica": "degraded",
    }


@on_postgresql
def test_a_request_the_replica_fails_midway_is_answered_from_the_primary(servers):
    failing_midway = servers.failing_midway
    for path in ("/", "/campaigns/", "/api/campaigns", "/sitemap.xml"):
        assert get(failing_midway, path)[0] == 200, path


@on_postgresql
def test_a_replica_stopped_and_started_again_is_read_again(servers):
    reader = servers.reader
    servers.standby.stop()
    try:
        assert get(reader, "/campaigns/")[0] == 200
        assert json.loads(get(reader, "/health/")[1])["replica"] == "degraded"
    finally:
        servers.standby.start()
    wait_until(lambda: json.loads(get(reader, "/health/")[1])["replica"] == "ok")
