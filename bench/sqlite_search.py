"""Search on SQLite, the small default, at 10,000 grown cases: each search of ``make
bench-scale``, the forgiving ones (apostrophes, joined words) and those the seed's search
aliases widen (coronavirus, 芦山地震 …) through Django's test client, then the same again
without the aliases (deleted), for what widening a search costs.

Builds a throwaway SQLite database in a temporary folder: migrations, the seed catalogue, then
``grow_catalogue N --seed 1``. Prints, for each search, the status, the number of cases found
and the median and slowest of five requests. Numbers only: nothing here passes or fails.

    .venv/bin/python bench/sqlite_search.py                 # 10,000 grown cases
    .venv/bin/python bench/sqlite_search.py --cases 2000
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent

SEARCHES = [
    "glacier",
    "earthquakes",
    "微博",
    "疫",
    "tea garden",
    "flood",
    "Yaan",
    "livestream",
    "coronavirus",
    "芦山地震",
    "donated",
    "Weixin",
]

MEASURE = """
import statistics, time, urllib.parse
from django.test import Client
from campaigns.models import Campaign, SearchAlias
client = Client()
for q in {searches!r}:
    url = "/campaigns/?q=" + urllib.parse.quote(q)
    client.get(url)
    times = []
    for _ in range(5):
        started = time.monotonic()
        response = client.get(url)
        times.append(time.monotonic() - started)
    found = Campaign.objects.public().search(q).count()
    median, slowest = statistics.median(times) * 1000, max(times) * 1000
    print(f"{{q:12}} {{response.status_code}} {{found:6,}} found  "
          f"{{median:5.0f}} ms median  {{slowest:5.0f}} ms slowest")
"""

WITHOUT_ALIASES = """
print(f"without the {{SearchAlias.objects.count()}} search aliases:")
SearchAlias.objects.all().delete()
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000, help="grown cases (10,000)")
    cases = parser.parse_args().cases
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{Path(folder) / 'bench.sqlite3'}",
            "DJANGO_DEBUG": "1",  # static files from the app folders, no collectstatic
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DJANGO_PAGE_CACHE_SECONDS": "0",
            "DJANGO_RATE_LIMIT_SEARCHES": "0",  # twice 12 searches, six times each
        }

        def manage(*args, **kwargs):
            command = [sys.executable, "manage.py", *args]
            return subprocess.run(command, cwd=PROJECT, env=env, check=True, **kwargs)

        manage("migrate", "--no-input", "-v", "0")
        manage("load_catalogue", stdout=subprocess.DEVNULL)
        started = time.monotonic()
        manage("grow_catalogue", str(cases), "--seed", "1", stdout=subprocess.DEVNULL)
        print(f"SQLite, {cases:,} grown cases (grown in {time.monotonic() - started:.0f} s)")
        script = MEASURE.format(searches=SEARCHES)
        script += WITHOUT_ALIASES.format() + MEASURE.format(searches=SEARCHES)
        manage("shell", "--no-imports", "-c", script)


if __name__ == "__main__":
    main()
