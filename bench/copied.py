"""A catalogue of another shape than ``grow_catalogue``'s, written by SQL as an operator might
load data we did not make: every new case copies a seed case's text, with its number and one
of fifty rare words added, on one or two platforms, citing one source, with two tags, an
organiser and two figures. Nothing keeps its derived data in step while it writes (counts,
visibility flags, search documents): ``recount_catalogue`` does that afterwards, as the
README tells an operator to.

    DATABASE_URL=... .venv/bin/python bench/copied.py 100000     # then: manage.py recount_catalogue

It works on PostgreSQL and SQLite, in batches of ``BATCH`` cases per statement, and prints how
long it took. The rows are told apart by their slugs (``copy-N``) and keys (``copy-N-1``).
"""

import os
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BATCH = 10_000

RARE_WORDS = """
abacus bellwether cormorant dirigible equinox fjord gossamer halcyon isthmus juniper kestrel
lagoon marzipan nebula obelisk palisade quarry rhubarb saffron tundra umbra vellum wainscot
xylophone yarrow zephyr alembic basilisk cinnabar dulcimer estuary filigree gantry heron
indigo jackdaw kelp lichen mistral nautilus osprey pergola quince rampart sorrel tamarind
ulex verdigris wombat yttrium
""".split()


def write(cursor, first, last, now, vendor):
    """Cases ``first``..``last`` with everything they link, in one statement per table."""
    words = " UNION ALL ".join("SELECT %s, %s" for _ in RARE_WORDS)
    word_params = [p for n, word in enumerate(RARE_WORDS) for p in (n, word)]
    # The seed cases, platforms, sources, tags and organisations, each numbered from 0.
    numbered = f"""
        nums(i) AS (SELECT %s UNION ALL SELECT i + 1 FROM nums WHERE i < %s),
        words(n, word) AS ({words}),
        seed AS (SELECT c.*, ROW_NUMBER() OVER (ORDER BY c.id) - 1 AS n
                 FROM campaigns_campaign c WHERE c.status = 'published'
                 AND c.slug NOT LIKE 'copy-%%'),
        seeds AS (SELECT COUNT(*) AS total FROM seed),
        plat AS (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n
                 FROM campaigns_platform),
        plats AS (SELECT COUNT(*) AS total FROM plat),
        src AS (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n FROM campaigns_source),
        srcs AS (SELECT COUNT(*) AS total FROM src),
        tg AS (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n FROM campaigns_tag),
        tgs AS (SELECT COUNT(*) AS total FROM tg),
        org AS (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n
                FROM campaigns_organisation),
        orgs AS (SELECT COUNT(*) AS total FROM org),
        copies AS (SELECT nums.i, 'copy-' || nums.i AS slug FROM nums)
    """
    head = [first, last, *word_params]

    def run(sql, *params):
        cursor.execute(f"WITH RECURSIVE {numbered} {sql}", [*head, *params])

    true = "TRUE" if vendor == "postgresql" else "1"
    false = "FALSE" if vendor == "postgresql" else "0"
    run(
        f"""
        INSERT INTO campaigns_campaign (
            title, title_zh, slug, summary, summary_zh, description, description_zh,
            start_date, start_precision, end_date, end_precision, location, location_zh,
            country, cause, approach, scope, status, featured, published_at, created_at,
            updated_at, figure_count, search_text, review_note, withdrawal_reason,
            withdrawal_reason_zh, reading_key_zh, formats)
        SELECT seed.title || ' ' || copies.i || ' ' || words.word,
               seed.title_zh || ' ' || copies.i,
               copies.slug,
               SUBSTR(seed.summary || ' (' || words.word || ')', 1, 500),
               seed.summary_zh,
               seed.description, seed.description_zh,
               seed.start_date, seed.start_precision, seed.end_date, seed.end_precision,
               seed.location, seed.location_zh, seed.country, seed.cause, seed.approach,
               seed.scope, 'published', {false}, %s, %s, %s, 0, '', '', '', '', '',
               seed.formats
        FROM copies
        JOIN seeds ON TRUE
        JOIN seed ON seed.n = copies.i %% seeds.total
        JOIN words ON words.n = copies.i %% {len(RARE_WORDS)}
        ORDER BY copies.i
        """,
        now,
        now,
        now,
    )
    new = "JOIN campaigns_campaign c ON c.slug = copies.slug"
    run(
        f"""
        INSERT INTO campaigns_campaign_platforms (campaign_id, platform_id)
        SELECT c.id, plat.id FROM copies {new} JOIN plats ON TRUE
        JOIN plat ON plat.n = copies.i %% plats.total
        UNION ALL
        SELECT c.id, plat.id FROM copies {new} JOIN plats ON TRUE
        JOIN plat ON plat.n = (copies.i * 7 + 3) %% plats.total
        WHERE copies.i %% 2 = 0 AND (copies.i * 7 + 3) %% plats.total <> copies.i %% plats.total
        """
    )
    run(
        f"""
        INSERT INTO campaigns_campaign_sources (campaign_id, source_id)
        SELECT c.id, src.id FROM copies {new} JOIN srcs ON TRUE
        JOIN src ON src.n = copies.i %% srcs.total
        """
    )
    run(
        f"""
        INSERT INTO campaigns_taggedcampaign (content_object_id, tag_id)
        SELECT c.id, tg.id FROM copies {new} JOIN tgs ON TRUE
        JOIN tg ON tg.n = copies.i %% tgs.total
        UNION ALL
        SELECT c.id, tg.id FROM copies {new} JOIN tgs ON TRUE
        JOIN tg ON tg.n = (copies.i * 3 + 1) %% tgs.total
        WHERE (copies.i * 3 + 1) %% tgs.total <> copies.i %% tgs.total
        """
    )
    run(
        f"""
        INSERT INTO campaigns_participation (
            campaign_id, organisation_id, role, note, note_zh, "order", assumed)
        SELECT c.id, org.id, 'organiser', '', '', 0, {false} FROM copies {new}
        JOIN orgs ON TRUE JOIN org ON org.n = copies.i %% orgs.total
        """
    )
    # Two figures: counts of people reached and money raised, citing the case's source.
    for number, (label, label_zh, unit, kind, factor) in enumerate(
        [
            ("People reached", "触达人数", "users", "count", 137),
            ("Donations raised", "筹得捐款", "CNY", "money", 9_973),
        ],
        start=1,
    ):
        run(
            f"""
            INSERT INTO campaigns_figure (
                key, label, label_zh, value, unit, kind, qualifier, stated_as, period,
                period_zh, as_of, as_of_precision, "order", campaign_id, source_id,
                updated_at, caveat, caveat_kind, caveat_zh, as_of_is_document_date, outcome)
            SELECT copies.slug || '-{number}', %s, %s, (copies.i * %s) %% 100000000 + 1,
                   %s, %s, 'over', '', '', '', seed.start_date, seed.start_precision,
                   {number}, c.id, src.id, %s, '', '', '', {true}, ''
            FROM copies {new}
            JOIN seeds ON TRUE JOIN seed ON seed.n = copies.i %% seeds.total
            JOIN srcs ON TRUE JOIN src ON src.n = copies.i %% srcs.total
            """,
            label,
            label_zh,
            factor,
            unit,
            kind,
            now,
        )


def main():
    sys.path.insert(0, str(PROJECT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialgood.settings")
    import django

    django.setup()
    from django.db import connection, transaction
    from django.utils import timezone

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM campaigns_campaign WHERE slug LIKE %s", ["copy-%"])
        start = cursor.fetchone()[0]
    started = time.monotonic()
    now = timezone.now()
    for first in range(start + 1, start + count + 1, BATCH):
        last = min(first + BATCH - 1, start + count)
        with transaction.atomic(), connection.cursor() as cursor:
            write(cursor, first, last, now, connection.vendor)
        print(f"  cases {first}–{last} written", flush=True)
    print(f"wrote {count} copied cases by SQL in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
