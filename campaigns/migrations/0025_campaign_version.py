"""One word for the case study in code: the history's ``CaseVersion`` is ``CampaignVersion``,
reached from a stored version as ``campaign_version`` (no data changes)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0024_source_titles_chinese_names"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.RenameModel("CaseVersion", "CampaignVersion"),
        migrations.AlterField(
            model_name="campaignversion",
            name="version",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                primary_key=True,
                related_name="campaign_version",
                serialize=False,
                to="reversion.version",
            ),
        ),
    ]
