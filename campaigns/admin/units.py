"""The units' admin: the units figures are counted in, which reviewers (and administrators)
extend and editors choose among. A unit figures use cannot be deleted: the database refuses,
and the admin's confirmation names the figures that use it."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..concurrent_edits import ConcurrentEditAdminMixin, ConcurrentEditForm
from ..models import Figure, Unit, count_of
from .base import CountColumn, CountedAdminMixin
from .history import HistoryAdminMixin


@admin.register(Unit)
class UnitAdmin(ConcurrentEditAdminMixin, HistoryAdminMixin, CountedAdminMixin, admin.ModelAdmin):
    form = ConcurrentEditForm
    counted = CountColumn(
        "figure_count", lambda: count_of(Figure.objects.all(), "unit"), _("figures")
    )
    list_display = [
        "code",
        "name",
        "name_zh",
        "measure_word",
        "kind",
        "is_outcome",
        "order",
        "figure_count",
    ]
    list_filter = ["kind", "is_outcome"]
    search_fields = ["code", "name", "name_zh"]
    ordering = ["order", "code"]
    fields = [
        "code",
        ("name", "name_singular"),
        ("name_zh", "measure_word"),
        "heading_zh",
        "kind",
        "is_outcome",
        "order",
    ]

    def get_readonly_fields(self, request, obj=None):
        # Files, the API and addresses name a unit by its code: it stays once the unit exists.
        return ["code"] if obj is not None else []

    def get_deleted_objects(self, objs, request):
        """What deleting would take; a unit figures use is refused, the confirmation saying
        so and naming them (Django lists them as protected)."""
        deleted, counts, permissions_needed, protected = super().get_deleted_objects(objs, request)
        if protected:
            protected = [
                _("Figures are counted in this unit: change their unit first, then delete it."),
                *protected,
            ]
        return deleted, counts, permissions_needed, protected
