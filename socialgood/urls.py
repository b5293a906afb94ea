"""URLs: the admin, and the public site in English at / and in Chinese under /zh-hans/."""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from django.views.i18n import set_language

from campaigns import api
from campaigns.admin import views as admin_views
from campaigns.admin.language import in_curators_language
from campaigns.caching import cached_page
from campaigns.feeds import NewCampaignsFeed
from campaigns.methods import allow_methods, safe_only
from campaigns.security import ADMIN_HEADER, decorate_urls, with_policy
from campaigns.sitemaps import sitemaps
from campaigns.views.health import health
from campaigns.views.media import media

# Each route's HTTP policy is declared here or on its view: the methods it serves
# (``allow_methods``), whether it is served from the page cache (``cached_page``), a rate limit
# (``rate_limited``) and a security policy other than the site's default (``with_policy``).
# The admin's routes also answer in the curator's language, at the same address in either.


def admin_policy(view):
    """An admin route: the admin's security policy, in the curator's language."""
    return with_policy(ADMIN_HEADER)(in_curators_language(view))


urlpatterns = [
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin_policy(admin.site.admin_view(admin_views.view_on_site)),
        name="admin_view_on_site",
    ),
    path(
        "admin/activity/",
        admin_policy(admin.site.admin_view(admin_views.activity)),
        name="admin_activity",
    ),
    path(
        "admin/audit/",
        admin_policy(admin.site.admin_view(admin_views.audit)),
        name="admin_audit",
    ),
    path(
        "admin/checking/",
        admin_policy(admin.site.admin_view(admin_views.checking)),
        name="admin_checking",
    ),
    path("admin/", decorate_urls(admin_policy, admin.site.urls)),
    # Django's language switch: a POST, or a GET that only redirects.
    path("i18n/setlang/", allow_methods("GET", "HEAD", "POST")(set_language), name="set_language"),
    path("api/", api.urls),
    path("feeds/campaigns/", cached_page(safe_only(NewCampaignsFeed())), name="campaign_feed"),
    path(
        "sitemap.xml",
        cached_page(safe_only(sitemap_views.index)),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap_section"},
        name="sitemap_index",
    ),
    path(
        "sitemap-<section>.xml",
        cached_page(safe_only(sitemap_views.sitemap)),
        {"sitemaps": sitemaps},
        name="sitemap_section",
    ),
    path("health/", health, name="health"),
    path(
        "robots.txt",
        safe_only(
            TemplateView.as_view(
                template_name="robots.txt", content_type="text/plain; charset=utf-8"
            )
        ),
        name="robots_txt",
    ),
]

handler500 = "campaigns.views.errors.server_error_or_unavailable"

urlpatterns += i18n_patterns(
    path("", include("campaigns.urls")),
    prefix_default_language=False,
)

# Uploads: from a bucket, always served by the app; from the media folder, in debug mode only
# (the view answers 404 otherwise), the proxy serving /media/ in production (docs/operating.md).
urlpatterns.append(
    re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$", media, name="media")
)
