"""
On SQLite, a full-text index of the cases' search documents (``search_text``): an FTS5 table,
kept in step with the column by triggers, which search reads instead of looking for each word
in every document's text. PostgreSQL has its GIN index of ``search_document`` (0008) and gets
nothing here; neither does a SQLite built without FTS5, whose search keeps reading the text.

- **External content** (``content='campaigns_campaign'``, keyed by the campaign's id): the
  document is kept once, in ``search_text``, where ``search/documents.py`` writes it; the table
  holds only the index. A contentless table would serve as well for searching, but on this
  SQLite (before 3.43) removing a row from one needs its old text all the same, and only an
  external-content table can be rebuilt from the column in one statement (``'rebuild'``),
  which is how it is filled here.
- **Triggers** on the column, not writes by the code that writes the documents: the index is
  then a property of the column, as PostgreSQL's index is of its, whatever changes the column —
  the documents' writer, a save through the ORM, a deletion, a test database's flush (Django
  deletes every row, and the triggers remove them from the index), a restore. An index written
  by the code would need every one of those paths to report to it, and a flush reports to none.
- **The tokenizer** (``unicode61``, diacritics kept): a document is already its tokens,
  lower-cased and separated by spaces (``search/text.py``), so the tokenizer need only split on
  the spaces; it keeps accents as PostgreSQL's ``english`` configuration does. Search asks for
  each English stem as a prefix of a document's word and each Chinese pair or character as a
  whole token (``search/backends.py``).

A later migration that rebuilds ``campaigns_campaign`` on SQLite (Django copies the table into
a new one to alter a column) drops its triggers with the old table: it must create them again
(the tests of the index fail until it does). A database migrated by a SQLite without FTS5 and
served later by one with it has no index to read: migrating back to 0039 and forward again
builds it.
"""

from django.db import migrations

TABLE = "campaigns_search"

TRIGGERS = [
    f"""CREATE TRIGGER {TABLE}_insert AFTER INSERT ON campaigns_campaign BEGIN
        INSERT INTO {TABLE} (rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    f"""CREATE TRIGGER {TABLE}_delete AFTER DELETE ON campaigns_campaign BEGIN
        INSERT INTO {TABLE} ({TABLE}, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
    END""",
    f"""CREATE TRIGGER {TABLE}_update AFTER UPDATE OF search_text ON campaigns_campaign
    WHEN old.search_text IS NOT new.search_text BEGIN
        INSERT INTO {TABLE} ({TABLE}, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
        INSERT INTO {TABLE} (rowid, search_text) VALUES (new.id, new.search_text);
    END""",
]


def has_fts5(schema_editor):
    """Whether the database is a SQLite with FTS5 (the test ``search/backends.py`` makes)."""
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
        return bool(cursor.fetchone()[0])


def create_index(apps, schema_editor):
    if not has_fts5(schema_editor):
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            f"CREATE VIRTUAL TABLE {TABLE} USING fts5(search_text, "
            "content='campaigns_campaign', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 0')"
        )
        cursor.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('rebuild')")
        for trigger in TRIGGERS:
            cursor.execute(trigger)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in ("insert", "delete", "update"):
            cursor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{name}")
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0039_narrow_campaign_rows"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
