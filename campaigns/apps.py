"""The catalogue app: on start-up the history registers its models, the derived data's signal
forwarders connect, and the roles and China's administrative divisions are kept in step after
every migrate, and an empty unit table gets the standard units."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "campaigns"
    verbose_name = _("Catalogue")

    def ready(self):
        from . import history, kept, places, roles, signals, units  # noqa: F401 - receivers

        history.register_catalogue()
        post_migrate.connect(roles.sync_roles_after_migrate, sender=self)
        post_migrate.connect(places.sync_divisions_after_migrate, sender=self)
        post_migrate.connect(units.fill_after_migrate, sender=self)
