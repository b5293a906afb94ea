"""Search aliases (``models/aliases.py``): the words readers use for the same thing, which a
search expands to; the seed's are in ``fixtures/search_aliases.json``. And 疫情 is no longer an
everyday word of the public-health cause (it found the 2012 tuberculosis and tobacco cases):
every case's search document is written again without it."""

from types import SimpleNamespace

import django.utils.timezone
from django.db import migrations, models

from campaigns.migrations._frozen_search import refresh_search_documents

CATALOGUE = ["Campaign", "Participation", "TaggedCampaign"]


def write_documents(apps, schema_editor):
    models = SimpleNamespace(**{name: apps.get_model("campaigns", name) for name in CATALOGUE})
    refresh_search_documents(models, "all")


class Migration(migrations.Migration):

    dependencies = [
        ('campaigns', '0047_campaign_formats'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchAlias',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('updated_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='updated')),
                ('slug', models.SlugField(help_text='A short name for the alias in catalogue files: covid, yaan.', max_length=60, unique=True, verbose_name='key')),
                ('kind', models.CharField(choices=[('cause', 'Cause or topic'), ('place', 'Place'), ('platform', 'Platform'), ('format', 'Format')], max_length=10, verbose_name='kind')),
                ('words', models.TextField(help_text='Words and phrases in English or Chinese, one a line (or separated by commas), that a reader may type for the same thing: COVID, coronavirus, 新冠, 抗疫. English words are matched by their stem: donate also matches donated.', verbose_name='words')),
                ('reads_as', models.CharField(blank=True, help_text="Leave empty when the words all mean the same. Otherwise the word they are read as, one way: Weixin read as WeChat finds WeChat's cases, and WeChat does not look for Weixin.", max_length=100, verbose_name='read as')),
                ('note', models.CharField(blank=True, help_text='For curators: why these words go together (never shown to readers).', max_length=300, verbose_name='note')),
            ],
            options={
                'verbose_name': 'search alias',
                'verbose_name_plural': 'search aliases',
                'ordering': ['kind', 'slug'],
            },
        ),
        migrations.RunPython(write_documents, migrations.RunPython.noop),
    ]
