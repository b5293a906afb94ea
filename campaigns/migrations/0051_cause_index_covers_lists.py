"""The index of published cases by cause also holds, beside its keys, every other column a
filtered list selects, sorts or counts by: its scope, country, place, approach, formats, number
of figures and Chinese sort key (PostgreSQL only, like the other indexes of the lists' orders,
``0007``).

A list filtered by a cause and a platform at 100,000 cases looked up each of the platform's
11,500 cases by its id to test its cause, about 47,000 pages of the buffer cache for the page
and as many for its count. Its cases' ids, the order of its page and its counts by country and
province are now read from this index alone (about 1,300 pages), and only the page's rows
from the table; the index replaces the one with the same keys and nothing beside them.
"""

from django.db import migrations

OLD = (
    "campaign_published_cause_newest",
    "campaigns_campaign (cause, start_date DESC NULLS LAST, title, id) "
    "WHERE status = 'published'",
)
NEW = (
    "campaign_published_cause_listing",
    "campaigns_campaign (cause, start_date DESC NULLS LAST, title, id) "
    "INCLUDE (scope, country, division_id, approach, formats, figure_count, reading_key_zh) "
    "WHERE status = 'published'",
)


def replace(dropped, created):
    # The new index first: dropping one locks the table until the migration commits, so the
    # drop comes last, when nothing is left to wait for.
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {created[0]} ON {created[1]}")
            schema_editor.execute(f"DROP INDEX IF EXISTS {dropped[0]}")

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0050_seed_units_corrected"),
    ]

    operations = [migrations.RunPython(replace(OLD, NEW), replace(NEW, OLD))]
