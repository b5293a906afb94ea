"""UNC Wilmington's part in its students' campaign was recorded as "beneficiary"; the university
made the decision the campaign pressed on, so the seed now names it the campaign's target (a
role added in 0022). A participation's role is part of its natural key, so loading the seed again
would add the target row beside the old one: the old row becomes the target here instead."""

from django.db import migrations

CAMPAIGN = "unc-wilmington-students-save-sports-teams"
ORGANISATION = "unc-wilmington"


def name_the_target(apps, schema_editor):
    Participation = apps.get_model("campaigns", "Participation")
    parts = Participation.objects.filter(
        campaign__slug=CAMPAIGN, organisation__slug=ORGANISATION
    )
    if parts.filter(role="target").exists():
        parts.filter(role="beneficiary").delete()
    else:
        parts.filter(role="beneficiary").update(role="target")


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0022_caveats_scope_under")]

    operations = [migrations.RunPython(name_the_target, migrations.RunPython.noop)]
