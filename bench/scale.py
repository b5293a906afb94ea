"""The catalogue at scale: every page type, search, API, download and admin list, served by
gunicorn with production settings from a PostgreSQL database grown to 100,000 extra cases.

    .venv/bin/python bench/scale.py                    # build the database, then measure
    .venv/bin/python bench/scale.py --reuse            # measure the database built last time
    .venv/bin/python bench/scale.py --cases 10000      # a smaller catalogue
    .venv/bin/python bench/scale.py --shape copied     # data of another shape (bench/copied.py)
    .venv/bin/python bench/scale.py --first-requests   # only the first requests after a restart
    .venv/bin/python bench/scale.py --reuse --explain  # only EXPLAIN ANALYZE of the searches

It builds (or with --reuse keeps) the database ``socialgood_bench`` on the PostgreSQL server of
``BENCH_PG`` (default the local one): migrate, the seed catalogue, ``grow_catalogue N``; or,
with ``--shape copied``, the database ``socialgood_bench_copied``: the seed catalogue, N cases
written by SQL (``bench/copied.py``) and ``recount_catalogue``; then ``VACUUM ANALYZE``. Then
it times the first request to every public address after a restart of the server, and after a
change to the catalogue, five times each (the slowest and the median). Then it starts gunicorn
(2 workers, DEBUG off) on a free port and prints, for every address: the status, the queries it
runs (counted in-process with Django's test client), the median and slowest time of five
requests over HTTP, and the size. Then the throughput of the case page, the case list and the
home page as a share of ``/robots.txt`` on the same server (``wrk`` when installed, else a
Python client), and EXPLAIN ANALYZE of each search's queries as the list page runs them (the
count up to 1,001 and the page of results; also after ``--first-requests``).
``BENCH_DATABASE`` names the database instead of ``socialgood_bench`` (``_copied`` is added for
the copied shape), on a server shared with others.
Numbers only: nothing here passes or fails, and nothing of it runs in the test suite.
"""

import argparse
import json
import os
import re
import shutil
import socket
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

PROJECT = Path(__file__).resolve().parent.parent
DATABASE = os.environ.get("BENCH_DATABASE", "socialgood_bench")
SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
REQUESTS = 5

SEARCHES = [
    ("search, English", "/campaigns/?q=glacier"),
    ("search, English plural", "/campaigns/?q=earthquakes"),
    ("search, Chinese", "/campaigns/?q=%E5%BE%AE%E5%8D%9A"),  # 微博
    ("search, one character", "/campaigns/?q=%E7%96%AB"),  # 疫
    ("search, broad English", "/campaigns/?q=video"),
    ("search, two words", "/campaigns/?q=tea+garden"),
    ("search and a facet", "/campaigns/?q=flood&platform=kwai"),
]

PAGES = [
    ("robots.txt", "/robots.txt"),
    ("home", "/"),
    ("home, Chinese", "/zh-hans/"),
    ("case list", "/campaigns/"),
    ("case list, page 100", "/campaigns/?page=100"),
    ("case list, filtered", "/campaigns/?cause=disaster_relief&platform=kwai&sort=figures"),
    *SEARCHES,
    ("case", "/campaigns/{case}/"),
    ("case, Chinese", "/zh-hans/campaigns/{case}/"),
    ("seed case", "/campaigns/yaan-earthquake-weibo-fundraising/"),
    ("organisations", "/organisations/"),
    ("organisation", "/organisations/{organisation}/"),
    ("platforms", "/platforms/"),
    ("platform", "/platforms/kwai/"),
    ("sources", "/sources/"),
    ("source", "/sources/{source}/"),
    ("tags", "/tags/"),
    ("tag", "/tags/earthquake/"),
    ("figures", "/figures/"),
    ("figures, filtered", "/figures/?unit=CNY&sort=largest"),
    ("compare", "/compare/?c={case}&c=yaan-earthquake-weibo-fundraising"),
    ("timeline", "/timeline/"),
    ("about", "/about/"),
    ("codebook", "/data/"),
    ("feed", "/feeds/campaigns/"),
    ("sitemap", "/sitemap.xml"),
    ("API campaigns", "/api/campaigns"),
    ("API campaigns, searched", "/api/campaigns?q=glacier"),
    ("API campaign", "/api/campaigns/{case}"),
    ("API figures", "/api/figures"),
    ("API figure", "/api/figures/{case}-1"),
    ("API organisations", "/api/organisations"),
    ("API organisation", "/api/organisations/{organisation}"),
    ("API platforms", "/api/platforms"),
    ("API sources", "/api/sources"),
    ("API source", "/api/sources/{source}"),
    ("download, campaigns CSV", "/campaigns/export.csv"),
]

ADMIN_PAGES = [
    ("admin campaigns", "/admin/campaigns/campaign/"),
    ("admin figures", "/admin/campaigns/figure/"),
    ("admin sources", "/admin/campaigns/source/"),
    ("admin organisations", "/admin/campaigns/organisation/"),
]

THROUGHPUT = [
    ("robots.txt", "/robots.txt"),
    ("case", "/campaigns/{case}/"),
    ("case list", "/campaigns/"),
    ("home", "/"),
]


def environment(database_url):
    """The environment of the commands and the server: production settings on the bench DB."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "ERROR",
        # Collected files go next to the database's name, not into the project's staticfiles/,
        # where the test suite's WhiteNoise would find (and index) them on every request.
        "DJANGO_STATIC_ROOT": str(Path(tempfile.gettempdir()) / f"{DATABASE}-static"),
    }


def manage(env, *args):
    """Run a management command, failing loudly."""
    subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT, env=env, check=True)


def build(env, database, cases, shape):
    """A fresh bench database: migrated, seeded, grown by ``cases`` (or, of the copied shape,
    written by SQL and recounted), analysed."""
    admin = f"--maintenance-db={SERVER}/postgres"
    subprocess.run(["dropdb", "--if-exists", admin, database], check=True)
    subprocess.run(["createdb", admin, database], check=True)
    started = time.monotonic()
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "load_catalogue")
    if shape == "copied":
        subprocess.run(
            [sys.executable, "bench/copied.py", str(cases)], cwd=PROJECT, env=env, check=True
        )
        recounting = time.monotonic()
        manage(env, "recount_catalogue")
        print(f"recount_catalogue took {time.monotonic() - recounting:.0f} s")
    else:
        manage(env, "grow_catalogue", str(cases), "--seed", "1")
    # As autovacuum leaves the tables minutes later: the documents and counts wrote each case
    # again, and until the old row versions are vacuumed every read of a case steps over them.
    subprocess.run(["psql", f"{SERVER}/{database}", "-qc", "VACUUM ANALYZE"], check=True)
    manage(env, "shell", "--no-imports", "-c", BENCH_ADMIN)
    print(f"built the bench database in {time.monotonic() - started:.0f} s\n")


BENCH_ADMIN = (
    "from django.contrib.auth.models import User; "
    "User.objects.filter(username='bench').exists() or "
    "User.objects.create_superuser('bench', 'bench@example.org', 'bench-password')"
)


def shell(env, script):
    """What a Python script prints, run in the project's Django shell with ``env``."""
    command = [sys.executable, "manage.py", "shell", "--no-imports", "-c", script]
    return subprocess.run(
        command, cwd=PROJECT, env=env, check=True, capture_output=True, text=True
    ).stdout


def examples(env, shape):
    """Real slugs of the grown catalogue for the addresses that need one."""
    prefix = "copy-" if shape == "copied" else "grown-"
    script = (
        "from campaigns.models import Campaign, Organisation, Source; "
        f"c = Campaign.objects.public().filter(slug__startswith='{prefix}').order_by('pk')[500]; "
        "o = c.participations.first().organisation; s = c.sources.first(); "
        "print(c.slug, o.slug, s.slug)"
    )
    out = shell(env, script).split()
    return {"case": out[0], "organisation": out[1], "source": out[2]}


def query_counts(env, addresses):
    """The number of queries each address runs, counted in-process with the test client."""
    script = f"""
import json
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.contrib.auth.models import User
client, admin = Client(), Client()
admin.force_login(User.objects.get(username="bench"))
counts = {{}}
for name, address in {addresses!r}:
    who = admin if address.startswith("/admin/") else client
    with CaptureQueriesContext(connection) as queries:
        response = who.get(address, secure=True)
        if response.streaming:
            for chunk in response.streaming_content:
                pass
    counts[name] = len(queries)
print(json.dumps(counts))
"""
    return json.loads(shell(env, script).strip().splitlines()[-1])


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(env, port):
    """gunicorn with production settings, as the README's production section runs it."""
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "socialgood.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        cwd=PROJECT,
        env=env,
    )
    for _attempt in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2).read()
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("gunicorn did not start")


def fetch(url, cookie=None):
    """(status, seconds to the whole body, size, seconds to the first byte) of one request."""
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    if cookie:
        request.add_header("Cookie", cookie)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            first = response.read(1)
            first_byte = time.perf_counter() - started
            body = first + response.read()
            return response.status, time.perf_counter() - started, len(body), first_byte
    except urllib.error.HTTPError as error:
        body = error.read()
        return error.code, time.perf_counter() - started, len(body), None


def admin_cookie(base):
    """A session cookie of the bench superuser, signed in through the admin's login form.

    The server thinks it is behind HTTPS (X-Forwarded-Proto), so its cookies are Secure and
    its CSRF check wants an https Referer; the cookies are kept by hand.
    """
    cookies = {}

    def remember(response):
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            cookies[name] = value

    def cookie_header():
        return "; ".join(f"{name}={value}" for name, value in cookies.items())

    login = f"{base}/admin/login/"
    with urllib.request.urlopen(
        urllib.request.Request(login, headers={"X-Forwarded-Proto": "https"})
    ) as response:
        remember(response)
        page = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = {"username": "bench", "password": "bench-password", "csrfmiddlewaretoken": token}
    request = urllib.request.Request(
        f"{login}?next=/admin/",
        data=urllib.parse.urlencode(form).encode(),
        headers={
            "X-Forwarded-Proto": "https",
            "Referer": login.replace("http://", "https://"),
            "Cookie": cookie_header(),
        },
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        urllib.request.build_opener(NoRedirect).open(request)
    except urllib.error.HTTPError as answer:  # the 302 to /admin/ that signing in answers
        remember(answer)
    return cookie_header()


def measure(base, pages, counts, cookie=None):
    """Five requests of each address; one line each; returns the non-200 answers."""
    failures = []
    for name, address in pages:
        results = [fetch(base + address, cookie) for _ in range(REQUESTS)]
        statuses = {status for status, *_rest in results}
        times = [seconds * 1000 for _status, seconds, _size, _first in results]
        first_bytes = [first * 1000 for *_rest, first in results if first is not None]
        line = (
            f"{name:26} {','.join(map(str, sorted(statuses))):>4} {counts.get(name, '?'):>4} q "
            f"{statistics.median(times):8.0f} ms median {max(times):8.0f} ms slowest "
            f"{results[-1][2] / 1024:8.0f} KB"
        )
        if name.startswith("download"):
            line += f"  first byte {max(first_bytes):.0f} ms"
        print(line, flush=True)
        failures += [f"{name}: {status}" for status in statuses if status != 200]
    return failures


def throughput(base, address, seconds=10):
    """Requests a second the server answers for ``address`` (wrk, else a Python client)."""
    if shutil.which("wrk"):
        out = subprocess.run(
            [
                "wrk",
                "-t2",
                "-c8",
                f"-d{seconds}s",
                "-H",
                "X-Forwarded-Proto: https",
                base + address,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    done = [0]
    stop = time.monotonic() + seconds

    def client():
        while time.monotonic() < stop:
            fetch(base + address)
            done[0] += 1

    threads = [threading.Thread(target=client) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done[0] / seconds


def explain_searches(env, searches=SEARCHES, runs=3):
    """EXPLAIN ANALYZE of the queries each search runs at the database, as the list page runs
    them (``views/campaigns.py``): the count up to ``COUNTED_EXACTLY_UP_TO`` + 1 through the
    indexes (``count_matches``; past it, the planner's estimate, itself an EXPLAIN without
    ANALYZE, is the count), then the page of results, ranked by titles when the count was
    estimated, from the matches whose titles hold its words first (``page_of_ranked``). Each
    is run ``runs`` times; the first, the median and the sum of the medians are printed."""
    script = f"""
import statistics
from django.db import connection
from django.http import QueryDict
from campaigns.filters import CampaignFilterForm
from campaigns.models import Campaign
from campaigns.models.base import COUNTED_EXACTLY_UP_TO
from campaigns.search.backends import backend
from contextlib import nullcontext

def explain(queryset, runs, indexes_only=False):
    sql, params = queryset.query.sql_with_params()
    times, plan = [], []
    for _run in range({runs}):
        with backend().reading_matches_by_index() if indexes_only else nullcontext():
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE) " + sql, params)
                plan = [row[0] for row in cursor.fetchall()]
        times.append(float(plan[-1].split(": ")[1].split()[0]))
    return times, plan

print(f"{{'search':26}} {{'matches':>8}} {{'count, ms':>18}} {{'page, ms':>18}} {{'both':>7}}")
print(f"{{'':35}} {{'first':>8}} {{'median':>9}} {{'first':>8}} {{'median':>9}} {{'median':>7}}")
for name, address in {searches!r}:
    form = CampaignFilterForm(data=QueryDict(address.split("?", 1)[1]))
    campaigns = form.filter(Campaign.objects.public().for_listing())
    count, estimated = campaigns.count_or_estimate()
    limited = campaigns.order_by().values("pk")[: COUNTED_EXACTLY_UP_TO + 1]
    counting, _plan = explain(limited, {runs}, indexes_only=True)  # as count_matches()
    page = None
    if estimated:  # as page_of_broad_search(): title matches first, if in the search's order
        campaigns = campaigns.ranked_by_titles()
        page = backend().page_of_ranked(campaigns, 0, 20)
    paging, plan = explain(campaigns[:20] if page is None else page, {runs}, estimated)
    scans = {{line.split(" on ")[1].split()[0] for line in plan if "Seq Scan on" in line}}
    indexes = {{
        line.split(" using " if " using " in line else " on ")[1].split()[0]
        for line in plan
        if " using " in line or "Index Scan on" in line
    }}
    both = statistics.median(counting) + statistics.median(paging)
    matches = f"~{{count}}" if estimated else str(count)
    print(
        f"{{name:26}} {{matches:>8}} {{counting[0]:8.1f}} {{statistics.median(counting):9.1f}} "
        f"{{paging[0]:8.1f}} {{statistics.median(paging):9.1f}} {{both:7.1f}}"
    )
    print(f"{{'':26}} sequential scans: {{', '.join(sorted(scans)) or 'none'}}")
    print(f"{{'':26}} indexes: {{', '.join(sorted(indexes)) or 'none'}}")
"""
    subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", script],
        cwd=PROJECT,
        env=env,
        check=True,
    )


CHANGE = """
from campaigns import derived
from campaigns.models import Campaign
with derived.unit():
    case = Campaign.objects.get(slug={slug!r})
    case.summary = case.summary[:-1] if case.summary.endswith(" ") else case.summary + " "
    case.save()
"""


def first_requests(env, pages, slugs, rounds=REQUESTS):
    """The first request to every address after the server started, and after a change to the
    catalogue (a case's summary saved), ``rounds`` times each: the median and the slowest."""
    after = {"restart": {}, "change": {}}
    for _round in range(rounds):
        port = free_port()
        server = serve(env, port)
        base = f"http://127.0.0.1:{port}"
        try:
            for _request in range(10):  # both workers up, as a load balancer's checks leave them
                fetch(base + "/health/")
            for name, address in pages:
                after["restart"].setdefault(name, []).append(fetch(base + address))
            shell(env, CHANGE.format(slug=slugs["case"]))
            for name, address in pages:
                after["change"].setdefault(name, []).append(fetch(base + address))
        finally:
            server.terminate()
            server.wait()
    print(f"{'page':26} {'after a restart':>28} {'after a change':>28} {'size':>8}")
    print(f"{'':26} {'median':>13} {'slowest':>14} {'median':>13} {'slowest':>14}")
    failures = []
    for name, _address in pages:
        line = f"{name:26}"
        for when in ("restart", "change"):
            results = after[when][name]
            times = [seconds * 1000 for _status, seconds, _size, _first in results]
            line += f" {statistics.median(times):10.0f} ms {max(times):11.0f} ms"
            failures += [f"{name} after a {when}: {r[0]}" for r in results if r[0] != 200]
        print(f"{line} {results[-1][2] / 1024:6.0f} KB", flush=True)
    return failures


def run_server(env, pages, admin_pages, counts, slugs, *, seconds, warm):
    """Serve with gunicorn, time every address (after one warming request when ``warm``) and
    the throughput; return the answers other than 200."""
    port = free_port()
    server = serve(env, port)
    base = f"http://127.0.0.1:{port}"
    try:
        for _request in range(10):  # every worker started and connected, as a live server is
            fetch(base + "/health/")
        if warm:
            for _name, address in pages:
                fetch(base + address)
        print(f"{'page':26} {'status':>4} {'queries':>6} {'':>10} (each of {REQUESTS} requests)")
        failures = measure(base, pages, counts)
        failures += measure(base, admin_pages, counts, cookie=admin_cookie(base))
        if seconds:
            print("throughput (requests/s, as a share of /robots.txt):")
            rates = {}
            for name, address in THROUGHPUT:
                rates[name] = throughput(base, address.format(**slugs), seconds)
                share = rates[name] / rates["robots.txt"] * 100
                print(f"  {name:12} {rates[name]:8.1f}/s  {share:5.1f} %", flush=True)
    finally:
        server.terminate()
        server.wait()
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000, help="grown cases (default 100,000)")
    parser.add_argument("--reuse", action="store_true", help="measure the database built before")
    parser.add_argument("--seconds", type=int, default=10, help="seconds per throughput run")
    parser.add_argument(
        "--only", metavar="WORD", help="measure only the addresses whose name holds WORD"
    )
    parser.add_argument(
        "--shape",
        choices=["grown", "copied"],
        default="grown",
        help="grow_catalogue's cases (default), or seed cases copied by SQL and recounted",
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="only EXPLAIN ANALYZE the searches (with --reuse: no server started)",
    )
    parser.add_argument(
        "--first-requests",
        action="store_true",
        help="time only the first requests after a restart and after a change",
    )
    arguments = parser.parse_args()

    database = DATABASE if arguments.shape == "grown" else f"{DATABASE}_copied"
    env = environment(f"{SERVER}/{database}")
    if not arguments.reuse:
        build(env, database, arguments.cases, arguments.shape)
    if arguments.explain:
        print("searches at the database (EXPLAIN ANALYZE, milliseconds):")
        explain_searches(env)
        return
    manage(env, "collectstatic", "--no-input", "-v", "0")  # production serves hashed names
    slugs = examples(env, arguments.shape)
    chosen = [(name, address) for name, address in PAGES if (arguments.only or "") in name]
    pages = [(name, address.format(**slugs)) for name, address in chosen]
    admin_pages = [
        (name, address) for name, address in ADMIN_PAGES if (arguments.only or "") in name
    ]
    print("\n== first requests after a restart and after a change (no Redis)", flush=True)
    failures = first_requests(env, pages, slugs)
    if arguments.first_requests:
        print("\nsearches at the database (EXPLAIN ANALYZE, milliseconds):")
        explain_searches(env)
        print(f"\nanswers other than 200: {len(failures)}" + "".join(f"\n  {f}" for f in failures))
        return
    print("counting queries …", flush=True)
    counts = query_counts(env, pages + admin_pages)

    shared = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/14")
    runs = (
        ("cold: no page cache", {"DJANGO_PAGE_CACHE_SECONDS": "0"}),
        ("warm: page cache on, shared in Redis", {"REDIS_URL": shared}),
    )
    for state, settings in runs:
        print(f"\n== {state}", flush=True)
        if "REDIS_URL" in settings:
            subprocess.run(["redis-cli", "-u", shared, "flushdb"], check=False, capture_output=True)
        failures += run_server(
            {**env, **settings},
            pages,
            admin_pages,
            counts,
            slugs,
            seconds=arguments.seconds if not arguments.only else 0,
            warm="REDIS_URL" in settings,
        )
    if not arguments.only or "search" in arguments.only:
        print("\nsearches at the database (EXPLAIN ANALYZE, milliseconds):")
        explain_searches(env)
    print(f"\nanswers other than 200: {len(failures)}" + "".join(f"\n  {f}" for f in failures))


if __name__ == "__main__":
    main()
