"""Chinese for what readers are told about changes: a correction's public note (``note_zh``)
and a withdrawn case's reason (``withdrawal_reason_zh``).

Adding a column with a default makes Django rebuild ``campaigns_campaign`` on SQLite, which
drops the search index's triggers (0040) with the old table: they are made again, and the
index rebuilt from the column, as 0040 made them.
"""

import importlib

from django.db import migrations, models

search_index = importlib.import_module("campaigns.migrations.0040_sqlite_search_index")


def recreate_search_triggers(apps, schema_editor):
    if not search_index.has_fts5(schema_editor):
        return
    table = search_index.TABLE
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [table])
        if cursor.fetchone() is None:  # migrated before by a SQLite without FTS5
            return
        for name in ("insert", "delete", "update"):
            cursor.execute(f"DROP TRIGGER IF EXISTS {table}_{name}")
        for trigger in search_index.TRIGGERS:
            cursor.execute(trigger)
        cursor.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")


class Migration(migrations.Migration):

    dependencies = [
        ('campaigns', '0043_measures'),
    ]

    operations = [
        # Made again after the table is rebuilt, whichever way the migration runs.
        migrations.RunPython(migrations.RunPython.noop, recreate_search_triggers, elidable=False),
        migrations.AddField(
            model_name='campaign',
            name='withdrawal_reason_zh',
            field=models.CharField(blank=True, help_text="The same reason in Chinese, for the address's Chinese page.", max_length=500, verbose_name='why it was withdrawn (Chinese)'),
        ),
        migrations.AddField(
            model_name='correction',
            name='note_zh',
            field=models.CharField(blank=True, help_text="The same note in Chinese, for the case's Chinese page.", max_length=500, verbose_name='public note (Chinese)'),
        ),
        migrations.RunPython(recreate_search_triggers, migrations.RunPython.noop, elidable=False),
    ]
