"""The search aliases' admin: the words readers use for the same thing, which reviewers edit
(an alias changes what every reader's search finds at once, with no review step)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..concurrent_edits import ConcurrentEditAdminMixin, ConcurrentEditForm
from ..models import SearchAlias
from .history import HistoryAdminMixin


@admin.register(SearchAlias)
class SearchAliasAdmin(ConcurrentEditAdminMixin, HistoryAdminMixin, admin.ModelAdmin):
    form = ConcurrentEditForm
    list_display = ["slug", "kind", "shown_words", "reads_as"]
    list_filter = ["kind"]
    search_fields = ["slug", "words", "reads_as", "note"]
    ordering = ["kind", "slug"]
    fields = ["slug", "kind", "words", "reads_as", "note"]

    @admin.display(description=_("words"))
    def shown_words(self, alias):
        return ", ".join(alias.word_list())
