"""What the API answers, item by item: the case-study and figure schemas made from the
records (``records.py``) and the schemas of sources, organisations and platforms."""

import datetime
from typing import Any

from ninja import Field, Schema

from .. import evidence_records, records
from ..models import (
    Campaign,
    DatePrecision,
    Figure,
    FigureKind,
    Language,
    OrganisationKind,
    PlatformKind,
    SourceKind,
)

# --------------------------------------------------------------------------- schemas


def country_code(item):
    """An item's country as its ISO code, or an empty string."""
    return item.country.code or ""


def slug_or_none(item):
    """A related item's slug, or None when there is none."""
    return item.slug if item is not None else None


class Error(Schema):
    """What went wrong."""

    detail: str | list[dict[str, Any]] = Field(
        ..., description="A message, or one entry per invalid parameter."
    )


class PlaceOut(Schema):
    """A country, or a province-level division of China, with the published cases placed in it."""

    code: str = Field(
        ...,
        description="A country's ISO 3166-1 alpha-2 code, or a province-level division of "
        "China's GB/T 2260 code.",
    )
    name: str = Field(..., description="Its name in English.")
    name_zh: str = Field(..., description="Its name in Chinese.")
    campaigns: int = Field(
        ...,
        description="How many published cases, of every scope, are placed in it (for a "
        "province, in it or in a prefecture or county within it).",
    )
    cases_url: str = Field(..., description="The site's list of those cases.")


class PlacesOut(Schema):
    """Where the published cases are: what the site's maps draw, by country and, in China, by
    province-level division, each in code order."""

    countries: list[PlaceOut] = Field(..., description="The countries with published cases.")
    provinces: list[PlaceOut] = Field(
        ..., description="China's province-level divisions with published cases."
    )


class UnitOut(Schema):
    """A unit figures are counted in. Curators add units, so the list grows: a figure's
    ``unit`` is one of these codes."""

    code: str = Field(..., description="Its code, as figures, filters and downloads give it.")
    name: str = Field(..., description="Its name in English, for many (visits).")
    name_singular: str = Field(
        ..., description="Its English name for one (visit), or the name when it is the same."
    )
    name_zh: str = Field(..., description="Its Chinese name (访问), or an empty string.")
    measure_word: str = Field(
        ...,
        description="The Chinese measure word written between a number and the name "
        "(次: 250万次访问), or an empty string (元, 千克).",
    )
    kind: FigureKind = Field(..., description="What its figures measure: a kind code.")
    outcome: bool = Field(
        ...,
        description="True for money and goods, whose figures may say what kind of outcome "
        "they are (donations or sales).",
    )

    @staticmethod
    def resolve_name_singular(unit):
        return unit.name_singular or unit.name

    @staticmethod
    def resolve_outcome(unit):
        return unit.is_outcome


class SourceOut(Schema):
    """A document facts come from."""

    slug: str = Field(..., description="The source's identifier.")
    title: str = Field(..., description="Its title.")
    title_zh: str = Field(..., description="Its Chinese title, or an empty string.")
    publisher: str = Field(..., description="Who published it, or an empty string.")
    author: str = Field(..., description="Who wrote it, or an empty string.")
    published_on: datetime.date | None = Field(
        ..., description="When it was published; read with published_precision."
    )
    published_precision: DatePrecision = Field(..., description="year, month or day.")
    url: str = Field(..., description="Its address on the web, or an empty string.")
    language: Language = Field(..., description="The language it is written in.")
    kind: SourceKind = Field(..., description="What sort of document it is.")
    cited_by: str | None = Field(
        ..., description="The slug of the source whose numbered reference list cites it."
    )
    reference_number: int | None = Field(
        ..., description="Its number in that reference list, e.g. 5 for [5]."
    )
    page_url: str = Field(..., description="Its page in the catalogue.")

    @staticmethod
    def resolve_cited_by(source):
        return slug_or_none(source.cited_by)

    resolve_page_url = staticmethod(records.page_url)


FigureOut = records.api_schema("FigureOut", "A figure with its source.", records.FIGURE)

CampaignOut = records.api_schema(
    "CampaignOut",
    "A published case study (read from a campaign fetched with ``for_api()``).",
    records.CAMPAIGN,
)


class CampaignDetailOut(CampaignOut):
    """A published case study with its description, figures and sources."""

    description: str = Field(..., description="The case study in the catalogue's own words.")
    description_zh: str = Field(..., description="The description in Chinese, or empty.")
    figures: list[FigureOut] = Field(..., description="Its figures, each with its source.")
    sources: list[SourceOut] = Field(..., description="The documents it is drawn from.")
    evidence: list[evidence_records.EvidenceOut] = Field(
        ..., description="The source's words behind its sentences, in reading order."
    )

    @staticmethod
    def resolve_figures(campaign):
        return campaign.figures.select_related("platform", "organisation", "source")

    @staticmethod
    def resolve_sources(campaign):
        return campaign.sources.select_related("cited_by").order_by("slug")

    resolve_evidence = staticmethod(evidence_records.evidence_items)


class OrganisationOut(Schema):
    """An organisation or person in published content."""

    slug: str = Field(..., description="The organisation's identifier.")
    name: str = Field(..., description="Its name in English.")
    name_zh: str = Field(..., description="Its name in Chinese, or an empty string.")
    kind: OrganisationKind = Field(..., description="What sort of body it is.")
    country: str = Field(..., description="ISO 3166-1 alpha-2 code, or an empty string.")
    website: str = Field(..., description="Its website, or an empty string.")
    description: str = Field(..., description="A description, or an empty string.")
    description_zh: str = Field(..., description="The description in Chinese, or empty.")
    page_url: str = Field(..., description="Its page in the catalogue.")

    resolve_country = staticmethod(country_code)
    resolve_page_url = staticmethod(records.page_url)


class OrganisationDetailOut(OrganisationOut):
    """An organisation with its published campaigns and the figures about it."""

    campaigns: list[str] = Field(
        ..., description="Slugs of the published campaigns it took part in."
    )
    figures: list[FigureOut] = Field(
        ...,
        description="Figures about the organisation: about it alone, and the outcomes of cases "
        "attributed to it.",
    )
    evidence: list[evidence_records.DescriptionEvidenceOut] = Field(
        ..., description="The source's words behind its description's sentences."
    )

    resolve_evidence = staticmethod(evidence_records.description_evidence_items)

    @staticmethod
    def resolve_campaigns(organisation):
        campaigns = Campaign.objects.public().with_organisation(organisation.slug)
        return list(campaigns.order_by("slug").values_list("slug", flat=True))

    @staticmethod
    def resolve_figures(organisation):
        return Figure.objects.public().for_listing().about(organisation).order_by("key")


class PlatformOut(Schema):
    """A platform campaigns run on."""

    slug: str = Field(..., description="The platform's identifier.")
    name: str = Field(..., description="Its name in English.")
    name_zh: str = Field(..., description="Its name in Chinese, or an empty string.")
    kind: PlatformKind = Field(..., description="What the platform mainly does.")
    operator: str | None = Field(..., description="The slug of the organisation that runs it.")
    operator_assumed: bool = Field(
        ..., description="True when the sources do not say who runs it: our inference."
    )
    country: str = Field(..., description="ISO 3166-1 alpha-2 code, or an empty string.")
    website: str = Field(..., description="Its website, or an empty string.")
    description: str = Field(..., description="A description, or an empty string.")
    page_url: str = Field(..., description="Its page in the catalogue.")

    @staticmethod
    def resolve_operator(platform):
        return slug_or_none(platform.operator)

    resolve_country = staticmethod(country_code)
    resolve_page_url = staticmethod(records.page_url)


class PlatformDetailOut(PlatformOut):
    """A platform with its published campaigns and the figures about it."""

    campaigns: list[str] = Field(..., description="Slugs of the published campaigns on it.")
    figures: list[FigureOut] = Field(
        ...,
        description="Figures about the platform: about it alone, and the outcomes of cases "
        "attributed to it.",
    )
    evidence: list[evidence_records.DescriptionEvidenceOut] = Field(
        ..., description="The source's words behind its description's sentences."
    )

    resolve_evidence = staticmethod(evidence_records.description_evidence_items)

    @staticmethod
    def resolve_campaigns(platform):
        campaigns = Campaign.objects.public().on_platforms([platform.slug])
        return list(campaigns.order_by("slug").values_list("slug", flat=True))

    @staticmethod
    def resolve_figures(platform):
        return Figure.objects.public().for_listing().about(platform).order_by("key")


class SourceDetailOut(SourceOut):
    """A source with the published campaigns citing it and its numbered references."""

    campaigns: list[str] = Field(..., description="Slugs of the published campaigns citing it.")
    references: list[str] = Field(..., description="Slugs of its numbered references, in order.")

    @staticmethod
    def resolve_campaigns(source):
        campaigns = Campaign.objects.public().citing(source)
        return list(campaigns.order_by("slug").values_list("slug", flat=True))

    @staticmethod
    def resolve_references(source):
        references = source.references.order_by("reference_number")
        return list(references.values_list("slug", flat=True))
