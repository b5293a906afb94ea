"""The revision history at length: a case saved 200 times in the admin, its history page and a
restore, and what each revision stores; then a load of grown cases, to show that one large
revision neither slows a case's history nor stores more than the rows it wrote.

Builds a throwaway database (SQLite in a temporary folder; ``--database-url`` for PostgreSQL,
which it empties first): migrations, the seed catalogue, then, through Django's test client
signed in as a superuser, ``--saves`` saves of one seed case, each changing its summary and one
of its figures. Prints the median and slowest of ten requests of the history page (first page,
50 revisions, and last page), the restore page, and storage per revision. Numbers only: nothing
here passes or fails.

    .venv/bin/python bench/history.py                    # 200 saves, then 2,000 grown cases
    .venv/bin/python bench/history.py --saves 500 --grown 10000
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent

MEASURE = """
import statistics, time
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Sum
from django.db.models.functions import Length
from django.test import Client
from django.test.utils import setup_test_environment
from django.urls import reverse
from reversion.models import Revision, Version
from campaigns.models import Campaign

setup_test_environment()  # the test client keeps each page's context
SAVES = {saves}
case = Campaign.objects.get(slug="yaan-earthquake-weibo-fundraising")
user = get_user_model().objects.create_superuser("bench", "bench@example.org", "bench")
client = Client()
client.force_login(user)
change = reverse("admin:campaigns_campaign_change", args=[case.pk])
page = client.get(change)
form = page.context["adminform"].form
data = {{}}
for name, field in form.fields.items():
    value = form.initial.get(name, field.initial)
    if hasattr(value, "all"):
        value = [item.pk for item in value.all()]
    elif isinstance(value, list):
        value = [getattr(item, "pk", item) for item in value]
    data[name] = "" if value is None else value
data["tags"] = ", ".join(tag.name for tag in case.tags.all())
data["country"] = case.country.code
for formset in page.context["inline_admin_formsets"]:
    management = formset.formset.management_form
    for name in management.fields:
        data[f"{{management.prefix}}-{{name}}"] = management.initial.get(name, 0)
    for index, inline_form in enumerate(formset.formset.forms):
        for name, field in inline_form.fields.items():
            value = inline_form.initial.get(name, field.initial)
            if hasattr(value, "pk"):
                value = value.pk
            data[f"{{inline_form.prefix}}-{{name}}"] = "" if value is None else value
figures = [key for key in data if key.startswith("figures-") and key.endswith("-stated_as")]
started = time.monotonic()
for number in range(SAVES):
    data["summary"] = f"Saved {{number}} times: the 2013 Ya'an appeal on Weibo."
    data[figures[number % len(figures)]] = f"stated {{number}}"
    response = client.post(change, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
saving = time.monotonic() - started

def timed(url, expect=200):
    client.get(url)
    times = []
    for _ in range(10):
        began = time.monotonic()
        response = client.get(url)
        times.append(time.monotonic() - began)
        assert response.status_code == expect, (url, response.status_code)
    return statistics.median(times) * 1000, max(times) * 1000

history = reverse("admin:campaigns_campaign_history", args=[case.pk])
revisions = Revision.objects.filter(version__case__campaign_id=case.pk).distinct().count()
pages = (revisions + 49) // 50
oldest = Revision.objects.filter(version__case__campaign_id=case.pk).order_by("pk").first()
restore = reverse("admin:campaigns_campaign_restore", args=[case.pk, oldest.pk])
stored = Version.objects.filter(campaign_version__campaign_id=case.pk)
per_save = stored.exclude(revision=oldest).count() / SAVES
size = stored.aggregate(bytes=Sum(Length("serialized_data")))["bytes"] / SAVES
rows = 1 + case.figures.count() + case.participations.count() + case.tagged_items.count()
print(f"{{connection.vendor}}: {{SAVES}} admin saves of one case in {{saving:.1f}} s "
      f"({{saving / SAVES * 1000:.0f}} ms a save); {{revisions}} revisions in its history")
print(f"  each save stores {{per_save:.1f}} rows (the case and the figure it changed) of the "
      f"{{rows}} the case has, {{size:,.0f}} bytes of serialized data")
for label, url in [
    ("history, newest 50", history),
    (f"history, page {{pages}} (oldest)", history + f"?page={{pages}}"),
    ("restore the oldest (confirm page)", restore),
    ("activity page", "/admin/activity/"),
]:
    median, slowest = timed(url)
    print(f"  {{label:36}} {{median:5.0f}} ms median  {{slowest:5.0f}} ms slowest")
"""

AFTER_GROWING = """
import statistics, time
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse
from reversion.models import Revision, Version
from campaigns.models import Campaign
client = Client()
client.force_login(get_user_model().objects.get(username="bench"))
case = Campaign.objects.get(slug="yaan-earthquake-weibo-fundraising")
history = reverse("admin:campaigns_campaign_history", args=[case.pk])
client.get(history)
times = []
for _ in range(10):
    began = time.monotonic()
    client.get(history)
    times.append(time.monotonic() - began)
from django.db.models import Count
largest = Revision.objects.annotate(rows=Count("version")).order_by("-rows").first()
print(f"  after a load of {{largest.rows:,}} rows in one revision: "
      f"history, newest 50 {{statistics.median(times) * 1000:.0f}} ms median")
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200, help="admin saves of one case (200)")
    parser.add_argument("--grown", type=int, default=2_000, help="cases loaded after (2,000)")
    parser.add_argument("--database-url", help="PostgreSQL to use (emptied first)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = options.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_DEBUG": "1",
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DJANGO_PAGE_CACHE_SECONDS": "0",
        }

        def manage(*args, **kwargs):
            command = [sys.executable, "manage.py", *args]
            return subprocess.run(command, cwd=PROJECT, env=env, check=True, **kwargs)

        if options.database_url:
            manage("flush", "--no-input")
        manage("migrate", "--no-input", "-v", "0")
        manage("load_catalogue", stdout=subprocess.DEVNULL)
        manage("shell", "--no-imports", "-c", MEASURE.format(saves=options.saves))
        if options.grown:
            exported = Path(folder) / "grown"
            grown_env = {**env, "DATABASE_URL": f"sqlite:///{Path(folder) / 'grown.sqlite3'}"}
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
                cwd=PROJECT,
                env=grown_env,
                check=True,
            )
            for args in (
                ["load_catalogue"],
                ["grow_catalogue", str(options.grown), "--seed", "1"],
                ["export_catalogue", str(exported)],
            ):
                subprocess.run(
                    [sys.executable, "manage.py", *args],
                    cwd=PROJECT,
                    env=grown_env,
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
            files = [
                str(exported / name)
                for name in (
                    "sources.json",
                    "organisations.json",
                    "platforms.json",
                    "campaigns.json",
                    "figures.json",
                )
            ]
            started = time.monotonic()
            manage("load_catalogue", *files, stdout=subprocess.DEVNULL)
            print(
                f"  load_catalogue of the {options.grown:,} grown cases (one revision): "
                f"{time.monotonic() - started:.0f} s"
            )
            manage("shell", "--no-imports", "-c", AFTER_GROWING.format())


if __name__ == "__main__":
    main()
