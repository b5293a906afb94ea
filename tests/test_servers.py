"""Two app servers, one PostgreSQL, one Redis: an edit made through one server is on the very
next page the other serves, though both cache pages in the Redis they share.

Runs with the PostgreSQL suite (``make test-postgres``) when Redis answers at
``REDIS_TEST_URL`` (default redis://127.0.0.1:6379/15); skipped on SQLite.
"""

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

PROJECT = Path(__file__).resolve().parent.parent
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


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def database_url():
    """A database of its own for the servers, with the seed catalogue and a curator."""
    params = connection.settings_dict
    name = f"{params['NAME']}_two_servers"
    server = f"postgres://{params['USER']}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}"
    admin = f"--maintenance-db={server}/postgres"
    subprocess.run(["dropdb", "--if-exists", admin, name], check=True, capture_output=True)
    subprocess.run(["createdb", admin, name], check=True, capture_output=True)
    url = f"{server}/{name}"
    yield url
    subprocess.run(["dropdb", "--if-exists", "--force", admin, name], capture_output=True)


@pytest.fixture(scope="module")
def servers(database_url):
    """Two gunicorn servers with production settings on the same database and Redis."""
    redis = redis_client()
    redis.flushdb()
    static_root = tempfile.mkdtemp(prefix="socialgood-servers-static-")
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "two-servers-test-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": static_root,
        "DJANGO_SUPERUSER_PASSWORD": "two-servers-password",
        "DJANGO_SETTINGS_MODULE": "socialgood.settings",
    }
    for command in (
        ["migrate", "--no-input", "-v", "0"],
        ["load_catalogue", "-v", "0"],
        ["collectstatic", "--no-input", "-v", "0"],
        ["createsuperuser", "--no-input", "--username", "curator", "--email", "c@example.org"],
    ):
        subprocess.run([sys.executable, "manage.py", *command], cwd=PROJECT, env=env, check=True)
    processes, addresses = [], []
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    for _server in range(2):
        port = free_port()
        processes.append(
            subprocess.Popen(
                [gunicorn, "socialgood.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
                cwd=PROJECT,
                env=env,
                stderr=subprocess.DEVNULL,
            )
        )
        addresses.append(f"http://127.0.0.1:{port}")
    try:
        for address in addresses:
            wait_for(address)
        yield addresses, redis
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
        redis.flushdb()


def wait_for(address):
    for _attempt in range(150):
        try:
            urllib.request.urlopen(f"{address}/robots.txt", timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"the server at {address} did not start")


def get(address, path):
    """The status and text of a page, asked for as a reader would (over HTTPS at the proxy)."""
    request = urllib.request.Request(f"{address}{path}", headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


class Curator:
    """A curator signed in to one server's admin. Production cookies are Secure and the
    proxy says the request came over HTTPS, so the cookies are kept by hand."""

    def __init__(self, address):
        self.address = address
        self.cookies = {}
        page = self.open("/admin/login/")
        self.open(
            "/admin/login/?next=/admin/",
            {"username": "curator", "password": "two-servers-password", **self.token(page)},
        )

    def open(self, path, form=None):
        url = f"{self.address}{path}"
        headers = {
            "X-Forwarded-Proto": "https",
            "Referer": url.replace("http://", "https://"),
            "Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items()),
        }
        data = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
        request = urllib.request.Request(url, data=data, headers=headers)
        try:
            response = urllib.request.build_opener(KeepRedirects).open(request, timeout=30)
        except urllib.error.HTTPError as answer:  # a redirect after a form, kept as it is
            response = answer
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        return response.read().decode()

    @staticmethod
    def token(page):
        return {
            "csrfmiddlewaretoken": re.search(
                r'name="csrfmiddlewaretoken" value="([^"]+)"', page
            ).group(1)
        }


class KeepRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are not followed: their cookies must be kept first."""

    def redirect_request(self, *args, **kwargs):
        return None


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
