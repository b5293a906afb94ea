"""
The curators' admin at /admin/.

Every list and every edit page runs a fixed number of queries however much data there is:
counts are annotated (as subqueries, ``models.count_of``), many-to-many names prefetched,
foreign keys selected, and the autocompletes of inline rows are labelled from the selected
objects (see forms.py).
"""

from django.apps import apps
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import actions as admin_actions
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag as TaggitTag

from .. import history, importing, services
from ..concurrent_edits import ConcurrentEditAdminMixin, ConcurrentEditForm
from ..display import SITE_NAME, grouped_number
from ..forms import (
    CampaignAdminForm,
    FigureAdminForm,
    ImportForm,
    PrefetchedAutocompleteSelect,
    PrefetchedChoicesForm,
    ReviewForm,
)
from ..loading import LoadError
from ..models import (
    Campaign,
    CampaignImage,
    Correction,
    Figure,
    Organisation,
    Participation,
    Platform,
    Source,
    Status,
    Suggestion,
    SuggestionStatus,
    Tag,
    TaggedCampaign,
    count_of,
)
from .history import HistoryAdminMixin

admin.site.site_header = SITE_NAME  # one name everywhere: pages, citations, the admin
admin.site.site_title = SITE_NAME
admin.site.index_title = _("Curation")


HTTPS_URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}
"""An address typed without a scheme is taken to be https://, as Django 6 will."""


EDITABLE_BY_EDITORS = (Status.DRAFT, Status.IN_REVIEW)
"""The statuses in which an editor (no publish permission) may change or delete a case."""


def can_publish(request):
    """Whether this curator may publish, send back, unpublish and withdraw (a reviewer)."""
    return request.user.has_perm("campaigns.publish_campaign")


def may_edit_case(request, campaign):
    """Whether this curator may change the case (None: a new row, or no case)."""
    return campaign is None or campaign.status in EDITABLE_BY_EDITORS or can_publish(request)


class CasePartPermissions:
    """The parts of a case (figures, participants, images) follow their case: an editor may
    change them only while the case is not public, and may attach them only to such a case.
    On an inline, ``obj`` is the case itself."""

    def _case_of(self, obj):
        return obj if isinstance(obj, Campaign) else getattr(obj, "campaign", None)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and may_edit_case(
            request, self._case_of(obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and may_edit_case(
            request, self._case_of(obj)
        )

    def has_add_permission(self, request, *args):
        obj = args[0] if args else None
        return super().has_add_permission(request, *args) and may_edit_case(
            request, self._case_of(obj)
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "campaign" and field is not None and not can_publish(request):
            field.queryset = field.queryset.filter(status__in=EDITABLE_BY_EDITORS)
        return field

    def check_restore(self, request, state):
        if can_publish(request):
            return
        for (model, object_id), stored in state.items():
            if model is not self.model:
                continue
            current = model._base_manager.filter(pk=object_id).first()
            cases = {getattr(current, "campaign_id", None)}
            if stored is not None:
                cases.add(stored.fields.get("campaign"))
            for case in Campaign.objects.filter(pk__in=[pk for pk in cases if pk]):
                if not may_edit_case(request, case):
                    raise PermissionDenied


class PrefetchedAutocompleteMixin:
    """Autocomplete foreign keys whose chosen objects arrive with the admin's own queryset."""

    form = PrefetchedChoicesForm

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.autocomplete_fields)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request) and "widget" not in kwargs:
            kwargs["widget"] = PrefetchedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# --------------------------------------------------------------------------- sources


@admin.register(Source)
class SourceAdmin(
    ConcurrentEditAdminMixin, HistoryAdminMixin, PrefetchedAutocompleteMixin, admin.ModelAdmin
):
    show_full_result_count = False  # a second count of the whole table on every filtered page
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
        (None, {"fields": ["title", "title_zh", "slug", "kind", "language"]}),
        (
            _("Publication"),
            {"fields": ["publisher", "author", "published_on", "published_precision", "url"]},
        ),
        (_("Cited as a reference"), {"fields": ["cited_by", "reference_number"]}),
        (None, {"fields": [("note", "note_zh")]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(figure_count=count_of(Figure.objects.all(), "source"))
        )

    @admin.display(description=_("published"), ordering="published_on")
    def published(self, source):
        return source.published_display

    @admin.display(description=_("figures"), ordering="figure_count")
    def figure_count(self, source):
        return source.figure_count


# --------------------------------------------------------------------------- organisations


@admin.register(Organisation)
class OrganisationAdmin(ConcurrentEditAdminMixin, HistoryAdminMixin, admin.ModelAdmin):
    form = ConcurrentEditForm
    show_full_result_count = False  # a second count of the whole table on every filtered page
    list_display = ["name", "name_zh", "kind", "country", "campaign_count"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "name_zh", "slug"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = HTTPS_URL_FIELDS

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                campaign_count=count_of(
                    Participation.objects.all(), "organisation", distinct="campaign"
                )
            )
        )

    @admin.display(description=_("campaigns"), ordering="campaign_count")
    def campaign_count(self, organisation):
        return organisation.campaign_count


# --------------------------------------------------------------------------- tags

# The catalogue keeps its tags in its own model (with Chinese names); taggit's would only
# confuse curators with an empty second list of tags.
if admin.site.is_registered(TaggitTag):
    admin.site.unregister(TaggitTag)


@admin.register(Tag)
class TagAdmin(ConcurrentEditAdminMixin, HistoryAdminMixin, admin.ModelAdmin):
    form = ConcurrentEditForm
    list_display = ["name", "name_zh", "slug", "campaign_count"]
    search_fields = ["name", "name_zh", "slug"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(campaign_count=count_of(TaggedCampaign.objects.all(), "tag"))
        )

    @admin.display(description=_("campaigns"), ordering="campaign_count")
    def campaign_count(self, tag):
        return tag.campaign_count


# --------------------------------------------------------------------------- platforms


@admin.register(Platform)
class PlatformAdmin(
    ConcurrentEditAdminMixin, HistoryAdminMixin, PrefetchedAutocompleteMixin, admin.ModelAdmin
):
    list_display = ["name", "name_zh", "kind", "operator", "country", "campaign_count"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "name_zh", "slug"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["operator"]
    formfield_overrides = HTTPS_URL_FIELDS

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(campaign_count=count_of(Campaign.platforms.through.objects.all(), "platform"))
        )

    @admin.display(description=_("campaigns"), ordering="campaign_count")
    def campaign_count(self, platform):
        return platform.campaign_count


# --------------------------------------------------------------------------- campaigns


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


class FigureInline(
    ConcurrentEditAdminMixin, CasePartPermissions, PrefetchedAutocompleteMixin, admin.StackedInline
):
    model = Figure
    form = FigureAdminForm
    extra = 0
    verbose_name = _("figure")
    verbose_name_plural = _("figures")
    autocomplete_fields = ["source", "conversion_of"]
    prepopulated_fields = {"key": ["label"]}
    fields = [
        ("label", "label_zh"),
        ("stated_as", "source"),
        ("value", "unit", "kind", "qualifier"),
        "conversion_of",
        ("period", "period_zh"),
        ("as_of", "as_of_precision"),
        "caveat_kind",
        ("caveat", "caveat_zh"),
        ("key", "order"),
        "correction_note",
    ]


class ParticipationInline(
    ConcurrentEditAdminMixin, CasePartPermissions, PrefetchedAutocompleteMixin, admin.TabularInline
):
    model = Participation
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "note", "note_zh", "assumed", "order"]


@admin.display(description=_("preview"))
def image_preview(image):
    """A thumbnail of a campaign image, for the inline and the image list."""
    if not image.image:
        return ""
    return format_html('<img src="{}" alt="" style="max-height: 4em">', image.image.url)


class CampaignImageInline(ConcurrentEditAdminMixin, CasePartPermissions, admin.TabularInline):
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


@admin.register(CampaignImage)
class CampaignImageAdmin(
    ConcurrentEditAdminMixin,
    CasePartPermissions,
    HistoryAdminMixin,
    PrefetchedAutocompleteMixin,
    admin.ModelAdmin,
):
    list_display = [image_preview, "alt_text", "campaign", "caption", "credit", "order"]
    list_display_links = ["alt_text"]
    search_fields = ["alt_text", "caption", "credit", "campaign__title", "campaign__title_zh"]
    autocomplete_fields = ["campaign"]
    ordering = ["campaign__title", "order", "pk"]


@admin.register(Campaign)
class CampaignAdmin(ConcurrentEditAdminMixin, HistoryAdminMixin, admin.ModelAdmin):
    show_full_result_count = False  # a second count of the whole table on every filtered page
    form = CampaignAdminForm
    inlines = [FigureInline, ParticipationInline, CampaignImageInline]
    list_display = ["title", "title_zh", "status", "dates", "platform_names", "figure_count"]
    list_filter = ["status", "cause", "approach", "platforms", StartYearFilter, "featured"]
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
    autocomplete_fields = ["platforms", "sources"]
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
        (None, {"fields": ["title", "title_zh", "slug", "status", "featured"]}),
        (
            _("Review"),
            {
                "fields": ["review_note", "withdrawal_reason"],
                "description": _(
                    "The reviewer's note goes back to the editors with a case sent back; the "
                    "reason for a withdrawal is shown to readers at the case's address."
                ),
            },
        ),
        (None, {"fields": [("summary", "summary_zh"), ("description", "description_zh")]}),
        (
            _("When and where"),
            {
                "fields": [
                    ("start_date", "start_precision"),
                    ("end_date", "end_precision"),
                    ("location", "location_zh", "country"),
                ]
            },
        ),
        (_("Classification"), {"fields": ["cause", "approach", "platforms", "tags"]}),
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
        return super().get_queryset(request).for_listing()

    def history_of(self, object_id):
        return history.History.of_case(object_id)

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

    # ----------------------------------------------------------------------- roles

    def has_publish_permission(self, request):
        return can_publish(request)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and may_edit_case(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and may_edit_case(request, obj)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not can_publish(request):
            # An editor moves a case between draft and review only: any other status sent
            # by a crafted form is refused as an invalid choice.
            kwargs["choices"] = [
                (value, label) for value, label in Status.choices if value in EDITABLE_BY_EDITORS
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {"can_review": can_publish(request), **(extra_context or {})}
        return super().changeform_view(request, object_id, form_url, extra_context)

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
                    note=figure_form.cleaned_data.get("correction_note", ""),
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

    def check_restore(self, request, state):
        # An editor may restore (or recover) a case only from and to a status they could
        # set themselves; its parts go with it (``history.prepare`` leaves other cases' alone).
        if can_publish(request):
            return
        for (model, object_id), stored in state.items():
            if model is not Campaign:
                continue
            current = Campaign.objects.filter(pk=object_id).first()
            restored = stored.fields.get("status") if stored is not None else None
            if not may_edit_case(request, current) or (
                stored is not None and restored not in EDITABLE_BY_EDITORS
            ):
                raise PermissionDenied

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

    # ----------------------------------------------------------------------- review

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="campaigns_campaign_import",
            ),
            path(
                "<path:object_id>/review/",
                self.admin_site.admin_view(self.review_view),
                name="campaigns_campaign_review",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Import a catalogue file: upload, see what it would do (a dry run with the loader's
        own messages), confirm. A reviewer's job: a file can publish cases."""
        if not can_publish(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import a catalogue file"),
            "opts": self.opts,
            "limit": settings.IMPORT_MAX_BYTES,
        }
        request.current_app = self.admin_site.name
        template = "admin/campaigns/campaign/import.html"
        staged = request.session.get("imports", {})
        if request.method == "POST" and "confirm" in request.POST:
            token = request.POST.get("token", "")
            if token not in staged:
                self.message_user(
                    request, _("That upload is not yours or has expired."), messages.ERROR
                )
                return HttpResponseRedirect(request.path)
            try:
                report, name = importing.run(token, user=request.user)
            except (importing.UploadError, LoadError) as error:
                self.message_user(
                    request,
                    _("Nothing was imported: %(problem)s") % {"problem": error},
                    messages.ERROR,
                )
                return HttpResponseRedirect(request.path)
            staged.pop(token, None)
            request.session["imports"] = staged
            self.message_user(
                request,
                _("Imported %(name)s: %(changed)s rows created or updated, in one revision.")
                % {"name": name, "changed": f"{report.changed:,}"},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:campaigns_campaign_changelist"))
        if request.method == "POST" and "cancel" in request.POST:
            token = request.POST.get("token", "")
            if token in staged:
                importing.discard(token)
                staged.pop(token)
                request.session["imports"] = staged
            return HttpResponseRedirect(request.path)
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                token, name = importing.stage(form.cleaned_data["file"])
            except importing.UploadError as error:
                form.add_error("file", str(error))
                return TemplateResponse(request, template, {**context, "form": form})
            staged[token] = name
            request.session["imports"] = staged
            try:
                report = importing.check(token)
            except (importing.UploadError, LoadError) as error:
                importing.discard(token)
                staged.pop(token)
                request.session["imports"] = staged
                context.update(form=ImportForm(), refused=str(error), name=name)
                return TemplateResponse(request, template, context)
            context.update(report=report, token=token, name=name, rows=_report_rows(report))
            return TemplateResponse(request, template, context)
        return TemplateResponse(request, template, {**context, "form": form})

    def review_view(self, request, object_id):
        """A reviewer's decision on one case: publish, send back with a note, unpublish or
        withdraw with a reason."""
        campaign = self.get_object(request, unquote(object_id))
        if campaign is None:
            raise Http404(_("There is no such campaign."))
        if not can_publish(request):
            raise PermissionDenied
        form = ReviewForm(request.POST or None, campaign=campaign, user=request.user)
        if request.method == "POST" and form.is_valid():
            with history.recording(user=request.user):
                moved = form.apply(services)
            if moved:
                self.message_user(request, form.done_message(), messages.SUCCESS)
            else:
                self.message_user(
                    request,
                    _("Nothing changed: the case had moved on meanwhile."),
                    messages.WARNING,
                )
            return HttpResponseRedirect(
                reverse("admin:campaigns_campaign_change", args=[quote(campaign.pk)])
            )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Review %(title)s") % {"title": campaign.title},
            "opts": self.opts,
            "original": campaign,
            "form": form,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/campaigns/campaign/review.html", context)

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


def _report_rows(report):
    """A dry run's counts, model by model, for the import page."""
    rows = []
    for label, counts in report.counts.items():
        model = apps.get_model(label)
        rows.append((model._meta.verbose_name_plural, counts))
    return rows


# --------------------------------------------------------------------------- people's parts


@admin.register(Participation)
class ParticipationAdmin(
    ConcurrentEditAdminMixin,
    CasePartPermissions,
    HistoryAdminMixin,
    PrefetchedAutocompleteMixin,
    admin.ModelAdmin,
):
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


# --------------------------------------------------------------------------- figures


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
class FigureAdmin(
    ConcurrentEditAdminMixin,
    CasePartPermissions,
    HistoryAdminMixin,
    PrefetchedAutocompleteMixin,
    admin.ModelAdmin,
):
    show_full_result_count = False  # a second count of the whole table on every filtered page
    form = FigureAdminForm
    list_display = ["label", "stated_as", "value_display", "unit", "qualifier", "subject", "source"]
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
    autocomplete_fields = ["campaign", "platform", "organisation", "source", "conversion_of"]
    prepopulated_fields = {"key": ["label"]}
    fieldsets = [
        (None, {"fields": ["label", "label_zh", "stated_as", "source", "key"]}),
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
                    ("value", "unit", "kind", "qualifier"),
                    "conversion_of",
                    "correction_note",
                ]
            },
        ),
        (_("When"), {"fields": [("period", "period_zh"), ("as_of", "as_of_precision"), "order"]}),
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
                note=form.cleaned_data.get("correction_note", ""),
            )

    @admin.display(description=_("value"), ordering="value")
    def value_display(self, figure):
        return grouped_number(figure.value)

    @admin.display(description=_("about"))
    def subject(self, figure):
        return figure.subject or _("the sector")


# --------------------------------------------------------------------------- corrections


@admin.register(Correction)
class CorrectionAdmin(ConcurrentEditAdminMixin, HistoryAdminMixin, admin.ModelAdmin):
    """The corrections readers see under published cases. They are written when a published
    figure changes; a curator may word the public note better, or delete a correction that
    only fixed a typo nobody relied on."""

    show_full_result_count = False
    form = ConcurrentEditForm
    list_display = ["made_at", "campaign", "label", "before", "after", "note"]
    list_select_related = ["campaign"]
    search_fields = ["label", "label_zh", "note", "campaign__title", "campaign__title_zh"]
    date_hierarchy = "made_at"
    fields = ["campaign", "figure", "label", "label_zh", "before", "after", "made_at", "note"]
    readonly_fields = ["campaign", "figure", "label", "label_zh", "before", "after", "made_at"]

    def has_add_permission(self, request):
        return False  # written when a published figure changes, never by hand


# --------------------------------------------------------------------------- suggestions


@admin.register(Suggestion)
class SuggestionAdmin(ConcurrentEditAdminMixin, admin.ModelAdmin):
    """Readers' suggestions, newest first: new ones wait for a curator to accept or reject
    them (what the suggestion leads to is then done on the case itself)."""

    show_full_result_count = False
    form = ConcurrentEditForm
    list_display = ["created_at", "kind", "status", "case_link", "short_what", "where_stated"]
    list_filter = ["status", "kind"]
    search_fields = ["what", "where_stated", "name", "email", "campaign__title"]
    list_select_related = ["campaign"]
    date_hierarchy = "created_at"
    actions = ["accept", "reject"]
    fields = [
        "kind",
        "case_link",
        "what",
        "where_stated",
        "name",
        "email",
        "language",
        "created_at",
        "status",
        "curator_note",
    ]
    readonly_fields = [
        "kind",
        "case_link",
        "what",
        "where_stated",
        "name",
        "email",
        "language",
        "created_at",
    ]

    def has_add_permission(self, request):
        return False  # readers send them from the public site

    @admin.display(description=_("case"))
    def case_link(self, suggestion):
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
