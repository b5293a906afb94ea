"""Indexes for the orders the public lists read in, on PostgreSQL.

The lists order campaigns newest first with unknown dates last (``start_date DESC NULLS LAST,
title, id``) and figures by their as-of date the same way. An index only serves such an
order if it is built with ``NULLS LAST``, which SQLite's CREATE INDEX does not take, so these
are made on PostgreSQL only; SQLite, the small default, sorts its few rows as it always has.
"""

from django.db import migrations

INDEXES = {
    "campaign_published_newest": (
        "campaigns_campaign (start_date DESC NULLS LAST, title, id) WHERE status = 'published'"
    ),
    "campaign_published_cause_newest": (
        "campaigns_campaign (cause, start_date DESC NULLS LAST, title, id) "
        "WHERE status = 'published'"
    ),
    "campaign_published_first_published": (
        "campaigns_campaign (published_at DESC NULLS LAST, id DESC) WHERE status = 'published'"
    ),
    "figure_newest": "campaigns_figure (as_of DESC NULLS LAST, label, id)",
    "figure_largest": "campaigns_figure (unit, value DESC, label, id)",
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
        ("campaigns", "0006_counts_on_rows"),
    ]

    operations = [migrations.RunPython(create, drop)]
