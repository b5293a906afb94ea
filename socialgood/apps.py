"""Django's admin as the project configures it (Django's documented way to override the default
admin site)."""

from django.contrib.admin.apps import AdminConfig


class CatalogueAdminConfig(AdminConfig):
    """Django's admin with the catalogue's site (``admin_site.py``): the catalogue first in its
    list of apps."""

    default_site = "socialgood.admin_site.CatalogueAdminSite"
