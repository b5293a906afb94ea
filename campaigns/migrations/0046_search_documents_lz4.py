"""The case table's search text and search document compressed with LZ4, on PostgreSQL.

Every search document written (a save, a recount, a growth) is compressed as it is stored out of
the row, and PostgreSQL's default (pglz) is the slower of its two methods: recounting 100,000
copied cases, each with a new document, took the server 54 s of CPU time with LZ4 against 59 s
(the same WAL; LZ4 also reads them back faster). Only the values written from now on are compressed
this way; those already stored stay readable as they are. Skipped where the server was built
without LZ4 (``default_toast_compression`` does not offer it) and on SQLite, the small default,
which has no such setting.
"""

from django.db import migrations

TABLE = "campaigns_campaign"
COLUMNS = ("search_text", "search_document")


def _offers_lz4(connection):
    with connection.cursor() as cursor:
        cursor.execute("SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression'")
        row = cursor.fetchone()
    return row is not None and "lz4" in (row[0] or [])


def compress(method):
    def run(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "postgresql" or not _offers_lz4(connection):
            return
        for column in COLUMNS:
            schema_editor.execute(
                f"ALTER TABLE {TABLE} ALTER COLUMN {column} SET COMPRESSION {method}"
            )

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0045_figure_outcome"),
    ]

    operations = [migrations.RunPython(compress("lz4"), compress("default"))]
