"""
What a list is asked for, as typed values, and the one place it is applied to a QuerySet.

The case list, its downloads and the API's ``/api/campaigns`` select cases the same way: the
list page and the downloads build a ``CampaignQuery`` from what their forgiving form accepted
(``forms.py``), the API from its typed parameters, with no form and no menus. Likewise
``FigureQuery`` for the figures table, its downloads and ``/api/figures``.
"""

from dataclasses import dataclass, fields

from ..models import CampaignSort, Figure, FigureSort, ScopeFilter

MAX_QUERY_LENGTH = 200
"""Longer searches are cut to this many characters (with a note)."""

WHOLE_SCOPE = ("scope", "sort")
"""What a ``CampaignQuery`` may set and still select every published case of its scope."""


@dataclass(frozen=True)
class CampaignQuery:
    """A selection of cases: filters, a search and an order. Empty values select everything;
        a value no case has (an unknown platform, organisation, tag, country or province) finds
        nothing. ``format`` is a ``Format`` code: the cases that took it, among others perhaps.
    ``province`` is the GB/T 2260 code of a province-level division of China: the
        cases placed in it or in a prefecture or county within it."""

    q: str = ""
    platforms: tuple[str, ...] = ()
    organisation: str = ""
    tag: str = ""
    cause: str = ""
    approach: str = ""
    format: str = ""
    country: str = ""
    province: str = ""
    source: str = ""
    year_from: int | None = None
    year_to: int | None = None
    scope: str = ScopeFilter.SOCIAL_GOOD
    sort: str = ""

    def __post_init__(self):
        q = " ".join((self.q or "").split())[:MAX_QUERY_LENGTH].strip()
        object.__setattr__(self, "q", q)
        object.__setattr__(self, "scope", self.scope or ScopeFilter.SOCIAL_GOOD)
        if self.year_from and self.year_to and self.year_from > self.year_to:
            first, last = self.year_to, self.year_from
            object.__setattr__(self, "year_from", first)
            object.__setattr__(self, "year_to", last)

    @property
    def narrowed(self):
        """Whether a filter or a search narrows it to fewer than every published case of its
        scope (its order does not)."""
        return any(
            getattr(self, field.name) != field.default
            for field in fields(self)
            if field.name not in WHOLE_SCOPE
        )

    @property
    def order(self):
        """The order asked for, else best match for a search, else newest first."""
        if self.sort:
            return self.sort
        return CampaignSort.RELEVANCE if self.q else CampaignSort.NEWEST

    def apply(self, queryset, *, q=None, every_word=True):
        """The campaigns of ``queryset`` selected, in order. ``q`` searches for other words
        than the query's; ``every_word=False`` finds the cases holding any of its words."""
        queryset = queryset.in_scope(self.scope)
        if self.platforms:
            queryset = queryset.on_platforms(list(self.platforms))
        if self.organisation:
            queryset = queryset.with_organisation(self.organisation)
        if self.tag:
            queryset = queryset.tagged(self.tag)
        for name in ("cause", "approach", "country"):
            if getattr(self, name):
                queryset = queryset.filter(**{name: getattr(self, name)})
        if self.format:
            queryset = queryset.in_format(self.format)
        if self.province:
            queryset = queryset.in_province(self.province)
        if self.source:
            queryset = queryset.citing_source(self.source)
        queryset = queryset.started_between(self.year_from, self.year_to)
        q = self.q if q is None else q
        if q:
            queryset = queryset.search(q) if every_word else queryset.search_any(q)
        return queryset.sorted_by(self.order)


@dataclass(frozen=True)
class FigureQuery:
    """A selection of figures: filters and an order."""

    kind: str = ""
    unit: str = ""
    about: str = ""
    platforms: tuple[str, ...] = ()
    cause: str = ""
    year: int | None = None
    campaign: str = ""
    sort: str = ""
    q: str = ""
    outcome: str = ""

    @property
    def order(self):
        """The order asked for, else newest first."""
        return self.sort or FigureSort.NEWEST

    def apply(self, queryset, *, conversions_apart=True):
        """The figures of ``queryset`` selected, in order. Downloads and the API list
        conversions as figures of their own (``conversions_apart``); the site's table shows
        each beside its figure, so a unit finds a figure converted into it too."""
        if self.kind:
            queryset = queryset.filter(kind=self.kind)
        # Of one unit, unless figures of other units are converted into it (seldom).
        converted = None
        if self.unit and not conversions_apart:
            converted = Figure.objects.converted_into(self.unit)
        if self.unit:
            queryset = queryset.in_unit(self.unit, converted)
        one_unit = bool(self.unit) and converted is None
        if self.outcome:
            queryset = queryset.filter(outcome=self.outcome)
        if self.about:
            queryset = queryset.about_kind(self.about)
        if self.platforms:
            queryset = queryset.on_platforms(list(self.platforms))
        if self.cause:
            queryset = queryset.filter(campaign__cause=self.cause)
        if self.year:
            queryset = queryset.of_year(self.year)
        if self.campaign:
            queryset = queryset.filter(campaign__slug=self.campaign)
        if self.q:
            # The table finds a measure by any of its statements' words.
            queryset = (
                queryset.matching(self.q)
                if conversions_apart
                else queryset.measures_matching(self.q)
            )
        return queryset.sorted_by(self.order, one_unit=one_unit)
