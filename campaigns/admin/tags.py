"""The tags' admin: the catalogue's own tags, with their Chinese names (required: the Chinese
pages show them)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag as TaggitTag

from ..concurrent_edits import ConcurrentEditAdminMixin
from ..forms import TagAdminForm
from ..models import Tag, TaggedCampaign, count_of
from .base import BilingualAdminMixin, CountColumn, CountedAdminMixin
from .history import HistoryAdminMixin

# The catalogue keeps its tags in its own model (with Chinese names); taggit's would only
# confuse curators with an empty second list of tags.
if admin.site.is_registered(TaggitTag):
    admin.site.unregister(TaggitTag)


@admin.register(Tag)
class TagAdmin(
    BilingualAdminMixin,
    ConcurrentEditAdminMixin,
    HistoryAdminMixin,
    CountedAdminMixin,
    admin.ModelAdmin,
):
    form = TagAdminForm
    counted = CountColumn(
        "campaign_count", lambda: count_of(TaggedCampaign.objects.all(), "tag"), _("campaigns")
    )
    fields = [("name", "name_zh"), "slug"]
    list_display = ["name", "name_zh", "slug", "campaign_count"]
    search_fields = ["name", "name_zh", "slug"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
