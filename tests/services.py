"""Services the tests start themselves, on spare ports of 127.0.0.1, and stop again: never the
machine's own (a fault test stops and starts its own Redis, not the one the site may be using)."""

import contextlib
import os
import re
import shutil
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


def free_port():
    """A TCP port of 127.0.0.1 no one listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A Redis server of the test's own, kept in memory, that a test can stop and start again
    on the same port."""

    def __init__(self):
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            pytest.skip("redis-server is not installed")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.folder = tempfile.mkdtemp(prefix="socialgood-redis-")
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                self.binary,
                "--bind", "127.0.0.1",
                "--port", str(self.port),
                "--save", "",
                "--appendonly", "no",
                "--dir", self.folder,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        pytest.fail(f"redis-server did not start on port {self.port}")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def client(self):
        import redis

        return redis.Redis.from_url(self.url, socket_connect_timeout=1)

    def close(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def redis_server():
    """A Redis server of this test's own, started; stopped and removed afterwards."""
    server = RedisServer().start()
    yield server
    server.close()


# ------------------------------------------------------------------ app servers on PostgreSQL

PROJECT = Path(__file__).resolve().parent.parent


def fresh_database(name):
    """A PostgreSQL database of its own beside the test database (dropped first if it is left
    from an interrupted run): its URL, and a function that drops it."""
    from django.db import connection

    params = connection.settings_dict
    host = params["HOST"] or "127.0.0.1"
    server = f"postgres://{params['USER']}@{host}:{params['PORT'] or 5432}"
    name = f"{params['NAME']}_{name}"
    admin = f"--maintenance-db={server}/postgres"
    subprocess.run(["dropdb", "--if-exists", admin, name], check=True, capture_output=True)
    subprocess.run(["createdb", admin, name], check=True, capture_output=True)

    def drop():
        subprocess.run(["dropdb", "--if-exists", "--force", admin, name], capture_output=True)

    return f"{server}/{name}", drop


def production_environment(database_url, **settings):
    """The environment of an app server with production settings on ``database_url``."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "app-servers-test-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": tempfile.mkdtemp(prefix="socialgood-servers-static-"),
        "DJANGO_SUPERUSER_PASSWORD": "two-servers-password",
        "DJANGO_SETTINGS_MODULE": "socialgood.settings",
        **settings,
    }


def manage(environment, *arguments):
    """Run ``manage.py`` with ``arguments`` in ``environment``, failing the test if it fails."""
    subprocess.run(
        [sys.executable, "manage.py", *arguments], cwd=PROJECT, env=environment, check=True
    )


def seeded(environment):
    """Migrate, load the seed catalogue, collect static files and add the curator ``curator``."""
    manage(environment, "migrate", "--no-input", "-v", "0")
    manage(environment, "load_catalogue", "-v", "0")
    manage(environment, "collectstatic", "--no-input", "-v", "0")
    manage(
        environment,
        "createsuperuser", "--no-input", "--username", "curator", "--email", "c@example.org",
    )  # fmt: skip


@contextlib.contextmanager
def app_servers(environment, count=2, workers=1):
    """``count`` gunicorn servers on spare ports: their addresses, stopped afterwards."""
    processes, addresses = [], []
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    try:
        for _server in range(count):
            port = free_port()
            processes.append(
                subprocess.Popen(
                    [
                        gunicorn,
                        "socialgood.wsgi",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "--workers",
                        str(workers),
                    ],
                    cwd=PROJECT,
                    env=environment,
                    stderr=subprocess.DEVNULL,
                )  # fmt: skip
            )
            addresses.append(f"http://127.0.0.1:{port}")
        for address in addresses:
            wait_for(address)
        yield addresses
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)


def wait_for(address):
    """Wait until the server at ``address`` answers (at most 30 s)."""
    for _attempt in range(150):
        try:
            urllib.request.urlopen(f"{address}/robots.txt", timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"the server at {address} did not start")


def get(address, path, timeout=30):
    """The status and text of a page, asked for as a reader would (over HTTPS at the proxy)."""
    request = urllib.request.Request(f"{address}{path}", headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


class Curator:
    """A curator signed in to one server's admin. Production cookies are Secure and the
    proxy says the request came over HTTPS, so the cookies are kept by hand."""

    def __init__(self, address, username="curator", password="two-servers-password"):
        self.address = address
        self.cookies = {}
        page = self.open("/admin/login/")
        self.open(
            "/admin/login/?next=/admin/",
            {"username": username, "password": password, **self.token(page)},
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


# ------------------------------------------------------------------ a streaming read replica


class Standby:
    """A streaming replica of the test database's PostgreSQL server, of the test's own: copied
    with ``pg_basebackup -R`` into a temporary folder and served on a spare port of 127.0.0.1,
    read-only, following every change the server makes. Run as the ``postgres`` user when the
    tests run as root (PostgreSQL refuses to run as root)."""

    def __init__(self, primary):
        self.primary = primary  # the test database's connection settings
        binaries = Path(
            subprocess.run(
                ["pg_config", "--bindir"], capture_output=True, text=True, check=True
            ).stdout.strip()
        )
        self.pg_ctl = binaries / "pg_ctl"
        self.basebackup = binaries / "pg_basebackup"
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="socialgood-standby-"))
        self.data = self.folder / "data"
        self.running = False
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            self.as_owner = ["runuser", "-u", "postgres", "--"]
        else:
            self.as_owner = []

    def copy(self):
        """Copy the primary (a fast checkpoint, its WAL streamed alongside) and set the copy up
        to follow it (``-R``: standby.signal and primary_conninfo)."""
        copied = subprocess.run(
            [
                *self.as_owner, str(self.basebackup),
                "--host", self.primary["HOST"] or "127.0.0.1",
                "--port", str(self.primary["PORT"] or 5432),
                "--username", self.primary["USER"],
                "--pgdata", str(self.data),
                "--write-recovery-conf", "--wal-method=stream",
                "--checkpoint=fast", "--no-sync",
            ],
            capture_output=True,
            text=True,
        )  # fmt: skip
        if copied.returncode:
            self.close()
            pytest.fail(
                "pg_basebackup could not copy the PostgreSQL server for a replica (does its "
                "pg_hba.conf allow replication from 127.0.0.1? scripts/allow_replication.sh "
                f"adds the rule): {copied.stderr.strip()}"
            )
        # Debian keeps the server's configuration files outside its data folder.
        for name, text in (
            ("postgresql.conf", ""),
            ("pg_hba.conf", "local all all trust\nhost all all 127.0.0.1/32 trust\n"),
        ):
            (self.data / name).write_text(text)
            if self.as_owner:
                shutil.chown(self.data / name, "postgres", "postgres")
        return self

    READY_SECONDS = 180
    """How long the replica may take to take queries. A hot standby takes none until the
    primary logs its running transactions without an overflowed list of subtransactions (every
    checkpoint, and every 15 s): while a test on another worker holds a transaction of more
    than 64 savepoints, it waits, and once waited over 60 s on this two-core machine."""

    def start(self):
        """Start the replica with ``pg_ctl`` and wait until it takes queries (at most
        ``READY_SECONDS``)."""
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.folder}"
            " -c hot_standby=on -c fsync=off -c shared_buffers=32MB "
            + " ".join(f"-c {name}={value}" for name, value in self.primarys_limits())
        )
        started = subprocess.run(
            [
                *self.as_owner, str(self.pg_ctl), "start", "--wait",
                "--timeout", str(self.READY_SECONDS),
                "--pgdata", str(self.data), "--log", str(self.folder / "standby.log"),
                "-o", options,
            ],
            capture_output=True,
            text=True,
        )  # fmt: skip
        # Running, even when pg_ctl stopped waiting for it: stopped by ``close`` in any case.
        self.running = started.returncode == 0 or (self.data / "postmaster.pid").exists()
        deadline = time.monotonic() + self.READY_SECONDS
        while self.running and time.monotonic() < deadline:
            if self.psql("postgres", "SELECT pg_is_in_recovery()", check=False) == "t":
                return self
            time.sleep(0.2)
        standby_log = self.folder / "standby.log"
        log = started.stderr + (standby_log.read_text() if standby_log.exists() else "")
        self.close()
        pytest.fail(f"the replica did not start on port {self.port}: {log[-2000:]}")

    def primarys_limits(self):
        """The settings a hot standby must have at least as high as its primary's."""
        names = (
            "max_connections", "max_worker_processes", "max_wal_senders",
            "max_prepared_transactions", "max_locks_per_transaction",
        )  # fmt: skip
        listed = ", ".join(f"'{name}'" for name in names)
        answered = psql(
            self.primary["HOST"] or "127.0.0.1",
            self.primary["PORT"] or 5432,
            self.primary["USER"],
            "postgres",
            f"SELECT name, setting FROM pg_settings WHERE name IN ({listed})",
        )
        return [line.split("|") for line in answered.stdout.split()]

    def psql(self, database, sql, check=True):
        """The answer of one statement run on the replica, as text."""
        answered = psql("127.0.0.1", self.port, self.primary["USER"], database, sql)
        if check and answered.returncode:
            pytest.fail(f"psql on the replica: {answered.stderr.strip()}")
        return answered.stdout.strip()

    def url(self, database):
        return f"postgres://{self.primary['USER']}@127.0.0.1:{self.port}/{database}"

    def stop(self):
        """Stop the replica (a fast shutdown); it can be started again."""
        if self.running:
            subprocess.run(
                [*self.as_owner, str(self.pg_ctl), "stop", "-D", str(self.data), "-m", "fast"],
                capture_output=True,
                check=True,
            )
            self.running = False

    def close(self):
        try:
            self.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def psql(host, port, user, database, sql):
    """Run one statement with ``psql``: its completed process, the answer as unaligned text."""
    return subprocess.run(
        ["psql", "-h", host, "-p", str(port), "-U", user, "-d", database, "-Atc", sql],
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def standby():
    """A streaming replica of the test database's PostgreSQL server, started once for the
    session and removed at its end; skipped on SQLite."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("a read replica is a streaming replica of PostgreSQL")
    for program in ("pg_config", "psql"):
        if shutil.which(program) is None:
            pytest.skip(f"{program} is not installed")
    server = Standby(connection.settings_dict).copy().start()
    try:
        yield server
    finally:
        server.close()
