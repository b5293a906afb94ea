"""The curators' admin site: Django's own, with the catalogue first in its list of apps (on the
index and in the sidebar), the sign-in log, accounts and the rest after it in Django's order.

It lives outside ``campaigns/admin/``: the admins there register on it as that package is
imported, and so must find it made already."""

from django.contrib import admin

CATALOGUE = "campaigns"
"""The app curators come for."""


class CatalogueAdminSite(admin.AdminSite):
    """The admin site of ``socialgood`` (``CatalogueAdminConfig.default_site``)."""

    def get_app_list(self, request, app_label=None):
        """The apps a curator may see, the catalogue first and the others in Django's order."""
        apps = super().get_app_list(request, app_label)
        return sorted(apps, key=lambda app: app["app_label"] != CATALOGUE)
