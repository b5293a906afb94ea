"""The sitemap: an index at /sitemap.xml of sections (/sitemap-campaigns.xml, …), each in pages
of at most ``URLS_PER_PAGE`` addresses (``?p=2``), listing every public page in English and in
Chinese.

The object pages listed are exactly those the site serves (the same querysets as its views).
"""

import functools
from urllib.parse import quote

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils.translation import get_language

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


URLS_PER_PAGE = 2_000
"""The most addresses one page of a sitemap section lists. The protocol allows 50,000 and the
catalogue promises at most 10,000; a page of 2,000 (each with its three hreflang alternates)
renders in about a quarter of a second, where 10,000 take more than a second."""


class ItemsInLanguages:
    """The (item, language) pairs of ``items`` in every language, read a slice at a time."""

    def __init__(self, items, languages):
        self.items = items
        self.languages = list(languages)

    def count(self):
        """How many pairs there are, from the items' count."""
        items = self.items.count() if isinstance(self.items, QuerySet) else len(self.items)
        return items * len(self.languages)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        languages = len(self.languages)
        first, last = start // languages, -(-stop // languages)
        pairs = [(item, language) for item in self.items[first:last] for language in self.languages]
        offset = first * languages
        return pairs[start - offset : stop - offset]


class I18nSitemap(Sitemap):
    """Each page in every language of the site, with hreflang alternates, in pages of at most
    ``URLS_PER_PAGE`` addresses."""

    i18n = True
    alternates = True
    x_default = True
    limit = URLS_PER_PAGE

    @property
    def paginator(self):
        """Pages of (item, language) pairs that fetch only the items of the page asked for.

        Django's own lists every pair of the whole section first, reading every item.
        """
        return Paginator(ItemsInLanguages(self.items(), self._languages()), self.limit)

    def get_latest_lastmod(self):
        """No date for the section in the index: Django's default reads every item to find it."""
        return None


class ObjectSitemap(I18nSitemap):
    """A section of one kind of object, each at ``url_name`` with its slug.

    The address is reversed once per language and filled in for each object: reversing it
    for each of ten thousand objects in two languages takes longer than the query.
    """

    url_name = ""

    def location(self, item):
        slug = item if isinstance(item, str) else item.slug
        before, after = self.address_parts(get_language())
        return f"{before}{quote(slug, safe='')}{after}"

    @functools.cache  # noqa: B019 - one sitemap object serves one request
    def address_parts(self, language):
        return reverse(self.url_name, args=["SLUG"]).rsplit("SLUG", 1)


class StaticPageSitemap(I18nSitemap):
    """The home page, lists, timeline, about and codebook pages."""

    changefreq = "weekly"

    def items(self):
        return STATIC_PAGES

    def location(self, item):
        return reverse(item)


class CampaignSitemap(ObjectSitemap):
    """Every published case study, last modified when it was last saved."""

    url_name = "campaigns:campaign_detail"

    changefreq = "monthly"

    def items(self):
        return Campaign.objects.public().only("slug", "updated_at").order_by("slug")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        """The newest change of a published case, for the index."""
        return Campaign.objects.public().aggregate(latest=Max("updated_at"))["latest"]


class OrganisationSitemap(ObjectSitemap):
    """Every organisation the site shows: those in published content."""

    url_name = "campaigns:organisation_detail"

    def items(self):
        return Organisation.objects.public().only("slug").order_by("slug")


class PlatformSitemap(ObjectSitemap):
    """Every public platform: a published case ran on it or a public figure is about it."""

    url_name = "campaigns:platform_detail"

    def items(self):
        return Platform.objects.public().only("slug").order_by("slug")


class SourceSitemap(ObjectSitemap):
    """Every source the site shows: those behind published content, and their references."""

    url_name = "campaigns:source_detail"

    def items(self):
        return Source.objects.public().only("slug").order_by("slug")


class TagSitemap(ObjectSitemap):
    """Every tag on a published case study."""

    url_name = "campaigns:tag_detail"

    def items(self):
        return list(Tag.objects.public().order_by("slug").values_list("slug", flat=True))


sitemaps = {
    "pages": StaticPageSitemap,
    "campaigns": CampaignSitemap,
    "organisations": OrganisationSitemap,
    "platforms": PlatformSitemap,
    "sources": SourceSitemap,
    "tags": TagSitemap,
}
