"""
What the pages say about the whole published catalogue, worked out once per version of it.

The home page's counts (cases, figures, sources, cases by cause and by start year), the
timeline's first cases of each year, the figures table's count and units and the case list's
countries and China's provinces are about every published case, not about the page being shown:
at 100,000 cases each takes tens to hundreds of milliseconds to count. They are counted once
per version of the catalogue and kept on its version row with the number of the version they
describe: by the unit of work that made the version (``derived.py``: an admin save, a service,
a load, an import, a growth, a recount), in its own transaction, so that readers find them
counted; only a change made outside any unit of work (a bare save in a shell) leaves them to be
counted by the first request that asks (``current()``). Every change to the catalogue makes a
new version (``version.py``), so a summary is never older than the catalogue, on any app
server.
"""

from dataclasses import asdict, dataclass

from django.db.models import Count

from .campaign_queries import SCOPE_COUNTS
from .choices import FigureSubject, Format, Scope, ScopeFilter

FIRST_OF_EACH_YEAR = 12
"""How many cases of each start year the timeline shows (the first, in date order)."""


def most_first(pairs):
    """[value, count] of (value, count) pairs, most first, those of 0 left out."""
    return sorted(
        ([value, count] for value, count in pairs if count), key=lambda pair: (-pair[1], pair[0])
    )


def scope_counts(rows, name, scope):
    """[value, count] of the rows' counts of one scope, most first, those of 0 left out."""
    return most_first((row[name], row[scope]) for row in rows)


SHAPE = 3
"""What the summary's fields hold, numbered: one more whenever a release counts differently
(2: case outcomes by unit and kind of outcome, and each scope's years; 3: the cases of each
format)."""


@dataclass(frozen=True)
class CatalogueSummary:
    """Counts of the published catalogue, as lists so that they keep as JSON."""

    campaigns: int
    figures: int
    sources: int
    causes: list  # [cause, count], most first
    approaches: list  # [approach, count], most first
    formats: list  # [format, count], most first (a case of several formats counted in each)
    years: list  # [start year, count] in year order, the unknown year (None) last
    units: list  # [unit, count] of public figures (a conversion counted with its figure)
    # [unit, kind of outcome, count] of public case outcomes with no caveat, conversions too,
    # each measure once, most first: the figures page's chart with no filter draws the first.
    plain_outcomes: list
    countries: list  # the country codes of published cases
    country_counts: list  # [country code, count]
    # [GB/T 2260 code of a province-level division of China, count] in code order: the cases
    # placed in it, or in a prefecture or county within it.
    province_counts: list
    first_of_each_year: list  # [start year, [campaign ids]], the timeline's
    # The same counts of the cases of each scope (social good, the lists' default, and those
    # a list shows on request), from the same queries: {scope code: {"campaigns": count,
    # "causes", "approaches", "formats": [code, count] most first, "country_counts",
    # "province_counts": [code, count] by code, "years": [start year, count] in year order}},
    # none of 0.
    scopes: dict
    shape: int = 0
    """Which release's counts these are (``SHAPE``): a summary kept by an older release, whose
    fields held other counts, is counted again."""

    @classmethod
    def current(cls):
        """The summary of the catalogue as it stands: kept, or counted now and kept."""
        from .version import ROW, CatalogueVersion

        fields = ("number", "summary_of", "summary")
        row = CatalogueVersion.objects.filter(pk=ROW).values_list(*fields).first()
        if row is None:  # a new database: the version row is made
            row = (CatalogueVersion.current().number, None, {})
        number, summary_of, kept = row
        if summary_of == number and kept.get("shape") == SHAPE:
            try:
                return cls(**kept)
            except TypeError:  # kept by an older release, with other fields: count again
                pass
        return cls.keep(number)

    @classmethod
    def keep(cls, number=None):
        """Count the summary now and keep it for version ``number`` (by default the current
        one): ``derived.py`` does so when a unit of work has made a new version, so that no
        reader waits for the counting."""
        from .version import ROW, CatalogueVersion

        if number is None:
            number = CatalogueVersion.current().number
        summary = cls.count()
        # Only if no change came meanwhile: a summary is never stored under a newer version.
        CatalogueVersion.objects.filter(pk=ROW, number=number).update(
            summary=asdict(summary), summary_of=number
        )
        return summary

    @classmethod
    def count(cls):
        """Count it all, from the tables."""
        from .campaigns import Campaign
        from .figures import Figure
        from .sources import Source

        published = Campaign.objects.public()
        figures = Figure.objects.public()
        scopes = published.aggregate(campaigns=Count("pk"), **SCOPE_COUNTS)
        causes = list(published.count_by_cause())
        approaches = list(published.count_by_approach())
        formats = published.count_by_format()
        countries = list(published.count_by_country())
        provinces = list(published.count_by_province())
        years = list(published.count_by_start_year())
        first = published.first_of_each_year(FIRST_OF_EACH_YEAR).values_list("start_year", "pk")
        first_of_each_year = {}
        for year, pk in first:
            first_of_each_year.setdefault(year, []).append(pk)
        return cls(
            shape=SHAPE,
            campaigns=scopes["campaigns"],
            figures=figures.stated_once().count(),
            sources=Source.objects.public().count(),
            causes=[[row["cause"], row["count"]] for row in causes],
            approaches=[[row["approach"], row["count"]] for row in approaches],
            formats=most_first(
                (code, sum(counts.get(code, 0) for counts in formats.values()))
                for code in Format.values
            ),
            years=[[row["year"], row["count"]] for row in years],
            units=[[row["unit"], row["count"]] for row in figures.stated_once().count_by_unit()],
            plain_outcomes=[
                [row["unit"], row["outcome"], row["count"]]
                for row in figures.one_per_measure()
                .about_kind(FigureSubject.CAMPAIGNS)
                .without_caveats()
                .count_by_outcome()
            ],
            countries=sorted(published.countries()),
            country_counts=[[row["country"], row["count"]] for row in countries],
            province_counts=[[row["province"], row["count"]] for row in provinces],
            first_of_each_year=[[year, pks] for year, pks in first_of_each_year.items()],
            scopes={
                scope: {
                    "campaigns": scopes[scope],
                    "causes": scope_counts(causes, "cause", scope),
                    "approaches": scope_counts(approaches, "approach", scope),
                    "formats": most_first(formats.get(scope, {}).items()),
                    "country_counts": sorted(scope_counts(countries, "country", scope)),
                    "province_counts": sorted(scope_counts(provinces, "province", scope)),
                    "years": [[row["year"], row[scope]] for row in years if row[scope]],
                }
                for scope in Scope.values
            },
        )

    def in_scope(self, scope):
        """The counts of a list in ``scope`` (a ``ScopeFilter``; anything else is the default,
        social good, as the list reads it) as (cases, causes, approaches, country counts)."""
        if scope == ScopeFilter.ALL:
            return self.campaigns, self.causes, self.approaches, self.country_counts
        counts = self.scopes.get(scope if scope in Scope.values else Scope.SOCIAL_GOOD, {})
        return (
            counts.get("campaigns", 0),
            counts.get("causes", []),
            counts.get("approaches", []),
            counts.get("country_counts", []),
        )

    def format_counts_in(self, scope):
        """[format code, count] of the published cases of a list in ``scope`` (read as
        ``in_scope`` reads it) that took each format, most first."""
        if scope == ScopeFilter.ALL:
            return self.formats
        counts = self.scopes.get(scope if scope in Scope.values else Scope.SOCIAL_GOOD, {})
        return counts.get("formats", [])

    def province_counts_in(self, scope):
        """[province code, count] of the published cases of a list in ``scope`` (read as
        ``in_scope`` reads it) placed in each of China's province-level divisions."""
        if scope == ScopeFilter.ALL:
            return self.province_counts
        counts = self.scopes.get(scope if scope in Scope.values else Scope.SOCIAL_GOOD, {})
        return counts.get("province_counts", [])

    @property
    def social_good_campaigns(self):
        """How many published cases serve a public cause (the lists' default scope)."""
        return self.in_scope(ScopeFilter.SOCIAL_GOOD)[0]

    @property
    def other_scope_campaigns(self):
        """How many published cases are of a scope the lists show only on request (commercial
        campaigns and other online trends)."""
        return self.campaigns - self.social_good_campaigns

    @property
    def most_common_unit(self):
        """The unit most public figures are counted in (the first by code on a tie), or None."""
        return self.units[0][0] if self.units else None

    def figures_in(self, unit):
        """How many public figures are counted in ``unit``."""
        return dict(self.units).get(unit, 0)

    @property
    def most_common_plain_outcome(self):
        """The unit and kind of outcome most public case outcomes with no caveat are counted
        in, with their count: (unit, outcome, count), or None."""
        return tuple(self.plain_outcomes[0]) if self.plain_outcomes else None

    @property
    def timeline_ids(self):
        """The ids of the cases the timeline shows."""
        return [pk for _year, pks in self.first_of_each_year for pk in pks]
