"""How fast the downloads stream: rows a second of the case and figure downloads of a grown
catalogue, with the time to the first byte, the queries' share and the peak memory.

    .venv/bin/python bench/downloads.py                   # build a file of 100,000 grown cases
    .venv/bin/python bench/downloads.py --reuse           # measure the file built last time
    .venv/bin/python bench/downloads.py --cases 20000     # a smaller catalogue
    .venv/bin/python bench/downloads.py --reuse --only campaigns   # the case downloads only
    DATABASE_URL=postgres://… .venv/bin/python bench/downloads.py --reuse   # a database you
                                                          # migrated, seeded and grew yourself

Without ``DATABASE_URL`` it builds (or with --reuse keeps) one SQLite file in a folder outside
the project (``BENCH_DOWNLOADS_DIR``, default ``socialgood-downloads`` in the system's temporary
folder): migrate, the seed catalogue, ``grow_catalogue N --seed 7``, as ``bench/peer.py`` builds
the file it serves to our app and to Datasette. At 100,000 cases the cases on Kwai are 12,819,
the filter the comparison with Datasette downloads.

Each download goes through Django's request handling in this process (the test client, the
test settings: no rate limit, no debug) and is read chunk by chunk without keeping it. Each is
fetched once to warm up, then timed three times (the median is shown; the machine is shared),
then once more under tracemalloc for the peak of Python's allocations. Rows a second are
given by the clock and by this process's CPU time, SQLite's work included (on a shared
machine the clock measures the neighbours too; on PostgreSQL the server's work is left out
of the CPU time). The first byte is the time from the request to the first chunk of the body
(the header row); the queries' time is their execution's, timed around Django's cursor (the
rows a query returns later, as a streamed query's are, are not in it).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from pathlib import Path

from csv_memory import megabytes

PROJECT = Path(__file__).resolve().parent.parent
FOLDER = Path(
    os.environ.get("BENCH_DOWNLOADS_DIR", Path(tempfile.gettempdir()) / "socialgood-downloads")
)
DATABASE = "downloads.sqlite3"

DOWNLOADS = [
    ("cases on Kwai, CSV", "/campaigns/export.csv?platform=kwai"),
    ("cases on Kwai, JSON", "/campaigns/export.json?platform=kwai"),
    ("figures, CSV", "/figures/export.csv"),
]
"""What is downloaded: (name, address)."""

RUNS = 3
"""Timed downloads of each address, after one to warm up."""


def build(database_url, cases):
    """A fresh file: migrated, seeded, grown by ``cases`` cases."""
    for path in FOLDER.glob(DATABASE + "*"):  # the file and any -wal or -shm beside it
        path.unlink()
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "1"}
    steps = (
        ("migrate", "--no-input", "-v", "0"),
        ("load_catalogue",),
        ("grow_catalogue", str(cases), "--seed", "7"),
    )
    for arguments in steps:
        started = time.monotonic()
        subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=PROJECT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"{' '.join(arguments[:1])}: {time.monotonic() - started:.0f} s", flush=True)
    (FOLDER / "built.json").write_text(json.dumps({"cases": cases}))


def read(client, address):
    """Download ``address``, reading it a chunk at a time: seconds to the first chunk and to
    the end, this process's CPU seconds (SQLite's work included), the bytes and the newlines."""
    started, cpu = time.perf_counter(), time.process_time()
    response = client.get(address)
    assert response.status_code == 200, (address, response.status_code)
    first_byte, size, lines = None, 0, 0
    for chunk in response.streaming_content:
        if first_byte is None:
            first_byte = time.perf_counter() - started
        size += len(chunk)
        lines += chunk.count(b"\n")
    return first_byte, time.perf_counter() - started, time.process_time() - cpu, size, lines


def rows_in(address, lines):
    """The rows of a download from its newlines: a CSV's header line; a JSON download's
    opening line and its closing "\\n]}\\n"."""
    return lines - 1 if ".csv" in address else lines - 2


def timed(queries):
    """A database execute wrapper adding each query's seconds to ``queries`` (on PostgreSQL a
    streamed query's later fetches are not counted)."""

    def wrapper(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append(time.perf_counter() - started)

    return wrapper


def measure(client, address):
    """What one download costs: a dict of its figures."""
    from django.db import connection

    read(client, address)  # to warm up: imports, the first query plans, the session
    timings, queries = [], []
    with connection.execute_wrapper(timed(queries)):
        for _run in range(RUNS):
            timings.append(read(client, address))
    first_byte = statistics.median(timing[0] for timing in timings)
    seconds = statistics.median(timing[1] for timing in timings)
    cpu = statistics.median(timing[2] for timing in timings)
    *_times, size, lines = timings[0]
    tracemalloc.start()
    read(client, address)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rows = rows_in(address, lines)
    return {
        "rows": rows,
        "size": size,
        "first_byte": first_byte,
        "seconds": seconds,
        "rows_per_second": rows / seconds,
        "cpu": cpu,
        "rows_per_cpu_second": rows / cpu,
        "queries": len(queries) // RUNS,
        "query_seconds": sum(queries) / RUNS,
        "peak": peak,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000, help="cases to grow")
    parser.add_argument("--reuse", action="store_true", help="measure the file built last time")
    parser.add_argument("--only", help="only the addresses containing this text")
    options = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL")
    if database_url is None:
        FOLDER.mkdir(exist_ok=True)
        database_url = f"sqlite:///{FOLDER / DATABASE}"
        if not (options.reuse and (FOLDER / "built.json").exists()):
            build(database_url, options.cases)
        print(f"{json.loads((FOLDER / 'built.json').read_text())['cases']:,} grown cases")
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialgood.test_settings")
    sys.path.insert(0, str(PROJECT))

    import django

    warnings.filterwarnings("ignore", message="No directory at")  # no collectstatic here
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    client = Client()
    version = connection.Database.sqlite_version if connection.vendor == "sqlite" else ""
    print(
        f"{connection.vendor} {version}, Python {sys.version.split()[0]}; "
        f"median of {RUNS} runs after one to warm up\n"
    )
    print(
        "| download | rows | size | first byte | seconds | rows/s | CPU seconds | rows/CPU s "
        "| queries (their time) | peak Python memory |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, address in DOWNLOADS:
        if options.only and options.only not in address:
            continue
        got = measure(client, address)
        print(
            f"| {name} (`{address}`) | {got['rows']:,} | {megabytes(got['size'])} "
            f"| {got['first_byte'] * 1000:.0f} ms | {got['seconds']:.2f} s "
            f"| {got['rows_per_second']:,.0f} | {got['cpu']:.2f} s "
            f"| {got['rows_per_cpu_second']:,.0f} "
            f"| {got['queries']} ({got['query_seconds'] * 1000:.0f} ms) "
            f"| {megabytes(got['peak'])} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
