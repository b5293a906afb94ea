"""The catalogue's version draws a random epoch with every change, and caches are keyed by the
number and the epoch: a database restored from a backup brings its number back, and pages
cached for the changes the restore undid must never be served again under a reused number."""

from django.db import migrations, models

import campaigns.models.version


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0032_descriptions_background"),
    ]

    operations = [
        migrations.AddField(
            model_name="catalogueversion",
            name="epoch",
            field=models.CharField(
                default=campaigns.models.version.new_epoch, max_length=16, verbose_name="epoch"
            ),
        ),
    ]
