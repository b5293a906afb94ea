"""The catalogue's own tag model, with a Chinese name, filled from taggit's tags.

Rows keep their ids, so campaign tags stay valid when their foreign key moves over. Undone,
the tags are copied back to taggit first, for the same reason.
"""

import django.db.models.deletion
import taggit.managers
from django.core.management.color import no_style
from django.db import migrations, models


def copy_tags(source_model, target_model, schema_editor):
    """Make the target's tag rows the source's: same ids, names and slugs, nothing else."""
    database = schema_editor.connection.alias
    target_model.objects.using(database).all().delete()
    target_model.objects.using(database).bulk_create(
        target_model(pk=tag.pk, name=tag.name, slug=tag.slug)
        for tag in source_model.objects.using(database).order_by("pk")
    )
    # Rows written with explicit ids leave PostgreSQL's id sequence behind; move it on.
    statements = schema_editor.connection.ops.sequence_reset_sql(no_style(), [target_model])
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def taggit_to_catalogue(apps, schema_editor):
    copy_tags(apps.get_model("taggit", "Tag"), apps.get_model("campaigns", "Tag"), schema_editor)


def forget_taggit_tags(apps, schema_editor):
    """Empty taggit's table once campaign tags point at the copies: no stale second list."""
    apps.get_model("taggit", "Tag").objects.using(schema_editor.connection.alias).all().delete()


def catalogue_to_taggit(apps, schema_editor):
    copy_tags(apps.get_model("campaigns", "Tag"), apps.get_model("taggit", "Tag"), schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0002_change_times"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.CreateModel(
            name="Tag",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=100, unique=True, verbose_name="name")),
                (
                    "slug",
                    models.SlugField(
                        allow_unicode=True, max_length=100, unique=True, verbose_name="slug"
                    ),
                ),
                (
                    "name_zh",
                    models.CharField(blank=True, max_length=100, verbose_name="Chinese name"),
                ),
            ],
            options={
                "verbose_name": "tag",
                "verbose_name_plural": "tags",
                "ordering": ["name"],
            },
        ),
        migrations.RunPython(taggit_to_catalogue, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="campaign",
            name="tags",
            field=taggit.managers.TaggableManager(
                blank=True,
                help_text="A comma-separated list of tags.",
                through="campaigns.TaggedCampaign",
                to="campaigns.Tag",
                verbose_name="tags",
            ),
        ),
        migrations.AlterField(
            model_name="taggedcampaign",
            name="tag",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="%(app_label)s_%(class)s_items",
                to="campaigns.tag",
            ),
        ),
        # Undone, this runs first: taggit gets the tags back before the key points at it.
        migrations.RunPython(forget_taggit_tags, catalogue_to_taggit),
    ]
