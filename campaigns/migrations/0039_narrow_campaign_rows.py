"""Narrow rows for the case table on PostgreSQL: the long texts kept out of the row.

A case's row held its summaries and descriptions in both languages (about 1.3 KB), beside the
titles' search heading, so a page of the table held four cases. A broad search visits every
match's row to rank it by its title (``search_heading``) and date: at 100,000 cases, 26,000
matches in 17,000 pages of the table. With the row's target size at 256 bytes
(``toast_tuple_target``) PostgreSQL keeps the long texts in the table's TOAST storage, read
only for the cases a page shows, while the title and the search heading stay in the row
(storage ``MAIN``): ten cases to a page, and the same search visits half as many pages
(130 → 60 ms at the database). Rows too short to be toasted at all (under about 2 KB) stay
as they are; SQLite, the small default, has no such settings.

The rows already written are laid out again by ``VACUUM FULL``, which cannot run inside a
transaction, hence the migration is not atomic; it locks the table while it runs (about a
minute at 100,000 cases).
"""

from django.db import migrations

TABLE = "campaigns_campaign"
IN_ROW = ("title", "search_heading")


def narrow(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} SET (toast_tuple_target = 256)")
    for column in IN_ROW:
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN {column} SET STORAGE MAIN")
    schema_editor.execute(f"VACUUM FULL {TABLE}")


def widen(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} RESET (toast_tuple_target)")
    for column in IN_ROW:
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN {column} SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("campaigns", "0038_figure_conversions_index"),
    ]

    operations = [migrations.RunPython(narrow, widen)]
