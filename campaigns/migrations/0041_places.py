"""A case's place in China: China's administrative divisions (GB/T 2260) and a campaign's
division. The divisions are filled in from the data file after every migrate (``places.py``);
here too, so that the seed's cases already in a database are placed as the seed files place
them, where a curator has not placed them otherwise."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import F
from django.utils import timezone

SEED_PLACES = {
    "yaan-earthquake-weibo-fundraising": "511800",
    "yaan-earthquake-china-earthquake-network-alert": "511800",
    "yaan-earthquake-missing-person-search": "511800",
    "yaan-earthquake-wechat-volunteers": "511800",
    "wang-shuai-flower-videos-wesee": "370126",
    "song-xiaoying-apple-live-stream": "140822",
}
"""Seed case: the division its document names (Ya'an; Shanghe County; Wanrong County)."""


def place_the_seed(apps, schema_editor):
    from campaigns.places import sync_divisions

    using = schema_editor.connection.alias
    sync_divisions(apps, using)
    Campaign = apps.get_model("campaigns", "Campaign")
    now = timezone.now()
    changed = 0
    for slug, code in SEED_PLACES.items():
        changed += Campaign._base_manager.using(using).filter(
            slug=slug, country="CN", division=None
        ).update(division_id=code, updated_at=now)
    if changed:
        CatalogueVersion = apps.get_model("campaigns", "CatalogueVersion")
        CatalogueVersion._base_manager.using(using).filter(pk=1).update(
            number=F("number") + 1, changed_at=now
        )


class Migration(migrations.Migration):

    dependencies = [
        ('campaigns', '0040_sqlite_search_index'),
    ]

    operations = [
        migrations.CreateModel(
            name='Division',
            fields=[
                ('code', models.CharField(help_text='Its six-digit GB/T 2260 administrative division code.', max_length=6, primary_key=True, serialize=False, verbose_name='code')),
                ('level', models.CharField(choices=[('province', 'province-level'), ('prefecture', 'prefecture-level'), ('county', 'county-level')], max_length=10, verbose_name='level')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('name_zh', models.CharField(max_length=100, verbose_name='Chinese name')),
                ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='children', to='campaigns.division', verbose_name='lies in')),
                ('province', models.ForeignKey(help_text='The province-level division it lies in (itself, for one).', on_delete=django.db.models.deletion.PROTECT, related_name='+', to='campaigns.division', verbose_name='province-level division')),
            ],
            options={
                'verbose_name': 'administrative division',
                'verbose_name_plural': 'administrative divisions',
                'ordering': ['code'],
            },
        ),
        migrations.AddField(
            model_name='campaign',
            name='division',
            field=models.ForeignKey(blank=True, help_text='For a case in China: the most precise administrative division its sources name (province, prefecture or county), by code or name. Leave it empty when they name only the country.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='campaigns', to='campaigns.division', verbose_name='place in China'),
        ),
        migrations.RunPython(place_the_seed, migrations.RunPython.noop),
    ]
