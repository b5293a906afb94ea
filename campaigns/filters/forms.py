"""
The filter forms of the public lists, read from the query string: the case list (filters,
search, sort, counted menus and the facets a search names) and the figures table.

A reader can type anything into a URL, so these forms never fail: a value they do not know is
dropped and explained in ``notes``; whatever is valid is still applied, through the list's query
object (``queries.py``), which the API uses directly.

    form = CampaignFilterForm(data=request.GET)
    campaigns = form.filter(Campaign.objects.public().for_listing())
    form.notes           # ["Unknown platform “foo” was ignored."]
    form.active_filters  # [ActiveFilter(label="Platform", value="Sina Weibo", remove_url="?…")]
"""

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .. import places
from ..display import both_names, primary_name, uncounted, unit_label, with_count
from ..models import (
    Approach,
    CampaignSort,
    CatalogueSummary,
    Cause,
    FigureKind,
    FigureSort,
    FigureSubject,
    Format,
    Organisation,
    Outcome,
    Platform,
    ScopeFilter,
    Source,
    Tag,
)
from ..models.base import in_reading_order, reading_order
from ..search.offers import narrowings, without
from ..units import units
from .fields import (
    FIRST_YEAR,
    LAST_YEAR,
    ForgivingChoiceField,
    ForgivingLookupChoiceField,
    ForgivingMultipleChoiceField,
    ForgivingYearField,
    SearchTextField,
)
from .queries import MAX_QUERY_LENGTH, CampaignQuery, FigureQuery
from .state import ForgivingFilterForm

MENU_LENGTH = 100
"""A menu of organisations or tags lists at most this many, those in most cases; the others
are still taken from the address (an organisation's or tag's page links to its cases)."""


def label_of(rows, slug, name):
    """The label of the row of ``rows`` with this slug, named by ``name``; None if none."""
    if not slug.isprintable():  # PostgreSQL refuses NUL in a query
        return None
    row = rows.filter(slug=slug).first()
    return name(row) if row is not None else None


# --------------------------------------------------------------------------- campaigns

SCOPE_NOTES = {
    ScopeFilter.ALL: _("Commercial campaigns and other online trends are included, each labelled."),
    ScopeFilter.COMMERCIAL: _("Showing only the commercial and marketing campaigns, labelled."),
    ScopeFilter.OTHER_TREND: _(
        "Showing only the other online trends: neither commercial nor for a public cause."
    ),
}
"""What the list says it holds when it holds more than the social-good cases, by scope."""


class CampaignFilterForm(ForgivingFilterForm):
    """Filters, search and sort order for the list of published campaigns."""

    q = SearchTextField(
        label=_("Search"),
        required=False,
        strip=True,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH}),
    )
    platform = ForgivingMultipleChoiceField(
        label=_("Platform"), required=False, widget=forms.CheckboxSelectMultiple
    )
    organisation = ForgivingLookupChoiceField(label=_("Organisation"), required=False)
    cause = ForgivingChoiceField(
        label=_("Cause"), required=False, choices=[("", _("Any cause")), *Cause.choices]
    )
    approach = ForgivingChoiceField(
        label=_("Approach"), required=False, choices=[("", _("Any approach")), *Approach.choices]
    )
    format = ForgivingChoiceField(
        label=_("Format"), required=False, choices=[("", _("Any format")), *Format.choices]
    )
    country = ForgivingChoiceField(label=_("Country"), required=False)
    province = ForgivingChoiceField(label=_("Province"), required=False)
    tag = ForgivingLookupChoiceField(label=_("Tag"), required=False)
    source = ForgivingLookupChoiceField(label=_("Source"), required=False)
    year_from = ForgivingYearField(
        label=_("From year"),
        required=False,
        widget=forms.NumberInput(attrs={"min": FIRST_YEAR, "max": LAST_YEAR}),
    )
    year_to = ForgivingYearField(
        label=_("To year"),
        required=False,
        widget=forms.NumberInput(attrs={"min": FIRST_YEAR, "max": LAST_YEAR}),
    )
    scope = ForgivingChoiceField(
        label=_("Scope"), required=False, choices=ScopeFilter.choices, widget=forms.RadioSelect
    )
    sort = ForgivingChoiceField(label=_("Sort"), required=False, choices=CampaignSort.choices)

    defaults = {"scope": ScopeFilter.SOCIAL_GOOD}

    unknown_messages = {
        "scope": _("Unknown scope “%(value)s” was ignored: showing social-good cases."),
        "platform": _("Unknown platform “%(value)s” was ignored."),
        "organisation": _("Unknown organisation “%(value)s” was ignored."),
        "cause": _("Unknown cause “%(value)s” was ignored."),
        "approach": _("Unknown approach “%(value)s” was ignored."),
        "format": _("Unknown format “%(value)s” was ignored."),
        "country": _("No published case is from the country “%(value)s”; ignored."),
        "province": _("No published case is placed in the province “%(value)s”; ignored."),
        "tag": _("Unknown tag “%(value)s” was ignored."),
        "source": _("Unknown source “%(value)s” was ignored."),
        "year_from": _("“%(value)s” is not a year; ignored."),
        "year_to": _("“%(value)s” is not a year; ignored."),
        "sort": _("Unknown sort order “%(value)s” was ignored."),
    }

    def __init__(self, data=None, summary=None, **kwargs):
        # The catalogue's summary, when the view has it already (its counts).
        self.summary = summary
        super().__init__(data, **kwargs)

    def load_choices(self):
        # The counts of the scope asked for (before cleaning: the choices come first). The
        # platform, organisation and tag counts kept on their rows are of every published
        # case: they are shown only on the list that holds every scope.
        asked_scope = self.data.get("scope") if hasattr(self.data, "get") else None
        summary = self.summary or CatalogueSummary.current()  # counting reads every case
        every_scope = asked_scope == ScopeFilter.ALL or not summary.other_scope_campaigns

        def counted_name(name, count):
            return with_count(name, count) if every_scope else uncounted(name)

        platforms = in_reading_order(
            Platform.objects.with_published_campaigns().only(
                "slug", "name", "name_zh", "published_campaign_count", "reading_key_zh"
            ),
            "name",
        )
        self.fields["platform"].choices = [
            (platform.slug, counted_name(both_names(platform), platform.published_campaign_count))
            for platform in platforms
        ]
        # What a search may name (``narrowings``).
        self.platform_names = [(p.slug, p.name, p.name_zh) for p in platforms]
        organisations = Organisation.objects.with_published_campaigns()
        self.fields["organisation"].choices = [("", _("Any organisation"))] + [
            (
                organisation.slug,
                counted_name(both_names(organisation), organisation.published_campaign_count),
            )
            for organisation in organisations.order_by("-published_campaign_count", "name").only(
                "slug", "name", "name_zh", "published_campaign_count"
            )[:MENU_LENGTH]
        ]
        self.fields["organisation"].lookup = lambda slug: label_of(organisations, slug, both_names)
        tags = Tag.objects.public()
        self.fields["tag"].choices = [("", _("Any tag"))] + sorted(
            (
                (tag.slug, counted_name(primary_name(tag), tag.published_campaign_count))
                for tag in tags.order_by("-published_campaign_count", "name")[:MENU_LENGTH]
            ),
            key=lambda choice: reading_order(choice[1]),
        )
        self.fields["tag"].lookup = lambda slug: label_of(tags, slug, primary_name)
        # Sources are too many for a menu: one is named in the address (its page links to its
        # cases), looked up only then.
        self.fields["source"].choices = [("", _("Any source"))]
        self.fields["source"].lookup = lambda slug: label_of(
            Source.objects.public(), slug, lambda source: source.title_display
        )
        _cases, causes, approaches, country_counts = summary.in_scope(asked_scope)
        self.fields["cause"].choices = self.counted("cause", _("Any cause"), Cause.choices, causes)
        self.fields["approach"].choices = self.counted(
            "approach", _("Any approach"), Approach.choices, approaches
        )
        self.fields["format"].choices = self.counted(
            "format", _("Any format"), Format.choices, summary.format_counts_in(asked_scope)
        )
        self.fields["country"].choices = [("", _("Any country"))] + sorted(
            ((code, with_count(countries.name(code), count)) for code, count in country_counts),
            key=lambda choice: reading_order(choice[1]),
        )
        names = places.provinces()
        self.fields["province"].choices = [("", _("Any province"))] + sorted(
            (
                (code, with_count(primary_name(names[code]) if code in names else code, count))
                for code, count in summary.province_counts_in(asked_scope)
            ),
            key=lambda choice: reading_order(choice[1]),
        )

    def counted(self, name, anything, choices, counts):
        """A code list's options with their counts, those with no published case left out
        (but the one asked for, which finds nothing rather than being called unknown)."""
        counts = dict(counts)
        asked = self.data.get(name) if hasattr(self.data, "get") else None
        return [("", anything)] + [
            (code, with_count(label, counts.get(code, 0)))
            for code, label in choices
            if counts.get(code) or code == asked
        ]

    def clean_q(self):
        q = " ".join(self.cleaned_data.get("q", "").split())
        if len(q) > MAX_QUERY_LENGTH:
            self.extra_notes.append(
                _(
                    "Your search was longer than %(limit)d characters; "
                    "only the first %(limit)d were used."
                )
                % {"limit": MAX_QUERY_LENGTH}
            )
            q = q[:MAX_QUERY_LENGTH].strip()
        return q

    def clean_scope(self):
        return self.cleaned_data.get("scope") or ScopeFilter.SOCIAL_GOOD

    @property
    def includes_other_scopes(self):
        """Whether the list holds cases that do not serve a public cause (only when asked)."""
        return self.cleaned_data.get("scope", ScopeFilter.SOCIAL_GOOD) != ScopeFilter.SOCIAL_GOOD

    @property
    def scope_note(self):
        """What a list of another scope than the default holds, in a sentence (or "")."""
        return SCOPE_NOTES.get(self.cleaned_data.get("scope"), "")

    def clean(self):
        cleaned = super().clean()
        year_from, year_to = cleaned.get("year_from"), cleaned.get("year_to")
        if year_from and year_to and year_from > year_to:
            cleaned["year_from"], cleaned["year_to"] = year_to, year_from
            self.extra_notes.append(
                _("The years were the wrong way round; showing %(start)d to %(end)d.")
                % {"start": year_to, "end": year_from}
            )
        return cleaned

    @property
    def sort_order(self):
        """The order in use: the one asked for, else best match for a search, else newest."""
        return self.selection().order

    @cached_property
    def narrowings(self):
        """The facet values the search names that no filter sets yet, each as (narrowing,
        the facet's label, the address of this query narrowed to it without its words), then,
        when there are several, (None, None, the address narrowed to all of them)."""
        q = self.cleaned_data.get("q")
        if not q:
            return []
        summary = self.summary or CatalogueSummary.current()
        countries_in_use = [code for code, _count in summary.country_counts]
        found = [
            narrowing
            for narrowing in narrowings(
                q, self.platform_names, countries_in_use, self.display_value
            )
            if not self.cleaned_data.get(narrowing.field)
        ]
        offers = [
            (
                narrowing,
                str(self.fields[narrowing.field].label),
                self.query_string(q=narrowing.rest, **{narrowing.field: narrowing.value}),
            )
            for narrowing in found
        ]
        fields = {narrowing.field for narrowing in found}
        if len(found) > 1 and len(fields) == len(found):  # one value per field: all at once
            rest = without(q, [narrowing.key for narrowing in found])
            every = {narrowing.field: narrowing.value for narrowing in found}
            offers.append((None, None, self.query_string(q=rest, **every)))
        return offers

    def selection(self):
        """What the form selects, as the list's query object."""
        data = self.cleaned_data
        return CampaignQuery(
            q=data.get("q") or "",
            platforms=tuple(data.get("platform") or ()),
            organisation=data.get("organisation") or "",
            tag=data.get("tag") or "",
            cause=data.get("cause") or "",
            approach=data.get("approach") or "",
            format=data.get("format") or "",
            country=data.get("country") or "",
            province=data.get("province") or "",
            source=data.get("source") or "",
            year_from=data.get("year_from"),
            year_to=data.get("year_to"),
            scope=data.get("scope") or ScopeFilter.SOCIAL_GOOD,
            sort=data.get("sort") or "",
        )

    def filter(self, queryset, q=None, every_word=True):
        """The campaigns of ``queryset`` that pass every valid filter, in the chosen order
        (``CampaignQuery.apply``)."""
        return self.selection().apply(queryset, q=q, every_word=every_word)


# --------------------------------------------------------------------------- figures


class FigureFilterForm(ForgivingFilterForm):
    """Filters and sort order for the table of published figures."""

    q = SearchTextField(
        label=_("Search the figures"),
        required=False,
        strip=True,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH}),
    )
    kind = ForgivingChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any kind")), *FigureKind.choices]
    )
    unit = ForgivingChoiceField(label=_("Unit"), required=False)
    about = ForgivingChoiceField(
        label=_("About"),
        required=False,
        choices=[("", _("Anything")), *FigureSubject.choices],
    )
    outcome = ForgivingChoiceField(
        label=_("Kind of outcome"),
        required=False,
        choices=[("", _("Any kind of outcome")), *Outcome.choices],
    )
    platform = ForgivingMultipleChoiceField(
        label=_("Platform"), required=False, widget=forms.CheckboxSelectMultiple
    )
    cause = ForgivingChoiceField(
        label=_("Cause"), required=False, choices=[("", _("Any cause")), *Cause.choices]
    )
    year = ForgivingYearField(
        label=_("Year"),
        required=False,
        widget=forms.NumberInput(attrs={"min": FIRST_YEAR, "max": LAST_YEAR}),
    )
    sort = ForgivingChoiceField(label=_("Sort"), required=False, choices=FigureSort.choices)

    unknown_messages = {
        "kind": _("Unknown kind of figure “%(value)s” was ignored."),
        "unit": _("Unknown unit “%(value)s” was ignored."),
        "about": _("Unknown subject “%(value)s” was ignored."),
        "outcome": _("Unknown kind of outcome “%(value)s” was ignored."),
        "platform": _("Unknown platform “%(value)s” was ignored."),
        "cause": _("Unknown cause “%(value)s” was ignored."),
        "year": _("“%(value)s” is not a year; ignored."),
        "sort": _("Unknown sort order “%(value)s” was ignored."),
    }
    defaults = {"sort": FigureSort.NEWEST}

    def load_choices(self):
        # The units as kept per catalogue version (no query of their own).
        self.fields["unit"].choices = [
            ("", _("Any unit")),
            *((unit.code, unit_label(unit.code)) for unit in units()),
        ]
        self.fields["platform"].choices = [
            (platform.slug, both_names(platform))
            for platform in in_reading_order(
                Platform.objects.with_published_campaigns_or_figures().only(
                    "slug", "name", "name_zh", "reading_key_zh"
                ),
                "name",
            )
        ]

    @property
    def sort_order(self):
        """The order in use: the one asked for, else newest first."""
        return self.selection().order

    def selection(self):
        """What the form selects, as the table's query object."""
        data = self.cleaned_data
        return FigureQuery(
            kind=data.get("kind") or "",
            unit=data.get("unit") or "",
            about=data.get("about") or "",
            outcome=data.get("outcome") or "",
            platforms=tuple(data.get("platform") or ()),
            cause=data.get("cause") or "",
            year=data.get("year"),
            sort=data.get("sort") or "",
            q=data.get("q") or "",
        )

    def clean_q(self):
        return " ".join(self.cleaned_data.get("q", "").split())[:MAX_QUERY_LENGTH].strip()

    def filter(self, queryset, conversions_apart=True):
        """The figures of ``queryset`` that pass every valid filter, in the chosen order
        (``FigureQuery.apply``)."""
        return self.selection().apply(queryset, conversions_apart=conversions_apart)
