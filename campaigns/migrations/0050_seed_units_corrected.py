"""The seed's figures counted in a unit that did not fit what was counted: the chickens Wang
Shuai ate for his video were "10 items" (10个), and are 10 chickens (10只鸡). Only a figure
still as the seed loaded it is moved; its value and words carry over."""

from django.db import migrations
from django.db.models import F
from django.utils import timezone

MOVED = {"wang-shuai-chickens-eaten": ("items", "chickens")}
"""Figure key: (the unit the seed gave, the unit that fits)."""


def move(apps, schema_editor):
    Figure = apps.get_model("campaigns", "Figure")
    Campaign = apps.get_model("campaigns", "Campaign")
    now = timezone.now()
    changed = 0
    for key, (before, after) in MOVED.items():
        figures = Figure._base_manager.filter(key=key, unit_id=before)
        campaigns = list(figures.values_list("campaign_id", flat=True))
        changed += figures.update(unit_id=after, updated_at=now)
        Campaign._base_manager.filter(pk__in=campaigns).update(updated_at=now)
    if changed:
        CatalogueVersion = apps.get_model("campaigns", "CatalogueVersion")
        CatalogueVersion._base_manager.filter(pk=1).update(
            number=F("number") + 1, changed_at=now
        )


def move_back(apps, schema_editor):
    Figure = apps.get_model("campaigns", "Figure")
    for key, (before, after) in MOVED.items():
        Figure._base_manager.filter(key=key, unit_id=after).update(unit_id=before)


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0049_units"),
    ]

    operations = [
        migrations.RunPython(move, move_back),
    ]
