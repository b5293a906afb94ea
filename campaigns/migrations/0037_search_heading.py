"""The titles' part of each search document as a column of its own, on PostgreSQL.

``search_heading`` holds the lexemes of ``search_document`` weighted A, its titles, computed
by the database whenever the document is written (a stored generated column, so no writer
keeps it), and is small enough to stay in the row. A broad search (``search/ranked.py``)
orders its matches with the cases whose titles hold its words first, reading the heading of
each row it passes instead of the whole document, which PostgreSQL keeps out of the row and
has to fetch and decompress. SQLite, the small default, has no such column.
"""

from django.db import migrations

COLUMN = (
    "ALTER TABLE campaigns_campaign ADD COLUMN IF NOT EXISTS search_heading tsvector "
    "GENERATED ALWAYS AS (ts_filter(search_document, '{a}')) STORED"
)
INDEX = (
    "CREATE INDEX IF NOT EXISTS campaign_search_heading ON campaigns_campaign "
    "USING gin (search_heading) WHERE status = 'published'"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(COLUMN)
        schema_editor.execute(INDEX)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS campaign_search_heading")
        schema_editor.execute("ALTER TABLE campaigns_campaign DROP COLUMN IF EXISTS search_heading")


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0036_more_ordering_indexes"),
    ]

    operations = [migrations.RunPython(create, drop)]
