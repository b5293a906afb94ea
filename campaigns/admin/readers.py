"""The admins of what passes between the catalogue and its readers: the corrections shown
under published cases, and the suggestions readers send."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..concurrent_edits import ConcurrentEditAdminMixin, ConcurrentEditForm
from ..models import Correction, Suggestion, SuggestionStatus
from .history import HistoryAdminMixin


@admin.register(Correction)
class CorrectionAdmin(ConcurrentEditAdminMixin, HistoryAdminMixin, admin.ModelAdmin):
    """The corrections readers see under published cases. They are written when a published
    figure changes; a curator may word the public note better, or delete a correction that
    only fixed a typo nobody relied on."""

    show_full_result_count = False
    form = ConcurrentEditForm
    list_display = ["made_at", "campaign", "label", "before", "after", "note", "note_zh"]
    list_select_related = ["campaign"]
    search_fields = [
        "label",
        "label_zh",
        "note",
        "note_zh",
        "campaign__title",
        "campaign__title_zh",
    ]
    date_hierarchy = "made_at"
    fields = [
        "campaign",
        "figure",
        "label",
        "label_zh",
        "before",
        "after",
        "made_at",
        "note",
        "note_zh",
    ]
    readonly_fields = ["campaign", "figure", "label", "label_zh", "before", "after", "made_at"]

    def has_add_permission(self, request):
        return False  # written when a published figure changes, never by hand


@admin.register(Suggestion)
class SuggestionAdmin(ConcurrentEditAdminMixin, admin.ModelAdmin):
    """Readers' suggestions, newest first: new ones wait for a curator to accept or reject
    them (what the suggestion leads to is then done on the case itself)."""

    show_full_result_count = False
    form = ConcurrentEditForm
    list_display = ["created_at", "kind", "status", "campaign_link", "short_what", "where_stated"]
    list_filter = ["status", "kind"]
    search_fields = ["what", "where_stated", "name", "email", "campaign__title"]
    list_select_related = ["campaign"]
    date_hierarchy = "created_at"
    actions = ["accept", "reject"]
    fields = [
        "kind",
        "campaign_link",
        "what",
        "where_stated",
        "name",
        "email",
        "language",
        "created_at",
        "status",
        "curator_note",
    ]
    readonly_fields = fields[: fields.index("status")]  # what the reader sent, as sent

    def has_add_permission(self, request):
        return False  # readers send them from the public site

    @admin.display(description=_("case"))
    def campaign_link(self, suggestion):
        if suggestion.campaign is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:campaigns_campaign_change", args=[suggestion.campaign_id]),
            suggestion.campaign,
        )

    @admin.display(description=_("what"))
    def short_what(self, suggestion):
        return Truncator(suggestion.what).chars(120)

    @admin.action(description=_("Mark selected suggestions accepted"), permissions=["change"])
    def accept(self, request, queryset):
        self._mark(request, queryset, SuggestionStatus.ACCEPTED)

    @admin.action(description=_("Mark selected suggestions rejected"), permissions=["change"])
    def reject(self, request, queryset):
        self._mark(request, queryset, SuggestionStatus.REJECTED)

    def _mark(self, request, queryset, status):
        marked = queryset.update(status=status)
        self.message_user(
            request,
            ngettext(
                "%(count)d suggestion marked %(status)s.",
                "%(count)d suggestions marked %(status)s.",
                marked,
            )
            % {"count": marked, "status": SuggestionStatus(status).label.lower()},
        )
