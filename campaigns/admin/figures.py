"""The figures' admin: each figure on its own page, with the public correction a change to a
published one records (figures are also edited inline on their case's page, ``cases.py``)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .. import services
from ..display import grouped_number
from ..forms import FigureAdminForm
from ..models import Figure, Status
from .parts import CampaignPartAdmin


class CampaignStatusFilter(admin.SimpleListFilter):
    """Figures by whether their campaign is public; figures about no campaign stand apart."""

    title = _("campaign status")
    parameter_name = "campaign_status"

    def lookups(self, request, model_admin):
        return [*Status.choices, ("none", _("No campaign"))]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(campaign__isnull=True)
        if self.value() in Status.values:
            return queryset.filter(campaign__status=self.value())
        return queryset


@admin.register(Figure)
class FigureAdmin(CampaignPartAdmin):
    show_full_result_count = False  # a second count of the whole table on every filtered page
    form = FigureAdminForm
    list_display = [
        "label",
        "stated_as",
        "value_display",
        "unit_code",
        "qualifier",
        "subject",
        "source",
    ]
    list_filter = ["kind", "unit", "qualifier", "caveat_kind", CampaignStatusFilter]
    search_fields = [
        "label",
        "label_zh",
        "stated_as",
        "key",
        "campaign__title",
        "campaign__title_zh",
        "platform__name",
        "platform__name_zh",
        "organisation__name",
        "organisation__name_zh",
        "source__title",
    ]
    autocomplete_fields = [
        "campaign",
        "platform",
        "organisation",
        "source",
        "conversion_of",
        "same_measure_as",
    ]
    prepopulated_fields = {"key": ["label"]}
    fieldsets = [
        (None, {"fields": [("label", "label_zh"), "stated_as", "source", "key"]}),
        (
            _("What it is about"),
            {
                "fields": ["campaign", "platform", "organisation"],
                "description": _(
                    "A campaign's outcome names the campaign; a figure about a platform or an "
                    "organisation leaves the campaign empty."
                ),
            },
        ),
        (
            _("Value"),
            {
                "fields": [
                    ("value", "unit", "kind", "qualifier", "outcome"),
                    ("conversion_of", "same_measure_as"),
                    "correction_note",
                    "correction_note_zh",
                    "correction_previewed",
                ]
            },
        ),
        (
            _("When"),
            {
                "fields": [
                    ("period", "period_zh"),
                    ("as_of", "as_of_precision", "as_of_is_document_date"),
                    "order",
                ]
            },
        ),
        (
            _("Caveat"),
            {
                "fields": ["caveat_kind", ("caveat", "caveat_zh")],
                "description": _(
                    "Shown beside the figure wherever it appears: on case pages, in the figures "
                    "table and chart, in compare, the downloads and the API."
                ),
            },
        ),
    ]

    def save_model(self, request, obj, form, change):
        # A figure readers saw that now states something else is a correction, with its note.
        readers_saw = services.public_statements([obj.pk]) if change else {}
        super().save_model(request, obj, form, change)
        if obj.pk in readers_saw:
            services.record_correction(
                figure=obj,
                before=readers_saw[obj.pk],
                note=form.note(),
            )

    @admin.display(description=_("unit"), ordering="unit")
    def unit_code(self, figure):
        # By code, as files name it: no unit read for a row (the filter lists their names).
        return figure.unit_id

    @admin.display(description=_("value"), ordering="value")
    def value_display(self, figure):
        return grouped_number(figure.value)

    @admin.display(description=_("about"))
    def subject(self, figure):
        return figure.subject or _("the sector")
