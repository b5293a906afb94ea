"""
The cases' admin: a case with its figures, participants and images inline, its list filters,
and the actions and pages that move it through review (submit, publish, unpublish, delete; the
review page, ``review.py``; the import page, ``importing.py``). Who may do what is
``policy.py``.
"""

from django.contrib import admin, messages
from django.contrib.admin import actions as admin_actions
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.forms import TagWidget

from .. import history, services
from ..concurrent_edits import ConcurrentEditAdminMixin, ConcurrentEditForm
from ..forms import CampaignAdminForm, FigureAdminForm, PrefetchedAutocompleteSelect
from ..methods import safe_only
from ..models import (
    Campaign,
    CampaignImage,
    Evidence,
    Figure,
    Format,
    Participation,
    Status,
    Tag,
)
from . import importing, review
from .base import BilingualAdminMixin, PrefetchedAutocompleteMixin
from .history import HistoryAdminMixin
from .parts import image_preview
from .policy import EDITABLE_BY_EDITORS, CampaignPartPermissions, CampaignPermissions, can_publish


class StartYearFilter(admin.SimpleListFilter):
    """Campaigns by the year they started."""

    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Campaign.objects.dates("start_date", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if not self.value().isdigit():
            return queryset.none()
        return queryset.filter(start_date__year=int(self.value()))


class FormatFilter(admin.SimpleListFilter):
    """Campaigns that took a format (among others, perhaps)."""

    title = _("format")
    parameter_name = "format"

    def lookups(self, request, model_admin):
        return Format.choices

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if self.value() not in Format.values:
            return queryset.none()
        return queryset.in_format(self.value())


class FigureInline(
    BilingualAdminMixin,
    ConcurrentEditAdminMixin,
    CampaignPartPermissions,
    PrefetchedAutocompleteMixin,
    admin.StackedInline,
):
    model = Figure
    form = FigureAdminForm
    extra = 0
    view_on_site = False  # the case's own preview shows its figures, drafts' too
    verbose_name = _("figure")
    verbose_name_plural = _("figures")
    autocomplete_fields = ["source", "conversion_of", "same_measure_as"]
    prepopulated_fields = {"key": ["label"]}
    fields = [
        ("label", "label_zh"),
        ("stated_as", "source"),
        ("value", "unit", "kind", "qualifier", "outcome"),
        ("conversion_of", "same_measure_as"),
        ("period", "period_zh"),
        ("as_of", "as_of_precision", "as_of_is_document_date"),
        "caveat_kind",
        ("caveat", "caveat_zh"),
        ("key", "order"),
        "correction_note",
        "correction_note_zh",
        "correction_previewed",
    ]


class ParticipationInline(
    BilingualAdminMixin,
    ConcurrentEditAdminMixin,
    CampaignPartPermissions,
    PrefetchedAutocompleteMixin,
    admin.TabularInline,
):
    model = Participation
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "note", "note_zh", "assumed", "order"]


class CampaignImageInline(
    BilingualAdminMixin, ConcurrentEditAdminMixin, CampaignPartPermissions, admin.TabularInline
):
    model = CampaignImage
    form = ConcurrentEditForm
    extra = 0
    fields = [
        image_preview,
        "image",
        "alt_text",
        "alt_text_zh",
        "caption",
        "caption_zh",
        "credit",
        "order",
    ]
    readonly_fields = [image_preview]


class EvidenceInline(
    ConcurrentEditAdminMixin,
    CampaignPartPermissions,
    PrefetchedAutocompleteMixin,
    admin.TabularInline,
):
    """The source's words behind each sentence of the case's texts, beside the sentence they
    support (numbered in the English text; the Chinese shares them sentence for sentence)."""

    model = Evidence
    extra = 0
    verbose_name = _("evidence for a sentence")
    verbose_name_plural = _("evidence for the texts' sentences")
    autocomplete_fields = ["source"]
    fields = ["field", "participation", "sentence", "supported", "source", "locator", "quote"]
    fields += ["order"]
    readonly_fields = ["supported"]

    @admin.display(description=_("the sentence"))
    def supported(self, evidence):
        return evidence.supported_sentence() if evidence.pk else "—"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("campaign", "participation")

    def get_formset(self, request, obj=None, **kwargs):
        """The participants' menu holds this case's participants, read once for every row."""
        formset = super().get_formset(request, obj, **kwargs)
        field = formset.form.base_fields["participation"]
        field.queryset = Participation.objects.filter(
            campaign=obj if obj is not None and obj.pk else None
        ).select_related("organisation")
        field.choices = list(field.choices)
        field.widget.widget.choices = field.choices  # inside the admin's related-field wrapper
        return formset


REVIEW_FIELDSET = (
    _("Review"),
    {
        "fields": ["review_note", ("withdrawal_reason", "withdrawal_reason_zh")],
        "description": _(
            "The reviewer's note goes back to the editors with a case sent back; the "
            "reason for a withdrawal is shown to readers at the case's address."
        ),
    },
)
"""A reviewer's fields, on a case that exists: ``CampaignAdmin.get_fieldsets``."""


@admin.register(Campaign)
class CampaignAdmin(
    BilingualAdminMixin,
    ConcurrentEditAdminMixin,
    CampaignPermissions,
    HistoryAdminMixin,
    admin.ModelAdmin,
):
    show_full_result_count = False  # a second count of the whole table on every filtered page
    form = CampaignAdminForm
    inlines = [FigureInline, ParticipationInline, EvidenceInline, CampaignImageInline]
    list_display = ["title", "title_zh", "status", "dates", "platform_names", "figure_count"]
    list_filter = [
        "status",
        "scope",
        "cause",
        "approach",
        FormatFilter,
        "platforms",
        StartYearFilter,
        "featured",
    ]
    search_fields = [
        "title",
        "title_zh",
        "summary",
        "platforms__name",
        "platforms__name_zh",
        "organisations__name",
        "organisations__name_zh",
        "tags__name",
        "tags__name_zh",
    ]
    date_hierarchy = "start_date"
    ordering = ["-start_date", "title"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["platforms", "sources", "division"]
    readonly_fields = [
        "published_at",
        "published_by",
        "submitted_at",
        "withdrawn_at",
        "created_at",
        "updated_at",
    ]
    actions = ["submit_for_review", "publish", "unpublish", "delete_selected"]
    change_form_template = "admin/campaigns/campaign/change_form.html"
    fieldsets = [
        (None, {"fields": [("title", "title_zh"), "slug", "status", "featured"]}),
        REVIEW_FIELDSET,
        (None, {"fields": [("summary", "summary_zh"), ("description", "description_zh")]}),
        (
            _("When and where"),
            {
                "fields": [
                    ("start_date", "start_precision"),
                    ("end_date", "end_precision"),
                    ("location", "location_zh"),
                    ("country", "division"),
                ]
            },
        ),
        (
            _("Classification"),
            {"fields": ["scope", "cause", "approach", "formats", "platforms", "tags"]},
        ),
        (
            _("Sources"),
            {
                "fields": ["sources"],
                "description": _("Every figure below must cite one of these sources."),
            },
        ),
        (
            _("Record"),
            {
                "fields": [
                    ("published_at", "published_by"),
                    "submitted_at",
                    "withdrawn_at",
                    ("created_at", "updated_at"),
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).for_listing().select_related("division")

    def get_fieldsets(self, request, obj=None):
        """The review's fields only for a reviewer, and only on a case that exists: a new case
        has not been reviewed, and an editor may neither write a reviewer's note nor withdraw
        (the note of a case sent back is shown to them above the form, ``change_form.html``).
        Fields left out of the fieldsets are left out of the form too."""
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not can_publish(request):
            fieldsets = [fieldset for fieldset in fieldsets if fieldset is not REVIEW_FIELDSET]
        return fieldsets

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "tags":  # suggested as typed, from the tags that exist
            kwargs["widget"] = TagWidget(
                attrs={
                    "data-suggestions": reverse("admin:campaigns_campaign_tag_suggestions"),
                    "autocomplete": "off",
                }
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "division":  # labelled from the division selected with the case
            kwargs["widget"] = PrefetchedAutocompleteSelect(db_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def history_of(self, object_id):
        return history.History.of_campaign(object_id)

    def view_on_site(self, campaign):
        # A case that is not public opens as a curator's preview at its own address.
        return campaign.get_absolute_url()

    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, campaign):
        if campaign.end_date and campaign.end_display != campaign.start_display:
            return f"{campaign.start_display} – {campaign.end_display}"
        return campaign.start_display

    @admin.display(description=_("platforms"))
    def platform_names(self, campaign):
        return ", ".join(platform.name for platform in campaign.platforms.all())

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {"can_review": can_publish(request), **(extra_context or {})}
        return super().changeform_view(request, object_id, form_url, extra_context)

    # ----------------------------------------------------------------------- saving

    def save_formset(self, request, form, formset, change):
        if formset.model is not Figure:
            return super().save_formset(request, form, formset, change)
        # A figure readers saw that now states something else is a correction, with its note.
        edited = [
            figure_form
            for figure_form in formset.forms
            if figure_form.instance.pk is not None
            and figure_form.has_changed()
            and not formset._should_delete_form(figure_form)
        ]
        readers_saw = services.public_statements([f.instance.pk for f in edited])
        super().save_formset(request, form, formset, change)
        for figure_form in edited:
            figure = figure_form.instance
            if figure.pk in readers_saw:
                services.record_correction(
                    figure=figure,
                    before=readers_saw[figure.pk],
                    note=figure_form.note(),
                )

    def save_model(self, request, obj, form, change):
        # Publishing in this save (not saving a case published before) records who did it.
        if (
            obj.status == Status.PUBLISHED
            and obj.published_by_id is None
            and (not change or "status" in form.changed_data)
        ):
            obj.published_by = request.user
        super().save_model(request, obj, form, change)

    # ----------------------------------------------------------------------- actions

    @admin.action(description=_("Submit selected drafts for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        selected = queryset.count()
        submitted = services.submit_for_review(campaigns=queryset)
        self.report(request, changed=submitted, selected=selected, verb=_("submitted"))

    @admin.action(description=_("Publish selected campaigns"), permissions=["publish"])
    def publish(self, request, queryset):
        selected = queryset.count()  # before the change: a filtered list would lose them
        published = services.publish_campaigns(campaigns=queryset, user=request.user)
        self.report(request, changed=published, selected=selected, verb=_("published"))

    @admin.action(description=_("Unpublish selected campaigns"), permissions=["publish"])
    def unpublish(self, request, queryset):
        selected = queryset.count()
        unpublished = services.unpublish_campaigns(campaigns=queryset)
        self.report(request, changed=unpublished, selected=selected, verb=_("unpublished"))

    @admin.action(description=_("Delete selected campaigns"), permissions=["delete"])
    def delete_selected(self, request, queryset):
        if not can_publish(request):
            public = list(queryset.exclude(status__in=EDITABLE_BY_EDITORS).order_by("title"))
            if public:
                self.message_user(
                    request,
                    _(
                        "Nothing was deleted: only a reviewer may delete a published or "
                        "withdrawn case (%(titles)s)."
                    )
                    % {"titles": "; ".join(campaign.title for campaign in public[:5])},
                    messages.ERROR,
                )
                return None
        return admin_actions.delete_selected(self, request, queryset)

    # ----------------------------------------------------------------------- pages

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="campaigns_campaign_import",
            ),
            path(
                "tags/",
                self.admin_site.admin_view(safe_only(self.tag_suggestions)),
                name="campaigns_campaign_tag_suggestions",
            ),
            path(
                "<path:object_id>/review/",
                self.admin_site.admin_view(self.review_view),
                name="campaigns_campaign_review",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Import a catalogue file: upload, dry run, confirm (``importing.py``)."""
        return importing.import_view(self, request)

    def tag_suggestions(self, request):
        """The tags whose English or Chinese name holds ``q``, as JSON, for the case form's
        tags field (``js/tag_suggestions.js``): the first 20 by name."""
        if not request.user.has_perm("campaigns.view_tag"):
            raise PermissionDenied
        words = request.GET.get("q", "").strip()[:100]
        tags = Tag.objects.matching(words).order_by("name")[:20] if words else []
        return JsonResponse({"tags": [{"name": tag.name, "name_zh": tag.name_zh} for tag in tags]})

    def review_view(self, request, object_id):
        """A reviewer's decision on one case (``review.py``)."""
        return review.review_view(self, request, object_id)

    def report(self, request, *, changed, selected, verb):
        """Tell the curator how many of the selected campaigns an action changed."""
        message = ngettext(
            "%(count)d campaign was %(verb)s.", "%(count)d campaigns were %(verb)s.", changed
        ) % {"count": changed, "verb": verb}
        unchanged = selected - changed
        if unchanged:
            message += " " + ngettext(
                "%(count)d was %(verb)s already.", "%(count)d were %(verb)s already.", unchanged
            ) % {"count": unchanged, "verb": verb}
        self.message_user(request, message, messages.SUCCESS if changed else messages.WARNING)
