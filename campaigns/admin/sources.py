"""The sources' admin: the reports, articles and pages the catalogue's figures cite."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..concurrent_edits import ConcurrentEditAdminMixin
from ..models import Figure, Source, count_of
from .base import (
    HTTPS_URL_FIELDS,
    BilingualAdminMixin,
    CountColumn,
    CountedAdminMixin,
    PrefetchedAutocompleteMixin,
)
from .history import HistoryAdminMixin


@admin.register(Source)
class SourceAdmin(
    BilingualAdminMixin,
    ConcurrentEditAdminMixin,
    HistoryAdminMixin,
    CountedAdminMixin,
    PrefetchedAutocompleteMixin,
    admin.ModelAdmin,
):
    show_full_result_count = False  # a second count of the whole table on every filtered page
    counted = CountColumn(
        "figure_count", lambda: count_of(Figure.objects.all(), "source"), _("figures")
    )
    list_display = [
        "title",
        "publisher",
        "kind",
        "language",
        "published",
        "cited_by",
        "reference_number",
        "figure_count",
    ]
    list_filter = ["kind", "language"]
    search_fields = ["title", "title_zh", "publisher", "author", "slug", "url"]
    ordering = ["-published_on", "title"]
    prepopulated_fields = {"slug": ["title"]}
    formfield_overrides = HTTPS_URL_FIELDS
    autocomplete_fields = ["cited_by"]
    fieldsets = [
        (None, {"fields": [("title", "title_zh"), "title_kind", "slug", "kind", "language"]}),
        (
            _("Publication"),
            {"fields": ["publisher", "author", "published_on", "published_precision", "url"]},
        ),
        (_("Cited as a reference"), {"fields": ["cited_by", "reference_number"]}),
        (None, {"fields": [("note", "note_zh")]}),
        (_("Checked"), {"fields": [("checked_at", "checked_by")]}),
    ]
    readonly_fields = ["checked_at", "checked_by"]

    @admin.display(description=_("published"), ordering="published_on")
    def published(self, source):
        return source.published_display
