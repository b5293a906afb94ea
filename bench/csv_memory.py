"""Peak memory of streaming a large figures CSV download.

Builds a throwaway SQLite database in a temporary folder, fills it with ROWS public figures
(spread over campaigns with two platforms each, so the per-chunk prefetch is exercised), then
downloads /figures/export.csv through Django's request handling and reads the streamed body
chunk by chunk without keeping it. Python's own allocations are traced with tracemalloc; the
process's maximum resident size comes from resource.getrusage.

    .venv/bin/python bench/csv_memory.py            # 100,000 figures
    .venv/bin/python bench/csv_memory.py --rows 20000

It reports the time of an untraced download, the tracemalloc peak of a second one, the
process's maximum resident size after those two, and for comparison the peak when the same CSV
is joined into one string, which is what a non-streaming response would hold.
"""

import argparse
import datetime
import os
import resource
import sys
import tempfile
import time
import tracemalloc
import warnings
from decimal import Decimal
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def megabytes(size):
    return f"{size / 1024 / 1024:.1f} MB"


def fill(rows, per_campaign):
    """ROWS published figures over ROWS / PER_CAMPAIGN campaigns; returns the campaign count."""
    from campaigns.models import (
        Approach,
        Campaign,
        Cause,
        Figure,
        Organisation,
        Platform,
        Source,
        Status,
    )

    operator = Organisation.objects.create(name="Operator", slug="operator", kind="company")
    platforms = [
        Platform.objects.create(
            name=f"Platform {n}",
            name_zh=f"平台{n}",
            slug=f"platform-{n}",
            kind="microblog",
            operator=operator,
        )
        for n in range(10)
    ]
    campaign_count = max(1, rows // per_campaign)
    sources = Source.objects.bulk_create(
        Source(
            slug=f"source-{n}",
            title=f"来源 source {n}",
            kind="report",
            url=f"https://example.org/{n}",
        )
        for n in range(campaign_count)
    )
    campaigns = Campaign.objects.bulk_create(
        Campaign(
            slug=f"campaign-{n}",
            title=f"Campaign {n}",
            title_zh=f"案例{n}",
            summary="A campaign.",
            description="A campaign.",
            start_date=datetime.date(2020, 1, 1),
            cause=Cause.DISASTER_RELIEF,
            approach=Approach.FUNDRAISING,
            status=Status.PUBLISHED,
        )
        for n in range(campaign_count)
    )
    links = []
    for n, campaign in enumerate(campaigns):
        for platform in {platforms[n % 10], platforms[(n + 1) % 10]}:
            links.append(Campaign.platforms.through(campaign=campaign, platform=platform))
    Campaign.platforms.through.objects.bulk_create(links)
    batch = 5000
    for first in range(0, rows, batch):  # in batches, so filling never holds every row
        Figure.objects.bulk_create(
            Figure(
                key=f"figure-{n}",
                campaign=campaigns[n % campaign_count],
                source=sources[n % campaign_count],
                label="Donations raised",
                label_zh="募集善款",
                value=Decimal(n * 1000 + 7),
                unit="CNY",
                kind="money",
                stated_as=f"{n * 1000 + 7} yuan",
                as_of=datetime.date(2020, 1, 1) + datetime.timedelta(days=n % 365),
            )
            for n in range(first, min(first + batch, rows))
        )
    return campaign_count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="figures to generate")
    parser.add_argument("--per-campaign", type=int, default=20, help="figures per campaign")
    options = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="socialgood-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialgood.test_settings")
    sys.path.insert(0, str(PROJECT))

    import django

    warnings.filterwarnings("ignore", message="No directory at")  # no collectstatic here
    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    campaigns = fill(options.rows, options.per_campaign)
    print(
        f"Filled a throwaway SQLite database with {options.rows:,} figures of {campaigns:,} "
        f"campaigns in {time.perf_counter() - started:.1f} s."
    )

    rss_after_filling = max_rss()
    client = Client()
    started = time.perf_counter()
    size, lines = read_download(client)
    elapsed = time.perf_counter() - started
    assert lines == options.rows + 1, lines
    print(
        f"Streamed /figures/export.csv: {lines - 1:,} rows, {megabytes(size)}, in {elapsed:.1f} s "
        "(untraced)."
    )

    tracemalloc.start()
    read_download(client)
    _current, streamed_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"Peak Python memory while streaming it (tracemalloc): {megabytes(streamed_peak)}.")
    print(
        "Process maximum resident size (getrusage) after filling: "
        f"{megabytes(rss_after_filling)}; after both downloads: {megabytes(max_rss())}."
    )

    tracemalloc.start()
    whole = b"".join(client.get("/figures/export.csv").streaming_content)
    _current, joined_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"For comparison, the same {megabytes(len(whole))} CSV held whole in memory: "
        f"peak {megabytes(joined_peak)}."
    )


def max_rss():
    """The process's maximum resident set size so far, in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def read_download(client):
    """Download the figures CSV, reading it chunk by chunk; its size in bytes and lines."""
    response = client.get("/figures/export.csv")
    assert response.status_code == 200, response.status_code
    size = lines = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += chunk.count(b"\n")
    return size, lines


if __name__ == "__main__":
    main()
