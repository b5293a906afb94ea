"""The API's parameters: the types of slugs and keys it takes, the lists' filters as typed
parameters, and the query objects (``filters/queries.py``) they become, with no form and no
menus."""

from typing import Annotated

from ninja import Field, Schema
from pydantic import AfterValidator, StringConstraints

from ..filters import FIRST_YEAR, LAST_YEAR, MAX_QUERY_LENGTH, CampaignQuery, FigureQuery
from ..models import (
    Approach,
    Campaign,
    CampaignSort,
    Cause,
    Figure,
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
    Unit,
    slug_rule,
)
from ..units import units

MAX_LIMIT = 100
"""The most items one page of a list holds."""

DEFAULT_LIMIT = 20
"""The items a page holds when ``limit`` is not given."""

MAX_OFFSET = 1_000_000
"""The furthest a list can be paged into (far beyond the catalogue's size)."""

COUNTRY_PATTERN = r"^[A-Za-z]{2}$"
"""An ISO 3166-1 alpha-2 country code."""

PROVINCE_PATTERN = r"^[1-9][0-9]0000$"
"""The GB/T 2260 code of a province-level division of China."""

TEXT_PATTERN = r"^[^\x00-\x1f\x7f]*$"
"""Free text in a query parameter: anything but control characters."""


def slug_of(model, field_name="slug"):
    """A slug (or key) of ``model`` as a parameter type: the pattern and length its field allows."""
    rule = slug_rule(model, field_name)
    return Annotated[str, StringConstraints(pattern=rule.pattern, max_length=rule.max_length)]


CampaignSlug = slug_of(Campaign)
FigureKey = slug_of(Figure, "key")
OrganisationSlug = slug_of(Organisation)
PlatformSlug = slug_of(Platform)
SourceSlug = slug_of(Source)
TagSlug = slug_of(Tag)


def known_unit(code):
    """A unit code the catalogue has (its units are a table curators extend, not a fixed list)."""
    if code not in units():
        known = ", ".join(units().codes)
        raise ValueError(f"unknown unit “{code}”; the units are: {known} (see /api/units)")
    return code


UnitCode = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_-]*$", max_length=Unit._meta.pk.max_length),
    AfterValidator(known_unit),
]


# --------------------------------------------------------------------------- parameters


class CampaignFilters(Schema):
    """The campaign list's filters and search, as on the site's list page."""

    q: str = Field(
        None,
        max_length=MAX_QUERY_LENGTH,
        pattern=TEXT_PATTERN,
        description="Words to search for in titles, summaries, descriptions, tags, platforms "
        "and participants (English or Chinese).",
    )
    platform: list[PlatformSlug] = Field(
        None,
        description="Platform slugs; a campaign on any of them matches (a slug no published "
        "campaign's platform has matches nothing, and the others still match).",
    )
    organisation: OrganisationSlug = Field(None, description="An organisation slug.")
    cause: Cause = Field(None, description="A cause code.")
    approach: Approach = Field(None, description="An approach code.")
    format: Format = Field(
        None,
        description="A format code (live_stream, short_video …): the cases that took it, "
        "among other formats perhaps.",
    )
    country: str = Field(
        None, description="An ISO 3166-1 alpha-2 country code, e.g. CN.", pattern=COUNTRY_PATTERN
    )
    province: str = Field(
        None,
        description="The GB/T 2260 code of a province-level division of China, e.g. 510000 "
        "(Sichuan): the cases placed in it or in a prefecture or county within it.",
        pattern=PROVINCE_PATTERN,
    )
    tag: TagSlug = Field(None, description="A tag slug (Chinese tags have Chinese slugs).")
    source: SourceSlug = Field(None, description="A source slug: the campaigns citing it.")
    year_from: int = Field(
        None, ge=FIRST_YEAR, le=LAST_YEAR, description="Started in or after this year."
    )
    year_to: int = Field(
        None, ge=FIRST_YEAR, le=LAST_YEAR, description="Started in or before this year."
    )
    scope: ScopeFilter = Field(
        None,
        description="Which cases: social_good (the default: cases serving a public cause), all "
        "(with the commercial or marketing campaigns and the other online trends a source lists "
        "beside them), commercial or other_trend (those alone).",
    )
    sort: CampaignSort = Field(
        None, description="Order: best match for a search, else newest first, by default."
    )


class FigureFilters(Schema):
    """The figures table's filters, as on the site's figures page, plus a campaign."""

    kind: FigureKind = Field(None, description="A kind code.")
    unit: UnitCode = Field(
        None, description="A unit code, as /api/units lists them (curators add units)."
    )
    about: FigureSubject = Field(
        None,
        description="What the figures are about: case outcomes (cases), platforms and "
        "organisations (platforms), or the whole sector (sector).",
    )
    outcome: Outcome = Field(
        None, description="A kind of outcome code: donations or sales (money or goods)."
    )
    platform: list[PlatformSlug] = Field(
        None, description="Platform slugs: figures about them or about campaigns on them."
    )
    cause: Cause = Field(None, description="The cause code of the figure's campaign.")
    year: int = Field(
        None,
        ge=FIRST_YEAR,
        le=LAST_YEAR,
        description="The figure's as-of year (or its campaign's start year when it has none).",
    )
    campaign: CampaignSlug = Field(None, description="Only the figures of this campaign (a slug).")
    sort: FigureSort = Field(None, description="Order; newest first by default.")


def campaign_query(filters: "CampaignFilters") -> CampaignQuery:
    """The list's query object for the API's typed parameters (no form, no menus)."""
    return CampaignQuery(
        q=filters.q or "",
        platforms=tuple(filters.platform or ()),
        organisation=filters.organisation or "",
        tag=filters.tag or "",
        cause=filters.cause or "",
        approach=filters.approach or "",
        format=filters.format or "",
        country=filters.country or "",
        province=filters.province or "",
        source=filters.source or "",
        year_from=filters.year_from,
        year_to=filters.year_to,
        scope=filters.scope or "",
        sort=filters.sort or "",
    )


def figure_query(filters: "FigureFilters") -> FigureQuery:
    """The figures table's query object for the API's typed parameters."""
    return FigureQuery(
        kind=filters.kind or "",
        unit=filters.unit or "",
        about=filters.about or "",
        outcome=filters.outcome or "",
        platforms=tuple(filters.platform or ()),
        cause=filters.cause or "",
        year=filters.year,
        campaign=filters.campaign or "",
        sort=filters.sort or "",
    )
