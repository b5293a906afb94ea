"""The model ``Metric`` becomes ``Figure``, the word the pages, the API and the downloads use."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0003_tag"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="metric", name="metric_value_not_negative"),
        migrations.RemoveConstraint(model_name="metric", name="metric_percentage_at_most_100"),
        migrations.RenameModel(old_name="Metric", new_name="Figure"),
        migrations.AddConstraint(
            model_name="figure",
            constraint=models.CheckConstraint(
                condition=models.Q(("value__gte", 0)), name="figure_value_not_negative"
            ),
        ),
        migrations.AddConstraint(
            model_name="figure",
            constraint=models.CheckConstraint(
                condition=models.Q(("unit", "percent"), _negated=True)
                | models.Q(("value__lte", 100)),
                name="figure_percentage_at_most_100",
            ),
        ),
        migrations.AlterField(
            model_name='figure',
            name='campaign',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='figures', to='campaigns.campaign', verbose_name='campaign'),
        ),
        migrations.AlterField(
            model_name='figure',
            name='organisation',
            field=models.ForeignKey(blank=True, help_text="The organisation this figure describes, when it is not a campaign's outcome.", null=True, on_delete=django.db.models.deletion.CASCADE, related_name='figures', to='campaigns.organisation', verbose_name='organisation'),
        ),
        migrations.AlterField(
            model_name='figure',
            name='platform',
            field=models.ForeignKey(blank=True, help_text="The platform this figure describes, when it is not a campaign's outcome.", null=True, on_delete=django.db.models.deletion.CASCADE, related_name='figures', to='campaigns.platform', verbose_name='platform'),
        ),
        migrations.AlterField(
            model_name='figure',
            name='source',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='figures', to='campaigns.source', verbose_name='source'),
        ),
    ]
