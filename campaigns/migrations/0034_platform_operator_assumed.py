"""A platform says when who runs it is our inference: no document says that ByteDance runs
Douyin, Toutiao, Xigua Video or Volcano Video, that Kuaishou runs Kwai, or that Tencent runs
Tencent Weibo. The seed's platforms are marked where they still name that operator."""

from django.db import migrations, models
from django.db.models import F
from django.utils import timezone

INFERRED = {
    "douyin": "bytedance",
    "toutiao": "bytedance",
    "xigua-video": "bytedance",
    "volcano-video": "bytedance",
    "kwai": "kuaishou",
    "tencent-weibo": "tencent",
}
"""Platform slug: the operator the catalogue names for it, which no document states."""


def mark(apps, schema_editor):
    Platform = apps.get_model("campaigns", "Platform")
    now = timezone.now()
    changed = 0
    for slug, operator in INFERRED.items():
        changed += Platform._base_manager.filter(slug=slug, operator__slug=operator).update(
            operator_assumed=True, updated_at=now
        )
    if changed:
        CatalogueVersion = apps.get_model("campaigns", "CatalogueVersion")
        CatalogueVersion._base_manager.filter(pk=1).update(
            number=F("number") + 1, changed_at=now
        )


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0033_catalogue_version_epoch"),
    ]

    operations = [
        migrations.AddField(
            model_name="platform",
            name="operator_assumed",
            field=models.BooleanField(
                default=False,
                help_text="Who runs it is our inference: the sources do not say. Readers see so.",
                verbose_name="operator not stated by the source",
            ),
        ),
        migrations.RunPython(mark, migrations.RunPython.noop),
    ]
