"""
Filters for the public lists, read from the query string.

A reader can type anything into a URL, so these forms never fail: a value they do not
know is dropped and explained in ``notes``; whatever is valid is still applied. The same
forms drive the HTML lists, the downloads and the API, so a filtered page and its download
always agree.

    form = CampaignFilterForm(data=request.GET)
    campaigns = form.filter(Campaign.objects.public().for_listing())
    form.notes           # ["Unknown platform “foo” was ignored."]
    form.active_filters  # [ActiveFilter(label="Platform", value="Sina Weibo", remove_url="?…")]
"""

from dataclasses import dataclass

from django import forms
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries

from .display import both_names, primary_name, uncounted, with_count
from .models import (
    Approach,
    CampaignSort,
    CatalogueSummary,
    Cause,
    FigureKind,
    FigureSort,
    FigureSubject,
    Organisation,
    Platform,
    ScopeFilter,
    Tag,
    Unit,
)
from .models.base import in_reading_order, reading_order
from .searching import narrowings, without

MAX_QUERY_LENGTH = 200
"""Longer searches are cut to this many characters (with a note)."""

FIRST_YEAR, LAST_YEAR = 1900, 2100
"""The years a year filter accepts."""

MENU_LENGTH = 100
"""A menu of organisations or tags lists at most this many, those in most cases; the others
are still taken from the address (an organisation's or tag's page links to its cases)."""

MAX_NOTES_PER_FIELD = 3
"""More ignored values than this in one field are summed up in one note."""


@dataclass(frozen=True)
class ActiveFilter:
    """A filter in use, shown as a chip the reader can remove."""

    name: str
    label: str
    value: str
    remove_url: str


def label_of(rows, slug, name):
    """The label of the row of ``rows`` with this slug, named by ``name``; None if none."""
    if not slug.isprintable():  # PostgreSQL refuses NUL in a query
        return None
    row = rows.filter(slug=slug).first()
    return name(row) if row is not None else None


def shorten(value):
    """A rejected value short enough to quote back to the reader."""
    return Truncator(value).chars(40)


class ForgivingChoiceField(forms.ChoiceField):
    """A choice that never fails: an unknown value becomes "" and is kept in ``rejected``."""

    def clean(self, value):
        value = self.to_python(value).strip()
        self.rejected = []
        if value and not self.valid_value(value):
            self.rejected = [value]
            return ""
        return value

    def valid_value(self, value):
        return value in {str(key) for key, _label in self.choices}


class ForgivingLookupChoiceField(ForgivingChoiceField):
    """A forgiving choice among more rows than a menu can list: the menu offers the most used
    (set as ``choices``), and any other value is looked up with ``lookup(value)``, which
    returns the label of a row that may be chosen, or None. A value found is added to the menu,
    so the menu shows what is chosen."""

    lookup = None

    def valid_value(self, value):
        if super().valid_value(value):
            return True
        label = self.lookup(value) if self.lookup is not None else None
        if label is None:
            return False
        self.choices = [*self.choices, (value, label)]
        return True


class ForgivingMultipleChoiceField(forms.MultipleChoiceField):
    """Several choices that never fail: known values are kept, unknown ones go to ``rejected``."""

    def clean(self, value):
        values = [item.strip() for item in self.to_python(value) if item.strip()]
        known = {str(key) for key, _label in self.choices}
        self.rejected = list(dict.fromkeys(item for item in values if item not in known))
        return list(dict.fromkeys(item for item in values if item in known))


class SearchTextField(forms.CharField):
    """Free text that never fails: control characters (NUL, which PostgreSQL refuses) go."""

    default_validators = []

    def to_python(self, value):
        value = super().to_python(value)
        return "".join(char if char.isprintable() else " " for char in value)


class ForgivingYearField(forms.CharField):
    """A year that never fails: anything but a year from 1900 to 2100 becomes None."""

    def clean(self, value):
        value = (self.to_python(value) or "").strip()
        self.rejected = []
        if not value:
            return None
        if value.isascii() and value.isdigit() and FIRST_YEAR <= int(value) <= LAST_YEAR:
            return int(value)
        self.rejected = [value]
        return None


class ForgivingFilterForm(forms.Form):
    """A GET form that applies what it understands and explains what it ignored.

    Subclasses list in ``unknown_messages`` the note for an unknown value of each field, and
    in ``defaults`` the values that are left out of URLs.
    """

    unknown_messages = {}
    defaults = {}

    def __init__(self, data=None, **kwargs):
        # Always bound, so an empty query string is simply "no filters".
        super().__init__(data if data is not None else {}, **kwargs)
        self.load_choices()
        self.extra_notes = []
        self.full_clean()

    def load_choices(self):
        """Fill the choices that come from the database (one query per field)."""

    @property
    def notes(self):
        """Human-readable messages about the values that were ignored."""
        notes = list(self.extra_notes)
        for name, field in self.fields.items():
            rejected = getattr(field, "rejected", [])
            message = self.unknown_messages.get(name)
            if not rejected or message is None:
                continue
            if len(rejected) > MAX_NOTES_PER_FIELD:
                notes.append(
                    ngettext(
                        "%(count)d unknown value of “%(field)s” was ignored.",
                        "%(count)d unknown values of “%(field)s” were ignored.",
                        len(rejected),
                    )
                    % {"count": len(rejected), "field": field.label}
                )
            else:
                notes.extend(message % {"value": shorten(value)} for value in rejected)
        return notes

    def state(self):
        """The valid filters as (name, value) pairs, in field order, defaults left out."""
        pairs = []
        for name in self.fields:
            value = self.cleaned_data.get(name)
            if value in (None, "", []) or value == self.defaults.get(name):
                continue
            for item in value if isinstance(value, list) else [value]:
                pairs.append((name, str(item)))
        return pairs

    def query_string(self, without=None, **replace):
        """This query as "?…", less the (name, value) pair ``without``, with ``replace`` set.

        Pagination, sort links and the removable chips all build on it.
        """
        pairs = [pair for pair in self.state() if pair != without and pair[0] not in replace]
        pairs += [(name, str(value)) for name, value in replace.items() if value not in ("", None)]
        return "?" + urlencode(pairs) if pairs else "?"

    @property
    def query(self):
        """This query as "?…" for links to other views (downloads), or "" when there is none."""
        return self.query_string() if self.state() else ""

    def display_value(self, name, value):
        """How a chip shows a filter's value: the choice's label, or the value itself."""
        field = self.fields[name]
        for key, label in getattr(field, "choices", []):
            if str(key) == value:
                return getattr(label, "name", None) or str(label)
        return value

    @property
    def active_filters(self):
        """The filters in use, each with the URL of the same query without it."""
        return [
            ActiveFilter(
                name=name,
                label=str(self.fields[name].label),
                value=self.display_value(name, value),
                remove_url=self.query_string(without=(name, value)),
            )
            for name, value in self.state()
            if name != "sort"
        ]

    def has_filters(self):
        """Whether any filter (not counting the sort order) is in use."""
        return bool(self.active_filters)

    @property
    def filters_in_use(self):
        """How many filters of the filter panel are in use (the search and the sort order are
        not in the panel)."""
        return sum(1 for name, _value in self.state() if name not in ("q", "sort"))


# --------------------------------------------------------------------------- campaigns


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
    country = ForgivingChoiceField(label=_("Country"), required=False)
    tag = ForgivingLookupChoiceField(label=_("Tag"), required=False)
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
        "country": _("No published case is from the country “%(value)s”; ignored."),
        "tag": _("Unknown tag “%(value)s” was ignored."),
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
        every_scope = asked_scope == ScopeFilter.ALL or not summary.commercial_campaigns

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
        _cases, causes, approaches, country_counts = summary.in_scope(asked_scope)
        self.fields["cause"].choices = self.counted("cause", _("Any cause"), Cause.choices, causes)
        self.fields["approach"].choices = self.counted(
            "approach", _("Any approach"), Approach.choices, approaches
        )
        self.fields["country"].choices = [("", _("Any country"))] + sorted(
            ((code, with_count(countries.name(code), count)) for code, count in country_counts),
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
    def includes_commercial(self):
        """Whether the list holds commercial or marketing campaigns (only when asked)."""
        return self.cleaned_data.get("scope", ScopeFilter.SOCIAL_GOOD) != ScopeFilter.SOCIAL_GOOD

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
        if self.cleaned_data.get("sort"):
            return self.cleaned_data["sort"]
        return CampaignSort.RELEVANCE if self.cleaned_data.get("q") else CampaignSort.NEWEST

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

    def filter(self, queryset, q=None, every_word=True):
        """The campaigns of ``queryset`` that pass every valid filter, in the chosen order.

        ``q`` searches for other words than the form's; ``every_word=False`` finds the cases
        holding any of its words (the closest matches offered when none holds them all)."""
        data = self.cleaned_data
        queryset = queryset.in_scope(data.get("scope"))
        if data.get("platform"):
            queryset = queryset.on_platforms(data["platform"])
        if data.get("organisation"):
            queryset = queryset.with_participant(data["organisation"])
        if data.get("tag"):
            queryset = queryset.tagged(data["tag"])
        for name in ("cause", "approach", "country"):
            if data.get(name):
                queryset = queryset.filter(**{name: data[name]})
        queryset = queryset.started_between(data.get("year_from"), data.get("year_to"))
        q = data.get("q") if q is None else q
        if q:
            queryset = queryset.search(q) if every_word else queryset.search_any(q)
        return queryset.sorted_by(self.sort_order)


# --------------------------------------------------------------------------- figures


class FigureFilterForm(ForgivingFilterForm):
    """Filters and sort order for the table of published figures."""

    kind = ForgivingChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any kind")), *FigureKind.choices]
    )
    unit = ForgivingChoiceField(
        label=_("Unit"), required=False, choices=[("", _("Any unit")), *Unit.choices]
    )
    about = ForgivingChoiceField(
        label=_("About"),
        required=False,
        choices=[("", _("Anything")), *FigureSubject.choices],
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
        "platform": _("Unknown platform “%(value)s” was ignored."),
        "cause": _("Unknown cause “%(value)s” was ignored."),
        "year": _("“%(value)s” is not a year; ignored."),
        "sort": _("Unknown sort order “%(value)s” was ignored."),
    }
    defaults = {"sort": FigureSort.NEWEST}

    def load_choices(self):
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
        return self.cleaned_data.get("sort") or FigureSort.NEWEST

    def filter(self, queryset, conversions_apart=True):
        """The figures of ``queryset`` that pass every valid filter, in the chosen order.

        Downloads and the API list conversions as figures of their own (``conversions_apart``);
        the site's table shows each beside its figure, so a unit finds a figure converted
        into it too."""
        data = self.cleaned_data
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("unit"):
            unit = data["unit"]
            queryset = queryset.filter(unit=unit) if conversions_apart else queryset.in_unit(unit)
        if data.get("about"):
            queryset = queryset.about_kind(data["about"])
        if data.get("platform"):
            queryset = queryset.on_platforms(data["platform"])
        if data.get("cause"):
            queryset = queryset.filter(campaign__cause=data["cause"])
        if data.get("year"):
            queryset = queryset.of_year(data["year"])
        return queryset.sorted_by(self.sort_order)
