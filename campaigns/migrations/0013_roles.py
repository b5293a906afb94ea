"""The curators' roles (Editor, Reviewer, Administrator) as groups with their permissions.

The permissions are made here first (Django makes them after the last migration), so the groups
can hold them on a new database. After this, every ``migrate`` keeps the groups in step
(``campaigns.roles.sync_roles_after_migrate``).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def make_roles(apps, schema_editor):
    from campaigns.roles import sync_roles

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps)


def remove_roles(apps, schema_editor):
    from campaigns.roles import ROLES

    apps.get_model("auth", "Group").objects.filter(name__in=list(ROLES)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("campaigns", "0012_review_workflow"),
    ]

    operations = [migrations.RunPython(make_roles, remove_roles)]
