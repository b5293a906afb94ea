"""Faults of several servers under a steady load: two gunicorn servers (two workers each) on one
PostgreSQL and one Redis, read by ``wrk -c4`` asking for a mix of pages, while a fault comes and
goes; the answers are counted by status.

    .venv/bin/python bench/faults.py                 # every fault, 30 s of load each
    .venv/bin/python bench/faults.py --seconds 25    # shorter windows
    .venv/bin/python bench/faults.py --only redis    # the faults whose name holds "redis"

Everything it runs is its own, on spare ports of 127.0.0.1, in one temporary folder: a Redis
(``redis-server --save ''``), a PostgreSQL cluster (``initdb`` into the folder, ``pg_ctl`` on a
spare port; run as the ``postgres`` user when this runs as root), the database migrated and
loaded with the seed catalogue, and two gunicorn servers as the operator's guide runs them
(production settings, ``REDIS_URL`` on its Redis, rate limits raised so that the load measures
faults and not the limiter). It never touches the machine's own PostgreSQL or Redis, and stops
every process and removes the folder when it ends, on an error or Ctrl-C too.

After 5 s of load to warm the servers up, and once every server's ``/health/`` says ok, for
each fault a fresh ``wrk -t2 -c4`` runs for the window (``--seconds``, default 30): one thread
with two connections on each server, each thread asking for the nine pages of ``MIX`` in turn,
and the fault is applied ``--at`` seconds in (default 5):

    none                              nothing happens
    one worker killed with SIGKILL    one worker of the first server is killed; gunicorn starts
                                      another
    PostgreSQL restarted              ``pg_ctl restart -m fast``
    Redis stopped for 15 s            stopped, then started again (empty) on the same port

It prints a table (requests answered, answers other than 200 by status, 503s with Retry-After,
requests cut off or timed out, the 99th percentile of the answers' times) and, when a server
logged an error (a 500, a worker killed), what each ended in and the first traceback. Numbers
only: nothing here passes or fails, and nothing of it runs in the test suite.
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from scale import free_port

PROJECT = Path(__file__).resolve().parent.parent
DATABASE = "faults_bench"
REDIS_DOWN_SECONDS = 15
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
RAISED_LIMITS = {
    f"DJANGO_RATE_LIMIT_{rule}": "1000000" for rule in ("SEARCHES", "DOWNLOADS", "API")
}

# wrk: one thread per server (``setup`` gives each its address), every connection asking for
# the pages of the mix in turn, answers counted by status; 503s with Retry-After apart.
WRK_SCRIPT = """
local addresses = {%(addresses)s}
local paths = {%(paths)s}
local threads = {}

function setup(thread)
  local number = #threads + 1
  local host, port = addresses[(number - 1) %% #addresses + 1]:match("([^:]+):(%%d+)")
  thread.addr = wrk.lookup(host, port)[1]
  thread:set("number", number)
  table.insert(threads, thread)
end

function init(args)
  turn = number
  statuses = {}
  retry_after = 0
end

function request()
  turn = turn + 1
  return wrk.format("GET", paths[turn %% #paths + 1], {["X-Forwarded-Proto"] = "https"})
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 503 and headers["Retry-After"] then
    retry_after = retry_after + 1
  end
end

function done(summary, latency, requests)
  local counts, waited = {}, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      counts[tostring(status)] = (counts[tostring(status)] or 0) + count
    end
    waited = waited + thread:get("retry_after")
  end
  local parts = {}
  for status, count in pairs(counts) do
    table.insert(parts, string.format('"%%s": %%d', status, count))
  end
  local errors = summary.errors
  io.write(string.format(
    'RESULT {"requests": %%d, "statuses": {%%s}, "retry_after": %%d, "errors": '
    .. '{"connect": %%d, "read": %%d, "write": %%d, "timeout": %%d}, '
    .. '"p99_ms": %%.0f, "max_ms": %%.0f}\\n',
    summary.requests, table.concat(parts, ", "), waited, errors.connect, errors.read,
    errors.write, errors.timeout, latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def wait_for_port(port, process, what, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit(f"{what} stopped before it answered")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"{what} did not answer on port {port} within {seconds} s")


class Redis:
    """A Redis of the benchmark's own, in memory, that can be stopped and started again on the
    same port."""

    def __init__(self, folder):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.folder = folder
        self.process = None

    def start(self):
        command = ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port)]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.folder)]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_for_port(self.port, self.process, "redis-server")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None


class PostgreSQL:
    """A PostgreSQL cluster of the benchmark's own: ``initdb`` into a folder, served by
    ``pg_ctl`` on a spare port of 127.0.0.1 with its socket in the folder (as the ``postgres``
    user when this runs as root: PostgreSQL refuses to run as root)."""

    def __init__(self, folder):
        versions = sorted(
            Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
            key=lambda path: int(path.parts[-3]) if path.parts[-3].isdigit() else 0,
        )
        if versions:
            self.binaries = versions[-1].parent
        elif shutil.which("pg_ctl"):
            self.binaries = Path(shutil.which("pg_ctl")).parent
        else:
            raise SystemExit("PostgreSQL's binaries (initdb, pg_ctl) are not installed")
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/{DATABASE}"
        self.as_owner = []
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")
            self.as_owner = ["runuser", "-u", "postgres", "--"]
        self.started = False

    def run(self, program, *arguments):
        command = [*self.as_owner, str(self.binaries / program), *arguments]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"{program} failed: {done.stderr.strip() or done.stdout.strip()}")
        return done

    def initialise(self):
        self.run(
            "initdb", "--pgdata", str(self.data), "--username", "postgres", "--auth", "trust",
            "--encoding", "UTF8", "--locale", "C.UTF-8", "--no-sync",
        )  # fmt: skip

    def pg_ctl(self, action, *arguments):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        return self.run(
            "pg_ctl", action, "--pgdata", str(self.data), "--wait", "--silent",
            "--log", str(self.folder / "postgresql.log"), "-o", options, *arguments,
        )  # fmt: skip

    def start(self):
        self.pg_ctl("start")
        self.started = True
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", DATABASE)

    def restart(self):
        self.pg_ctl("restart", "--mode", "fast")

    def stop(self):
        if self.started:  # quietly: a Ctrl-C at the terminal may have stopped it already
            self.started = False
            command = [*self.as_owner, str(self.binaries / "pg_ctl"), "stop", "--pgdata"]
            subprocess.run([*command, str(self.data), "--mode", "immediate"], capture_output=True)


def environment(database_url, redis_url, static_root):
    """Production settings, as the operator's guide gives them, on the benchmark's own services."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-faults-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": str(static_root),
        "DJANGO_LOG_LEVEL": "ERROR",
        **RAISED_LIMITS,
    }


def manage(env, *arguments):
    subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=PROJECT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


class AppServer:
    """gunicorn with two workers, as the operator's guide runs it; its log kept in a file."""

    def __init__(self, env, log):
        self.env = env
        self.port = free_port()
        self.address = f"127.0.0.1:{self.port}"
        self.log = log
        self.process = None

    def start(self):
        command = [str(Path(sys.executable).parent / "gunicorn"), "socialgood.wsgi"]
        command += ["--bind", self.address, "--workers", "2", "--timeout", "30"]
        command += ["--graceful-timeout", "30", "--max-requests", "5000"]
        command += ["--max-requests-jitter", "2500"]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                command, cwd=PROJECT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped before it answered; see {self.log}")
            try:
                with urllib.request.urlopen(f"http://{self.address}/robots.txt", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise SystemExit(f"gunicorn did not answer within 60 s; see {self.log}")

    def workers(self):
        """The process ids of the server's workers (the master's children)."""
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                children.append(int(stat.parent.name))
        return sorted(children)

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None


class Cluster:
    """Everything the benchmark runs, in one temporary folder, stopped and removed on exit."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="socialgood-faults-"))
        self.folder.chmod(0o711)  # PostgreSQL's own user must reach its folder inside
        (self.folder / "postgresql").mkdir()
        (self.folder / "redis").mkdir()
        self.postgresql = PostgreSQL(self.folder / "postgresql")
        self.redis = Redis(self.folder / "redis")
        self.servers = []

    def __enter__(self):
        return self

    def start(self):
        print(
            f"PostgreSQL {self.postgresql.binaries.parent.name} on port {self.postgresql.port}, "
            f"Redis on port {self.redis.port}, in {self.folder}",
            flush=True,
        )
        self.postgresql.initialise()
        self.postgresql.start()
        self.redis.start()
        env = environment(self.postgresql.url, self.redis.url, self.folder / "static")
        started = time.monotonic()
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "load_catalogue", "-v", "0")
        manage(env, "collectstatic", "--no-input", "-v", "0")
        print(f"migrated and loaded the seed catalogue in {time.monotonic() - started:.0f} s")
        for number in range(2):
            server = AppServer(env, self.folder / f"gunicorn-{number + 1}.log")
            self.servers.append(server)
            server.start()
        print("servers: " + ", ".join(server.address for server in self.servers), flush=True)

    def __exit__(self, *exc_info):
        for number in (signal.SIGINT, signal.SIGTERM):  # a second Ctrl-C waits for the cleanup
            signal.signal(number, signal.SIG_IGN)
        for server in self.servers:
            server.stop()
        self.redis.stop()
        try:
            self.postgresql.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def logged_errors(self):
        """The errors the servers logged, each with its traceback up to the log's next record:
        Django's 500s ("Internal Server Error") and gunicorn's (a request it could not finish,
        a worker that died)."""
        starts = re.compile(r"^(Internal Server Error|\[[^]]+\] \[\d+\] \[ERROR\])")
        record = re.compile(
            r"^(Internal Server Error|\[\d{4}-|\S.*(cannot be reached|answers again|"
            r"unavailable: answered))"
        )
        found = []
        for server in self.servers:
            for line in server.log.read_text(errors="replace").splitlines():
                if starts.match(line):
                    found.append([line])
                elif found and found[-1] is not None and not record.match(line):
                    found[-1].append(line)
                elif found:
                    found.append(None)  # the traceback before has ended
        return ["\n".join(lines) for lines in found if lines is not None]

    def healthy(self, seconds=60):
        """Wait until every server's health check says ok (the fault before is over)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                answers = []
                for server in self.servers:
                    with urllib.request.urlopen(f"http://{server.address}/health/", timeout=5) as a:
                        answers.append(json.loads(a.read())["status"])
                if set(answers) == {"ok"}:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise SystemExit("the servers' health checks did not say ok within 60 s")


# ------------------------------------------------------------------------------- the faults


def no_fault(cluster):
    return "nothing"


def kill_a_worker(cluster):
    worker = cluster.servers[0].workers()[0]
    os.kill(worker, signal.SIGKILL)
    return f"killed worker {worker} of {cluster.servers[0].address}"


def restart_postgresql(cluster):
    started = time.monotonic()
    cluster.postgresql.restart()
    return f"pg_ctl restart -m fast took {time.monotonic() - started:.1f} s"


def stop_redis_for_a_while(cluster):
    cluster.redis.stop()
    time.sleep(REDIS_DOWN_SECONDS)
    cluster.redis.start()
    return f"stopped, started again {REDIS_DOWN_SECONDS} s later"


FAULTS = [
    ("none (baseline)", no_fault),
    ("one worker killed with SIGKILL", kill_a_worker),
    ("PostgreSQL restarted", restart_postgresql),
    (f"Redis stopped for {REDIS_DOWN_SECONDS} s, then started", stop_redis_for_a_while),
]


def under_load(cluster, fault, seconds, at, script):
    """Run wrk for ``seconds`` and apply ``fault`` ``at`` seconds in: wrk's counts."""
    first = cluster.servers[0].address
    command = ["wrk", "-t2", "-c4", f"-d{seconds}s", "--timeout", "10s", "-s", str(script)]
    wrk = subprocess.Popen(
        [*command, f"http://{first}/"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        time.sleep(at)
        what = fault(cluster)
        out, err = wrk.communicate(timeout=seconds + 60)
    finally:
        if wrk.poll() is None:
            wrk.kill()
            wrk.wait()
    found = re.search(r"^RESULT (.*)$", out, re.MULTILINE)
    if not found:
        raise SystemExit(f"wrk gave no result:\n{out}\n{err}")
    return what, json.loads(found.group(1))


def wrk_script(folder, addresses):
    script = folder / "mix.lua"
    script.write_text(
        WRK_SCRIPT
        % {
            "addresses": ", ".join(f'"{address}"' for address in addresses),
            "paths": ", ".join(f'"{path}"' for path in MIX),
        }
    )
    return script


# ------------------------------------------------------------------------------- the table


CUT = {
    "connect": "connections refused",
    "read": "cut off (the connection closed without an answer)",
    "write": "cut off while asking",
    "timeout": "timed out (10 s)",
}
"""wrk's socket errors, in words."""


def other_answers(result):
    """Answers other than 200, by status, and socket errors: "31 × 503 with Retry-After"."""
    parts = []
    for status, count in sorted(result["statuses"].items()):
        if status == "200":
            continue
        text = f"{count:,} × {status}"
        if status == "503":
            waited = result["retry_after"]
            text += " with Retry-After" if waited == count else f" ({waited:,} with Retry-After)"
        parts.append(text)
    for kind, count in result["errors"].items():
        if count:
            parts.append(f"{count:,} {CUT[kind]}")
    return ", ".join(parts) or "0"


def exception(traceback):
    """The last exception a traceback names: "OperationalError: server closed the connection"."""
    raised = re.findall(r"^[\w.]*(?:Error|Exception)\b.*$", traceback, re.MULTILINE)
    if raised:
        return raised[-1]
    first = re.sub(r"^\[[^]]+\] \[\d+\] ", "", traceback.splitlines()[0])  # gunicorn's
    return re.sub(r"pid:\d+", "pid:…", first)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=30, help="load per fault (default 30)")
    parser.add_argument("--at", type=int, default=5, help="seconds of load before the fault")
    parser.add_argument("--only", metavar="WORD", help="only the faults whose name holds WORD")
    arguments = parser.parse_args()
    faults = [f for f in FAULTS if (arguments.only or "").lower() in f[0].lower()]
    if not faults:
        parser.error(
            f"no fault's name holds {arguments.only!r}: " + ", ".join(f[0] for f in FAULTS)
        )
    redis_window = arguments.at + REDIS_DOWN_SECONDS + 5
    if stop_redis_for_a_while in dict(faults).values() and arguments.seconds < redis_window:
        parser.error(
            f"--seconds must be at least {redis_window} with Redis's fault: {arguments.at} s "
            f"before it, {REDIS_DOWN_SECONDS} s without Redis and 5 s after"
        )
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
    if not shutil.which("redis-server"):
        raise SystemExit("redis-server is not installed (Debian: apt-get install redis-server)")
    # Ctrl-C (even where SIGINT came ignored, as to a background job) and SIGTERM clean up.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    rows = []
    with Cluster() as cluster:
        cluster.start()
        script = wrk_script(cluster.folder, [server.address for server in cluster.servers])
        under_load(cluster, no_fault, 5, 0, script)  # warm up: pages cached, connections open
        for name, fault in faults:
            cluster.healthy()
            what, result = under_load(cluster, fault, arguments.seconds, arguments.at, script)
            print(
                f"  {name}: {what}; {result['requests']:,} requests, other than 200: "
                f"{other_answers(result)}; p99 {result['p99_ms']:.0f} ms, "
                f"slowest {result['max_ms']:.0f} ms",
                flush=True,
            )
            rows.append((name, result))
        errors = cluster.logged_errors()

    print(f"\nload average of the machine at the end: {os.getloadavg()[0]:.1f}")
    print(
        f"wrk -t2 -c4 -d{arguments.seconds}s (one thread with two connections on each of two "
        f"gunicorn servers, 2 workers each), {len(MIX)} page types in turn; "
        f"each fault {arguments.at} s in:\n"
    )
    print("| fault | requests | answers other than 200 | p99 |")
    print("|---|---|---|---|")
    for name, result in rows:
        print(
            f"| {name} | {result['requests']:,} | {other_answers(result)} "
            f"| {result['p99_ms']:,.0f} ms |"
        )
    if errors:
        served = [error for error in errors if error.startswith("Internal Server Error")]
        kinds = sorted({exception(error) for error in errors})
        print(
            f"\nthe servers logged {len(served)} × 500 and {len(errors) - len(served)} "
            "of gunicorn's errors, ending in:\n  " + "\n  ".join(kinds)
        )
        print(f"\nthe first:\n\n{errors[0]}")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("interrupted: what it started is stopped and its folder removed")
