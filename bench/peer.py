"""The catalogue against Datasette on the same SQLite file: equivalent pages, the first request
after a start and the throughput under the same load, with our/Datasette ratios.

    .venv/bin/python bench/peer.py                  # build the file, then measure
    .venv/bin/python bench/peer.py --reuse          # measure the file built last time
    .venv/bin/python bench/peer.py --cases 10000    # a smaller catalogue

It builds (or with --reuse keeps) one SQLite file in a folder outside the project
(``BENCH_PEER_DIR``, default ``socialgood-peer`` in the system's temporary folder): migrate,
the seed catalogue, ``grow_catalogue N --seed 7``. Datasette serves a copy of that file, made
read-only for it (``datasette serve -i``) with full-text search on the case table
(``sqlite-utils enable-fts --fts5`` with the porter stemmer, over ``search_text``, the text our
app searches: titles, summaries, descriptions, places, platforms, organisations and tags in both
languages), so that both find the same cases, and our file stays as our app made it. Datasette
and sqlite-utils live in their own virtualenv in the same folder, made on first use; neither is
a dependency of the app.

Four servers take turns, never two at once: our app under gunicorn (1 worker, production
settings, the page cache on as shipped, kept in the worker's memory), our app with the page
cache off, Datasette with its default settings, and Datasette with ``suggest_facets`` off (most
of a default Datasette page's time goes into suggesting facets: one query per column, each
allowed 50 ms). Each page gets a freshly started server:
once the server answers a probe (``/robots.txt``, Datasette's ``/-/versions.json``) the page's
first request is timed, then five more (median and slowest), then the throughput under
``wrk -t1 -c4 -d8s`` (a Python client with 4 connections for 8 s when wrk is not installed).
Every client waits 30 s for an answer and reports a timeout as such. Our rate limits are raised
for the run, so that the load measures the work and not the limiter (one client this fast
would meet them on a live site).

The pages and Datasette's equivalents (``catalogue`` is the copy's database name; ``public``
stands for ``status=published&scope=social_good``, the cases our lists show by default, and
``_nocol=search_text&_nocol=search_document``, which leaves out the columns only our search
reads):

    list, page 1          /campaigns/                 /catalogue/campaigns_campaign
                                                        ?public&_sort_desc=start_date&_size=20
    list by a platform    /campaigns/?platform=kwai   the same with _where=<kwai>
    search, narrow        /campaigns/?q=glacier       ?public&_search=glacier&_size=20
    search, broad         /campaigns/?q=earthquake    ?public&_search=earthquake&_size=20
    one case              /campaigns/<slug>/          /catalogue/campaigns_campaign/<id>
    JSON list             /api/campaigns              .json?public&_sort_desc=start_date&_size=20
    JSON search           /api/campaigns?q=glacier    .json?public&_search=glacier&_size=20
    CSV of a filter       /campaigns/export.csv       .csv?public&_where=<kwai>
                            ?platform=kwai              &_stream=on&_size=max

where <kwai> is ``id in (select campaign_id from campaigns_campaign_platforms where platform_id
= (select id from campaigns_platform where slug = 'kwai'))``: the platforms are a many-to-many
table, and Datasette 0.65's own filter for one, ``_through``, names its parameter ``p0`` as the
first column filter does, so beside ``status=`` it finds nothing. Datasette's search filters by the
full-text index and keeps the table's order (we rank by relevance); its pages also count the
matches and suggest facets, within its default time limits (1 s a query, 50 ms a suggestion).
Numbers only: nothing here passes or fails, and nothing of it runs in the test suite.
"""

import argparse
import html
import http.client
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from scale import PROJECT, environment, free_port, manage

FOLDER = Path(os.environ.get("BENCH_PEER_DIR", Path(tempfile.gettempdir()) / "socialgood-peer"))
OURS = "ours.sqlite3"
COPY = "catalogue.db"  # Datasette names the database after the file: /catalogue/…
TOOLS = ("datasette>=0.65,<1", "sqlite-utils>=3.36,<4")
SEARCHED = "search_text"  # the text our search reads, so that both find the same cases
TIMEOUT = 30
REQUESTS = 5
LOAD = {"threads": 1, "connections": 4, "seconds": 8}
RAISED_LIMITS = {
    f"DJANGO_RATE_LIMIT_{rule}": "1000000" for rule in ("SEARCHES", "DOWNLOADS", "API")
}
PEERS = ("Datasette", "Datasette, no facet suggestions")
NO_SUGGESTIONS = ("--setting", "suggest_facets", "off")  # the one setting that changes most
TABLE = "/catalogue/campaigns_campaign"
PUBLIC = "status=published&scope=social_good&_nocol=search_text&_nocol=search_document"


def pages(case_slug, case_id):
    """(name, our address, Datasette's address) of each pair of equivalent pages."""
    kwai = urllib.parse.quote(
        "id in (select campaign_id from campaigns_campaign_platforms where platform_id = "
        "(select id from campaigns_platform where slug = 'kwai'))"
    )
    return [
        ("list, page 1", "/campaigns/", f"{TABLE}?{PUBLIC}&_sort_desc=start_date&_size=20"),
        (
            "list by a platform",
            "/campaigns/?platform=kwai",
            f"{TABLE}?{PUBLIC}&_where={kwai}&_sort_desc=start_date&_size=20",
        ),
        ("search, narrow", "/campaigns/?q=glacier", f"{TABLE}?{PUBLIC}&_search=glacier&_size=20"),
        (
            "search, broad",
            "/campaigns/?q=earthquake",
            f"{TABLE}?{PUBLIC}&_search=earthquake&_size=20",
        ),
        ("one case", f"/campaigns/{case_slug}/", f"{TABLE}/{case_id}"),
        ("JSON list", "/api/campaigns", f"{TABLE}.json?{PUBLIC}&_sort_desc=start_date&_size=20"),
        (
            "JSON search",
            "/api/campaigns?q=glacier",
            f"{TABLE}.json?{PUBLIC}&_search=glacier&_size=20",
        ),
        (
            "CSV of a filter",
            "/campaigns/export.csv?platform=kwai",
            f"{TABLE}.csv?{PUBLIC}&_where={kwai}&_stream=on&_size=max",
        ),
    ]


# ------------------------------------------------------------------------------- the file


def tools():
    """The virtualenv with Datasette and sqlite-utils, made on first use."""
    venv = FOLDER / "datasette-venv"
    if not (venv / "bin" / "datasette").exists() or not (venv / "bin" / "sqlite-utils").exists():
        print(f"installing {', '.join(TOOLS)} into {venv} …", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        subprocess.run([*pip, *TOOLS], check=True)
    return venv / "bin"


def build(cases, bin_folder):
    """Our file (migrated, seeded, grown by ``cases``) and Datasette's copy with its index."""
    for name in (OURS, COPY):
        for path in FOLDER.glob(name + "*"):  # the file and any -wal or -shm beside it
            path.unlink()
    (FOLDER / "built.json").unlink(missing_ok=True)
    env = our_environment()
    steps = (
        ("migrate", ("migrate", "--no-input", "-v", "0")),
        ("load_catalogue", ("load_catalogue",)),
        (f"grow_catalogue {cases} --seed 7", ("grow_catalogue", str(cases), "--seed", "7")),
    )
    took = {}
    for name, arguments in steps:
        started = time.monotonic()
        manage(env, *arguments)
        took[name] = round(time.monotonic() - started)
    started = time.monotonic()
    with sqlite3.connect(FOLDER / OURS) as ours, sqlite3.connect(FOLDER / COPY) as copy:
        ours.backup(copy)  # a consistent copy, whatever journal our file keeps
    subprocess.run(
        [
            str(bin_folder / "sqlite-utils"),
            "enable-fts",
            str(FOLDER / COPY),
            "campaigns_campaign",
            SEARCHED,
            "--fts5",
            "--tokenize",
            "porter",
        ],
        check=True,
    )
    took["copy and enable-fts"] = round(time.monotonic() - started)
    (FOLDER / "built.json").write_text(json.dumps({"cases": cases, "seconds": took}))
    print("built in " + ", ".join(f"{name} {seconds} s" for name, seconds in took.items()))


def our_environment(**settings):
    """Production settings on our file, static files collected beside it, no Redis."""
    env = environment(f"sqlite:///{FOLDER / OURS}")
    env.pop("REDIS_URL", None)
    return {**env, "DJANGO_STATIC_ROOT": str(FOLDER / "static"), **RAISED_LIMITS, **settings}


def examples():
    """A published grown case's slug and id, read from our file."""
    with sqlite3.connect(f"file:{FOLDER / OURS}?mode=ro", uri=True) as db:
        case_id, slug = db.execute(
            "SELECT id, slug FROM campaigns_campaign WHERE status = 'published' "
            "AND scope = 'social_good' AND slug LIKE 'grown-%' ORDER BY id LIMIT 1 OFFSET 500"
        ).fetchone()
    return slug, case_id


def query_counts(env, addresses):
    """The queries our app runs for each address's first request and their milliseconds,
    counted in-process with the test client (a fresh process: no page is cached yet)."""
    script = f"""
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client, counts = Client(), {{}}
for name, address in {addresses!r}:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address, secure=True)
        if response.streaming:
            for chunk in response.streaming_content:
                pass
    counts[name] = (len(queries), sum(float(q["time"]) for q in queries) * 1000)
print(json.dumps(counts))
"""
    command = [sys.executable, "manage.py", "shell", "--no-imports", "-c", script]
    out = subprocess.run(command, cwd=PROJECT, env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def datasette_queries(bin_folder, addresses):
    """The SQL Datasette runs on the file for each address, as its own trace gives it (a
    separate server with ``trace_debug`` on): {name: (queries, their milliseconds)}. The CSV
    stream carries no trace."""
    process, base = started(start_datasette, bin_folder, "--setting", "trace_debug", "1")
    traced = {}
    try:
        for name, address in addresses:
            if ".csv" in address:
                continue
            joiner = "&" if "?" in address else "?"
            with urllib.request.urlopen(f"{base}{address}{joiner}_trace=1", timeout=60) as answer:
                body = answer.read().decode()
            if address.split("?")[0].endswith(".json"):
                trace = json.loads(body)["_trace"]
            else:  # a page ends with the trace as JSON in a <pre>
                trace = json.loads(html.unescape(body.rsplit("<pre>", 1)[1].split("</pre>")[0]))
            ours = [t for t in trace["traces"] if t.get("database") == "catalogue"]
            traced[name] = (len(ours), sum(t["duration_ms"] for t in ours))
    finally:
        stop(process)
    return traced


# ------------------------------------------------------------------------------- the servers


def start_ours(port, env):
    """Our app under gunicorn, one worker, as the README's production section runs it."""
    command = [str(Path(sys.executable).parent / "gunicorn"), "socialgood.wsgi"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "120"]
    command += ["--log-level", "warning"]
    return subprocess.Popen(command, cwd=PROJECT, env=env), "/robots.txt"


def start_datasette(port, bin_folder, *settings):
    """Datasette with its default settings on the read-only copy (its access log, one line a
    request as it writes by default, goes nowhere)."""
    command = [str(bin_folder / "datasette"), "serve", "-i", str(FOLDER / COPY)]
    command += ["-h", "127.0.0.1", "-p", str(port), *settings]
    with open(FOLDER / "datasette.log", "a") as log:
        process = subprocess.Popen(command, cwd=FOLDER, stdout=subprocess.DEVNULL, stderr=log)
    return process, "/-/versions.json"


def started(start, *arguments):
    """A fresh server and its base address, once it has answered its probe."""
    port = free_port()
    process, probe = start(port, *arguments)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server stopped before answering: {process.args}")
        try:
            urllib.request.urlopen(base + probe, timeout=2).read()
            return process, base
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"the server did not answer within 60 s: {process.args}")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# ------------------------------------------------------------------------------- the clients


def fetch(url):
    """One request: {status ("timeout" after 30 s, "cut off" when the body stops short),
    seconds to the last byte, to the first byte, bytes}."""
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    began = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            first = response.read(1)
            first_byte = time.perf_counter() - began
            size = len(first) + len(response.read())
            status = response.status
    except urllib.error.HTTPError as error:
        first_byte, size, status = time.perf_counter() - began, len(error.read()), error.code
    except http.client.IncompleteRead:  # the server gave up in the middle of the body
        seconds = time.perf_counter() - began
        return {"status": "cut off", "seconds": seconds, "first_byte": None, "bytes": 0}
    except TimeoutError:
        return {"status": "timeout", "seconds": TIMEOUT, "first_byte": None, "bytes": 0}
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            return {"status": "timeout", "seconds": TIMEOUT, "first_byte": None, "bytes": 0}
        raise
    seconds = time.perf_counter() - began
    return {"status": status, "seconds": seconds, "first_byte": first_byte, "bytes": size}


def load(url):
    """Answers a second under the load: {ok, other (non-2xx and errors), timeouts, rate}, by
    wrk when installed, else by Python threads."""
    if shutil.which("wrk"):
        return load_with_wrk(url)
    return load_with_threads(url)


def load_with_wrk(url):
    command = ["wrk", f"-t{LOAD['threads']}", f"-c{LOAD['connections']}"]
    command += [f"-d{LOAD['seconds']}s", f"--timeout={TIMEOUT}s"]
    command += ["-H", "X-Forwarded-Proto: https", url]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    total, seconds = re.search(r"(\d+) requests in ([\d.]+)(m?s)", out).group(1, 2)
    if re.search(r"requests in [\d.]+ms", out):
        seconds = float(seconds) / 1000
    total, seconds = int(total), float(seconds)
    other = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    other = int(other.group(1)) if other else 0
    timeouts = int(errors.group(4)) if errors else 0
    other += sum(int(n) for n in errors.group(1, 2, 3)) if errors else 0
    return {"ok": total - other, "other": other, "timeouts": timeouts, "seconds": seconds}


def load_with_threads(url):
    counts = {"ok": 0, "other": 0, "timeouts": 0}
    lock = threading.Lock()
    deadline = time.monotonic() + LOAD["seconds"]

    def client():
        while time.monotonic() < deadline:
            answer = fetch(url)
            if time.monotonic() > deadline:
                break  # finished after the load's end, as wrk leaves it uncounted
            kind = "ok" if answer["status"] == 200 else "other"
            kind = "timeouts" if answer["status"] == "timeout" else kind
            with lock:
                counts[kind] += 1

    threads = [threading.Thread(target=client) for _ in range(LOAD["connections"])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {**counts, "seconds": LOAD["seconds"]}


def measure(server, start, *arguments, addresses):
    """For each page: a fresh server, its first request, five more, then the load."""
    results = {}
    for name, address in addresses:
        process, base = started(start, *arguments)
        try:
            first = fetch(base + address)
            repeated = [fetch(base + address) for _ in range(REQUESTS)]
            loaded = load(base + address)
        finally:
            stop(process)
        results[name] = {"first": first, "repeated": repeated, "load": loaded}
        times = [answer["seconds"] for answer in repeated]
        print(
            f"  {server:22} {name:20} first {show_answer(first):>16}, "
            f"then {statistics.median(times) * 1000:.0f} ms median / {max(times) * 1000:.0f} ms "
            f"slowest, {show_rate(loaded)}",
            flush=True,
        )
    return results


# ------------------------------------------------------------------------------- the tables


def show_seconds(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def show_answer(answer):
    """The time of one answer, with its status when it is not 200."""
    if answer["status"] == "timeout":
        return f"timeout ({TIMEOUT} s)"
    if answer["status"] == "cut off":
        return f"cut off after {show_seconds(answer['seconds'])}"
    text = show_seconds(answer["seconds"])
    return text if answer["status"] == 200 else f"{text} ({answer['status']})"


def show_rate(loaded):
    rate = loaded["ok"] / loaded["seconds"]
    text = f"{rate:.1f}/s" if rate < 10 else f"{rate:.0f}/s"
    notes = []
    if loaded["timeouts"]:
        notes.append(f"{loaded['timeouts']} timeouts")
    if loaded["other"] - loaded["timeouts"] > 0:
        notes.append(f"{loaded['other'] - loaded['timeouts']} not 200")
    return text + (f" ({', '.join(notes)})" if notes else "")


def ratio(ours, theirs):
    if not theirs:
        return "—"
    return f"{ours / theirs:.2f}" if ours / theirs < 10 else f"{ours / theirs:.0f}"


def answered(answer):
    return answer["seconds"] if answer["status"] == 200 else None


def rate(loaded):
    return loaded["ok"] / loaded["seconds"]


def first_and_repeated(name, runs, counts, traced):
    """One row of the first table: the queries, the first requests, then the median / slowest
    of five more."""
    theirs = f"{traced[name][0]} ({traced[name][1]:.0f} ms)" if name in traced else "—"
    cells = [name, f"{counts[name][0]} ({counts[name][1]:.0f} ms)", theirs]
    for server in runs:
        first = runs[server][name]["first"]
        byte = f", first byte {show_seconds(first['first_byte'])}" if first["first_byte"] else ""
        cells.append(show_answer(first) + (byte if "CSV" in name else ""))
    ours = answered(runs["ours"][name]["first"])
    for server in PEERS:
        theirs = answered(runs[server][name]["first"])
        cells.append(ratio(ours, theirs) if ours and theirs else "—")
    for server in runs:
        times = [answer["seconds"] for answer in runs[server][name]["repeated"]]
        statuses = {answer["status"] for answer in runs[server][name]["repeated"]}
        cell = f"{show_seconds(statistics.median(times))} / {show_seconds(max(times))}"
        cells.append(cell + ("" if statuses == {200} else f" ({', '.join(map(str, statuses))})"))
    return cells


def throughput_row(name, runs):
    """One row of the second table: answers a second under the same load, and the ratios."""
    cells = [name]
    for server in runs:
        cells.append(show_rate(runs[server][name]["load"]))
    for peer in PEERS:
        theirs = rate(runs[peer][name]["load"])
        for server in ("ours", "ours, no page cache"):
            cells.append(ratio(rate(runs[server][name]["load"]), theirs))
    sizes = [runs[server][name]["first"]["bytes"] for server in ("ours", "Datasette")]
    cells.append(" / ".join(f"{size / 1024:,.0f} KB" for size in sizes))
    return cells


def markdown(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def report(runs, names, counts, traced):
    servers = list(runs)
    print("\nfirst request after a start, then the median / slowest of five more:\n")
    header = ["page", "our queries (their time)", "Datasette's queries"]
    header += [f"{s}, first" for s in servers] + [f"first, ours/{peer}" for peer in PEERS]
    header += [f"{s}, 5 more" for s in servers]
    rows = [first_and_repeated(name, runs, counts, traced) for name in names]
    print(markdown(header, rows))
    client = "wrk" if shutil.which("wrk") else "a Python client"
    print(
        f"\nanswers of 200 a second under {client}, {LOAD['threads']} thread, "
        f"{LOAD['connections']} connections, {LOAD['seconds']} s, {TIMEOUT} s timeout:\n"
    )
    header = ["page", *servers]
    header += [f"{ours}/{peer}" for peer in PEERS for ours in ("ours", "no page cache")]
    header += ["size, ours / theirs"]
    print(markdown(header, [throughput_row(name, runs) for name in names]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000, help="grown cases (default 100,000)")
    parser.add_argument("--reuse", action="store_true", help="measure the file built before")
    parser.add_argument(
        "--only", metavar="WORD", help="measure only the pages whose name holds WORD"
    )
    arguments = parser.parse_args()

    FOLDER.mkdir(parents=True, exist_ok=True)
    bin_folder = tools()
    built = FOLDER / "built.json"
    if not arguments.reuse or not built.exists():
        if arguments.reuse:
            print(f"nothing built in {FOLDER} yet: building it")
        build(arguments.cases, bin_folder)
    print(f"the file: {FOLDER / OURS}, {json.loads(built.read_text())['cases']:,} grown cases")
    manage(our_environment(), "collectstatic", "--no-input", "-v", "0")
    versions = subprocess.run(
        [str(bin_folder / "datasette"), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    print(f"against {versions}\n")

    chosen = [page for page in pages(*examples()) if (arguments.only or "") in page[0]]
    names = [name for name, _ours, _theirs in chosen]
    ours = [(name, address) for name, address, _theirs in chosen]
    theirs = [(name, address) for name, _ours, address in chosen]
    counts = query_counts(our_environment(), ours)
    traced = datasette_queries(bin_folder, theirs)
    runs = {
        "ours": measure("ours", start_ours, our_environment(), addresses=ours),
        "ours, no page cache": measure(
            "ours, no page cache",
            start_ours,
            our_environment(DJANGO_PAGE_CACHE_SECONDS="0"),
            addresses=ours,
        ),
        "Datasette": measure("Datasette", start_datasette, bin_folder, addresses=theirs),
        PEERS[1]: measure(PEERS[1], start_datasette, bin_folder, *NO_SUGGESTIONS, addresses=theirs),
    }
    report(runs, names, counts, traced)


if __name__ == "__main__":
    main()
