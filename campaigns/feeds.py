"""The Atom feed of newly published case studies, at /feeds/campaigns/."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from .models import Campaign

FEED_LENGTH = 50
"""How many of the most recently published case studies the feed holds."""


class NewCampaignsFeed(Feed):
    """Case studies in the order they were first published, newest first."""

    feed_type = Atom1Feed
    title = _("socialgood: new case studies")
    subtitle = _(
        "Newly published case studies of social media for social good, each with sourced figures."
    )

    def link(self):
        return reverse("campaigns:home")

    def feed_url(self):
        return reverse("campaign_feed")

    def items(self):
        return (
            Campaign.objects.public()
            .filter(published_at__isnull=False)
            .prefetch_related("tags")
            .order_by("-published_at", "slug")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return f"{item.title} ({item.title_zh})" if item.title_zh else item.title

    def item_description(self, item):
        # Atom1Feed writes the description as <summary type="html">, and a summary is plain text:
        # escaped, "<img …>" and "A & B" reach the reader as the words the curator typed.
        return escape(item.summary)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return sorted(tag.name for tag in item.tags.all())
