"""A fresh server process's first request, with the warm-up (``socialgood/warmup.py``) and
without.

Builds the seed catalogue into a SQLite file of its own (or takes ``--database`` as a
``DATABASE_URL``), then, ``--rounds`` times for each page, starts a fresh process with
``DJANGO_WARM_UP=1`` and one with ``DJANGO_WARM_UP=0`` in turn, each loading the application as
gunicorn does (``socialgood.wsgi``; production settings, no Redis), asking for ``/robots.txt``
(the benchmarks' probe) and then for the page through Django's request handling. Prints the
medians of the first request's Python function calls (the same from run to run, whatever else
the machine does), its CPU time and its clock time, and their ratios.

    make bench-first  (ROUNDS=7, DATABASE=<a DATABASE_URL>)
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scale import PROJECT, environment, manage

PAGES = [
    ("case", "/campaigns/{case}/"),
    ("case in Chinese", "/zh-hans/campaigns/{case}/"),
    ("list", "/campaigns/"),
    ("home", "/"),
    ("figures", "/figures/"),
]


def seed_database():
    """A SQLite file of the seed catalogue, built once."""
    path = Path(tempfile.gettempdir()) / "socialgood-first-request.sqlite3"
    url = f"sqlite:///{path}"
    if not path.exists():
        env = environment(url)
        manage(env, "migrate", "-v0")
        manage(env, "load_catalogue", "-v0")
    return url


def a_case(env):
    """The slug of a published case."""
    code = (
        "from campaigns.models import Campaign;"
        "print(Campaign.objects.public().order_by('slug').values_list('slug', flat=True)[0])"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=PROJECT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def first_request(env, warm, address):
    """(function calls, CPU seconds, wall seconds) of a fresh process's first request to
    ``address``, warmed up as a server process would be when ``warm`` is "1"."""
    result = subprocess.run(
        [sys.executable, __file__, "--child", address],
        cwd=PROJECT,
        env={**env, "DJANGO_WARM_UP": warm, "DJANGO_SETTINGS_MODULE": "socialgood.settings"},
        check=True,
        capture_output=True,
        text=True,
    )
    calls, cpu, wall = result.stdout.split()
    return int(calls), float(cpu), float(wall)


def child(address):
    """In a fresh process: load the application as the server does (``socialgood.wsgi``, which
    warms up unless told not to), ask for ``/robots.txt`` as the benchmarks' probe does, then
    time the first request to ``address`` and count its Python function calls."""
    import cProfile
    import pstats

    sys.path.insert(0, str(PROJECT))
    from django.test import Client

    # Loads the application (and warms up) as gunicorn does.
    import socialgood.wsgi  # noqa: F401

    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
    client.get("/robots.txt")
    profile = cProfile.Profile()
    cpu, wall = time.process_time(), time.perf_counter()
    profile.enable()
    response = client.get(address)
    profile.disable()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    if response.status_code != 200:
        raise SystemExit(f"{address} answered {response.status_code}")
    print(pstats.Stats(profile).total_calls, cpu, wall)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--database", help="a DATABASE_URL (default: the seed in a SQLite file)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        return child(options.child)
    env = environment(options.database or seed_database())
    env.pop("REDIS_URL", None)
    manage(env, "collectstatic", "--noinput", "-v0")  # WhiteNoise reads them as it loads
    case = a_case(env)
    print("first request of a fresh process, median of the rounds: warmed up / not (ratio)\n")
    print(f"{'page':16} {'Python function calls':>34} {'CPU':>26} {'clock':>26}")
    for name, address in PAGES:
        runs = {"1": [], "0": []}
        for _round in range(options.rounds):
            for warm in ("1", "0"):
                runs[warm].append(first_request(env, warm, address.format(case=case)))
        cells = []
        for column, unit in ((0, ""), (1, " ms"), (2, " ms")):
            warmed, cold = (statistics.median(run[column] for run in runs[w]) for w in "10")
            scale = 1000 if unit else 1
            cells.append(
                f"{warmed * scale:,.0f}{unit} / {cold * scale:,.0f}{unit} ({warmed / cold:.2f})"
            )
        print(f"{name:16} {cells[0]:>34} {cells[1]:>26} {cells[2]:>26}")


if __name__ == "__main__":
    main()
