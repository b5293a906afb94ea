"""The sitemap at /sitemap.xml: every public page, in English and in Chinese.

The object pages listed are exactly those the site serves (the same querysets as its views).
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Campaign, Organisation, Platform, Source, Tag

STATIC_PAGES = [
    "campaigns:home",
    "campaigns:campaign_list",
    "campaigns:figure_list",
    "campaigns:timeline",
    "campaigns:organisation_list",
    "campaigns:platform_list",
    "campaigns:source_list",
    "campaigns:tag_list",
    "campaigns:about",
    "campaigns:data",
]
"""The URL names of the pages that are not about one object."""


class I18nSitemap(Sitemap):
    """Each page in every language of the site, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True


class StaticPageSitemap(I18nSitemap):
    """The home page, lists, timeline, about and codebook pages."""

    changefreq = "weekly"

    def items(self):
        return STATIC_PAGES

    def location(self, item):
        return reverse(item)


class CampaignSitemap(I18nSitemap):
    """Every published case study, last modified when it was last saved."""

    changefreq = "monthly"

    def items(self):
        return Campaign.objects.published().only("slug", "updated_at").order_by("slug")

    def lastmod(self, item):
        return item.updated_at


class OrganisationSitemap(I18nSitemap):
    """Every organisation the site shows: those in published content."""

    def items(self):
        return Organisation.objects.public().only("slug").order_by("slug")


class PlatformSitemap(I18nSitemap):
    """Every platform (the site shows them all)."""

    def items(self):
        return Platform.objects.public().only("slug").order_by("slug")


class SourceSitemap(I18nSitemap):
    """Every source the site shows: those behind published content, and their references."""

    def items(self):
        return Source.objects.public().only("slug").order_by("slug")


class TagSitemap(I18nSitemap):
    """Every tag on a published case study."""

    def items(self):
        return list(Tag.objects.public().order_by("slug").values_list("slug", flat=True))

    def location(self, item):
        return reverse("campaigns:tag_detail", args=[item])


sitemaps = {
    "pages": StaticPageSitemap,
    "campaigns": CampaignSitemap,
    "organisations": OrganisationSitemap,
    "platforms": PlatformSitemap,
    "sources": SourceSitemap,
    "tags": TagSitemap,
}
