"""A figure says when its as-of date is only its document's date, whatever its caveat.

Figures of the caveat kind "as-of date estimated" are marked; so are the seed figures whose
as-of date is their document's while their caveat is of another kind (derived, unit assumed,
source inconsistent), where their date is still the document's.
"""

from django.db import migrations, models
from django.db.models import F

SEED_DOCUMENT_DATED = [
    "county-girl-yellow-ginger-sold",
    "toutiao-mountain-products-sold",
    "weibo-anti-trafficking-time-since-launch",
    "wesee-navel-orange-sales-tonnes",
]
"""Seed figures dated by their document whose caveat is of another kind."""


def mark_document_dates(apps, schema_editor):
    Figure = apps.get_model("campaigns", "Figure")
    Figure.objects.filter(caveat_kind="as_of_estimated").update(as_of_is_document_date=True)
    Figure.objects.filter(
        key__in=SEED_DOCUMENT_DATED,
        as_of=F("source__published_on"),
        as_of_precision=F("source__published_precision"),
    ).update(as_of_is_document_date=True)


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0027_seed_corrections"),
    ]

    operations = [
        migrations.AddField(
            model_name="figure",
            name="as_of_is_document_date",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "The source does not say when the figure was true: the as-of date is the "
                    "document's own (its publication date). Readers see so."
                ),
                verbose_name="as-of date is the document's",
            ),
        ),
        migrations.RunPython(mark_document_dates, migrations.RunPython.noop),
    ]
