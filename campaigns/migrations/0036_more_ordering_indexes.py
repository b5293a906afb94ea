"""More indexes for orders the public pages read in, on PostgreSQL (as in 0007): the home
page's featured cases newest first, the feed's latest published, and the sitemap's newest
change. Without them, at 100,000 cases, each of these walked or sorted every published case
to find a handful (the featured few are old, so the newest-first index was read to its end).
"""

from django.db import migrations

INDEXES = {
    "campaign_featured_newest": (
        "campaigns_campaign (start_date DESC NULLS LAST, title, id) "
        "WHERE status = 'published' AND featured"
    ),
    "campaign_published_latest": (
        "campaigns_campaign (published_at DESC, slug) "
        "WHERE status = 'published' AND published_at IS NOT NULL"
    ),
    "campaign_published_updated": ("campaigns_campaign (updated_at) WHERE status = 'published'"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0035_catalogueversion_title_words"),
    ]

    operations = [migrations.RunPython(create, drop)]
