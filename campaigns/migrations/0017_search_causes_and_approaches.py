"""Search documents gain the names of each case's cause and approach, in both languages, and
the everyday words readers use for them (``models/search.py``): written again for every case."""

from types import SimpleNamespace

from django.db import migrations

from campaigns.migrations._frozen_search import refresh_search_documents

CATALOGUE = ["Campaign", "Participation", "TaggedCampaign"]


def write_documents(apps, schema_editor):
    models = SimpleNamespace(**{name: apps.get_model("campaigns", name) for name in CATALOGUE})
    refresh_search_documents(models, "all")


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0016_chinese_content")]

    operations = [migrations.RunPython(write_documents, migrations.RunPython.noop)]
