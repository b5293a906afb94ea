"""The admins of who runs campaigns and where: organisations and platforms."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..concurrent_edits import ConcurrentEditAdminMixin, ConcurrentEditForm
from ..models import Campaign, Organisation, Participation, Platform, SubjectEvidence, count_of
from .base import (
    HTTPS_URL_FIELDS,
    BilingualAdminMixin,
    CountColumn,
    CountedAdminMixin,
    PrefetchedAutocompleteMixin,
)
from .history import HistoryAdminMixin


class DescriptionEvidenceInline(
    ConcurrentEditAdminMixin, PrefetchedAutocompleteMixin, admin.TabularInline
):
    """The source's words behind each sentence of the description, beside the sentence."""

    model = SubjectEvidence
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["sentence", "supported", "source", "locator", "quote", "order"]
    readonly_fields = ["supported"]

    @admin.display(description=_("the sentence"))
    def supported(self, evidence):
        return evidence.supported_sentence() if evidence.pk else "—"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation", "platform")


class OrganisationEvidenceInline(DescriptionEvidenceInline):
    fk_name = "organisation"


class PlatformEvidenceInline(DescriptionEvidenceInline):
    fk_name = "platform"


@admin.register(Organisation)
class OrganisationAdmin(
    BilingualAdminMixin,
    ConcurrentEditAdminMixin,
    HistoryAdminMixin,
    CountedAdminMixin,
    admin.ModelAdmin,
):
    form = ConcurrentEditForm
    show_full_result_count = False  # a second count of the whole table on every filtered page
    counted = CountColumn(
        "campaign_count",
        lambda: count_of(Participation.objects.all(), "organisation", distinct="campaign"),
        _("campaigns"),
    )
    fields = [
        ("name", "name_zh"),
        "name_zh_ours",
        "slug",
        "kind",
        "country",
        "website",
        ("description", "description_zh"),
        "logo",
    ]
    list_display = ["name", "name_zh", "kind", "country", "campaign_count"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "name_zh", "slug"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = HTTPS_URL_FIELDS
    inlines = [OrganisationEvidenceInline]


@admin.register(Platform)
class PlatformAdmin(
    BilingualAdminMixin,
    ConcurrentEditAdminMixin,
    HistoryAdminMixin,
    CountedAdminMixin,
    PrefetchedAutocompleteMixin,
    admin.ModelAdmin,
):
    counted = CountColumn(
        "campaign_count",
        lambda: count_of(Campaign.platforms.through.objects.all(), "platform"),
        _("campaigns"),
    )
    fields = [
        ("name", "name_zh"),
        "slug",
        "operator",
        "operator_assumed",
        "kind",
        "country",
        "website",
        ("description", "description_zh"),
        "logo",
    ]
    list_display = ["name", "name_zh", "kind", "operator", "country", "campaign_count"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "name_zh", "slug"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["operator"]
    formfield_overrides = HTTPS_URL_FIELDS
    inlines = [PlatformEvidenceInline]
