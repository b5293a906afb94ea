"""The admins of a case's participants and images on their own pages (they are also edited
inline on the case's page, ``cases.py``)."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..concurrent_edits import ConcurrentEditAdminMixin
from ..models import CampaignImage, Participation
from .base import BilingualAdminMixin, PrefetchedAutocompleteMixin
from .history import HistoryAdminMixin
from .policy import CampaignPartPermissions


@admin.display(description=_("preview"))
def image_preview(image):
    """A thumbnail of a campaign image, for the inline and the image list."""
    if not image.image:
        return ""
    return format_html('<img src="{}" alt="" style="max-height: 4em">', image.image.url)


class CampaignPartAdmin(
    BilingualAdminMixin,
    ConcurrentEditAdminMixin,
    CampaignPartPermissions,
    HistoryAdminMixin,
    PrefetchedAutocompleteMixin,
    admin.ModelAdmin,
):
    """The admin of a part of a campaign edited on a page of its own (a figure, a participant,
    an image): guarded against lost updates, recorded in the history, editable by an editor only
    while its campaign is not public."""


@admin.register(Participation)
class ParticipationAdmin(CampaignPartAdmin):
    show_full_result_count = False  # a second count of the whole table on every filtered page
    list_display = ["organisation", "role", "campaign", "note", "order"]
    list_filter = ["role", "campaign__status"]
    search_fields = [
        "organisation__name",
        "organisation__name_zh",
        "campaign__title",
        "campaign__title_zh",
        "note",
    ]
    autocomplete_fields = ["campaign", "organisation"]


@admin.register(CampaignImage)
class CampaignImageAdmin(CampaignPartAdmin):
    list_display = [image_preview, "alt_text", "campaign", "caption", "credit", "order"]
    list_display_links = ["alt_text"]
    search_fields = ["alt_text", "caption", "credit", "campaign__title", "campaign__title_zh"]
    autocomplete_fields = ["campaign"]
    ordering = ["campaign__title", "order", "pk"]
