"""
Growing a catalogue for measuring: N realistic published cases (and some drafts) added in bulk.

Each grown case has English and Chinese titles built from a vocabulary of causes, topics, places
and approaches, a summary and description that name its platforms and organisers, a start date
between 2005 and 2025 (known to the day, month or year), one or two platforms, a source, two
tags, one or two participants and two figures of different units and kinds citing that source.
The same seed grows the same cases; a second run continues the numbering.

``grow_catalogue`` (the command) calls ``grow_catalogue()`` here. It refuses a database holding
real edits (campaigns neither seeded nor grown, or changes made in the admin) unless told
``allow_real_edits``, because grown cases cannot be told apart from real ones on the site.
"""

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.db import connection

from .. import derived
from ..loading import FIXTURE_FILES
from ..models import Campaign
from .grower import GROWN_PREFIX, _Grower


class GrowthRefused(Exception):
    """The database holds real edits and growing was not asked for anyway."""


@dataclass
class GrowthReport:
    """What a run added, and how long it took."""

    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line per model: how many rows were added."""
        lines = [f"Grew the catalogue in {self.seconds:.1f} s:"]
        lines += [f"  {name}: {count:,}" for name, count in self.counts.items()]
        return "\n".join(lines)


def seeded_slugs() -> set[str]:
    """The slugs of the campaigns in the seed catalogue's files."""

    slugs = set()
    for folder in settings.FIXTURE_DIRS:
        path = Path(folder) / FIXTURE_FILES[3]
        if path.is_file():
            records = json.loads(path.read_text(encoding="utf-8"))
            slugs |= {
                record["fields"]["slug"]
                for record in records
                if record.get("model") == "campaigns.campaign"
            }
    return slugs


def real_edits() -> list[str]:
    """What in this database looks like real curators' work, described; empty when none."""
    found = []
    others = Campaign.objects.exclude(slug__startswith=GROWN_PREFIX).exclude(
        slug__in=seeded_slugs()
    )
    if others.exists():
        found.append(f"{others.count():,} campaigns that are neither seeded nor grown")
    if LogEntry.objects.exists():
        found.append(f"{LogEntry.objects.count():,} changes made in the admin")
    return found


def grow_catalogue(
    *,
    count: int,
    seed: int = 0,
    draft_share: float = 0.05,
    allow_real_edits: bool = False,
    progress: Callable[[str], None] | None = None,
) -> GrowthReport:
    """Add ``count`` grown cases (about ``draft_share`` of them drafts) in one transaction.

    Raises ``GrowthRefused`` if the database holds real edits, unless ``allow_real_edits``.
    """
    if count < 1:
        raise ValueError("Grow by at least one case.")
    if not allow_real_edits:
        edits = real_edits()
        if edits:
            raise GrowthRefused(
                "This database holds "
                + " and ".join(edits)
                + ": grown cases would sit among them, published, looking real. "
                "Grow a copy instead, or say --yes if that is what you want."
            )
    started = time.monotonic()
    with derived.unit():
        grower = _Grower(count=count, seed=seed, draft_share=draft_share, progress=progress)
        counts = grower.grow()
        derived.everything_changed()  # written in bulk, without save(): all is worked out again
    if not connection.in_atomic_block:
        with connection.cursor() as cursor:
            # The planner's row estimates are wrong until the tables are analysed again, and a
            # query planned for 100 campaigns that meets 100,000 takes seconds instead of
            # milliseconds; vacuuming also lets counts read indexes alone. Autovacuum would
            # get there, but only some minutes later.
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return GrowthReport(counts=counts, seconds=time.monotonic() - started)
