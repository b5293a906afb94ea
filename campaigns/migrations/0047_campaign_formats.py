"""A case's formats (``Format``: live stream, short video, microblog post …), apart from its
approach (``live_commerce`` is now "Selling online", by whatever format), in one column of codes; the seed's cases already in a database are given the formats
their documents state, where a curator has given them none. Every case's search document is
written again: it gains its formats' names, and live streams' words (直播, livestream) move from
the selling approach to the live-stream format.

On SQLite, Django adds a column that is not null by copying ``campaigns_campaign`` into a new
table, which drops the FTS5 index's triggers of 0040: they are made again here (and again when
the migration is undone, which copies the table once more)."""

import importlib
from types import SimpleNamespace

from django.db import migrations, models
from django.db.models import F
from django.utils import timezone

from campaigns.migrations._frozen_search import refresh_search_documents

search_index = importlib.import_module("campaigns.migrations.0040_sqlite_search_index")

SEED_FORMATS = {
    "yaan-earthquake-weibo-fundraising": "online_donation",
    "yaan-earthquake-missing-person-search": "search",
    "yaan-earthquake-wechat-volunteers": "messaging",
    "wechat-in-app-charitable-donations": "online_donation",
    "sina-weibo-free-lunch-and-season-of-giving": "microblog_post,online_donation",
    "unc-wilmington-students-save-sports-teams": "social_network_group",
    "take-photos-to-save-kidnapped-children": "microblog_post,photo",
    "weibo-taking-photos-to-save-girls-and-guys": "microblog_post,photo",
    "sina-voicemail-weibo-launch": "microblog_post,audio_message",
    "budweiser-lovers-matching-mini-game": "microblog_post,online_game",
    "mengniu-lovers-wishes": "microblog_post,website",
    "groupon-china-launch-gaopeng": "website",
    "tencent-wesee-agricultural-assistance": "short_video,online_store",
    "wesee-navel-orange-video": "short_video",
    "wang-shuai-flower-videos-wesee": "short_video,online_store",
    "kwai-agricultural-assistance": "short_video,online_store",
    "kwai-rural-support-plans": "short_video",
    "song-xiaoying-apple-live-stream": "live_stream",
    "xigua-video-county-magistrates-live-streams": "live_stream",
    "county-girl-xigua-video": "short_video",
    "greenovation-hub-kwai-madrid-climate-conference": "live_stream,short_video",
    "ecommerce-targeted-poverty-alleviation-villages": "online_store",
}
"""Seed case: the formats its document states (as ``fixtures/campaigns.json`` gives them)."""


def recreate_triggers(apps, schema_editor):
    if not search_index.has_fts5(schema_editor):
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s",
            [search_index.TABLE],
        )
        if cursor.fetchone() is None:  # migrated once by a SQLite without FTS5
            return
        for name in ("insert", "delete", "update"):
            cursor.execute(f"DROP TRIGGER IF EXISTS {search_index.TABLE}_{name}")
        for trigger in search_index.TRIGGERS:
            cursor.execute(trigger)


def give_the_seed_formats(apps, schema_editor):
    using = schema_editor.connection.alias
    Campaign = apps.get_model("campaigns", "Campaign")
    now = timezone.now()
    changed = 0
    for slug, formats in SEED_FORMATS.items():
        changed += (
            Campaign._base_manager.using(using)
            .filter(slug=slug, formats="")
            .update(formats=formats, updated_at=now)
        )
    if changed:
        CatalogueVersion = apps.get_model("campaigns", "CatalogueVersion")
        CatalogueVersion._base_manager.using(using).filter(pk=1).update(
            number=F("number") + 1, changed_at=now
        )


def write_documents(apps, schema_editor):
    names = ["Campaign", "Participation", "TaggedCampaign"]
    models = SimpleNamespace(**{name: apps.get_model("campaigns", name) for name in names})
    refresh_search_documents(models, "all")


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0046_search_documents_lz4"),
    ]

    operations = [
        migrations.AlterField(
            model_name="campaign",
            name="approach",
            field=models.CharField(
                choices=[
                    ("fundraising", "Fundraising"),
                    ("awareness", "Awareness"),
                    ("crowdsourced_information", "Crowdsourced information"),
                    ("information_sharing", "Alerts and information sharing"),
                    ("live_commerce", "Selling online"),
                    ("volunteer_coordination", "Volunteer coordination"),
                    ("advocacy", "Advocacy"),
                    ("organisational_change", "Organisational change"),
                    ("brand_engagement", "Brand engagement"),
                    ("product_launch", "Product launch"),
                ],
                max_length=30,
                verbose_name="approach",
            ),
        ),
        # Backwards, the column's removal copies the table again: its triggers are made anew.
        migrations.RunPython(migrations.RunPython.noop, recreate_triggers, elidable=False),
        migrations.AddField(
            model_name="campaign",
            name="formats",
            field=models.CharField(
                blank=True,
                default="",
                help_text=(
                    "What form it took, as its sources say: a live stream, short videos, "
                    "microblog posts… Leave it empty when they do not say."
                ),
                max_length=200,
                verbose_name="formats",
            ),
        ),
        migrations.RunPython(recreate_triggers, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(give_the_seed_formats, migrations.RunPython.noop),
        migrations.RunPython(write_documents, migrations.RunPython.noop),
    ]
