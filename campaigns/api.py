"""
The read-only JSON API under /api/, built with django-ninja.

Published content only; every list is paginated with ``limit`` (at most ``MAX_LIMIT``) and
``offset``; every field is named and described in the OpenAPI schema at /api/openapi.json and
the docs at /api/docs (Swagger UI served from the bundled static files, no CDN). A parameter
of the wrong type or outside its range is answered 422 with a JSON explanation, an unknown
slug or key 404. Responses carry ETag and Last-Modified and answer conditional GETs with 304.
"""

import datetime
import functools
from enum import Enum, StrEnum
from typing import Annotated, Any

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import URLPattern
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.decorators import decorate_view
from ninja.openapi.docs import Swagger
from ninja.renderers import JSONRenderer
from pydantic import StringConstraints

from . import exports
from .filters import FIRST_YEAR as EARLIEST_YEAR
from .filters import LAST_YEAR as LATEST_YEAR
from .filters import MAX_QUERY_LENGTH, CampaignFilterForm, FigureFilterForm
from .models import (
    Approach,
    Cause,
    DatePrecision,
    FigureKind,
    Language,
    Organisation,
    OrganisationKind,
    Platform,
    PlatformKind,
    Qualifier,
    Role,
    Source,
    SourceKind,
    Unit,
)

MAX_LIMIT = 100
"""The most items one page of a list holds."""

DEFAULT_LIMIT = 20
"""The items a page holds when ``limit`` is not given."""

MAX_OFFSET = 1_000_000
"""The furthest a list can be paged into (far beyond the catalogue's size)."""

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
"""What a slug or figure key looks like."""

COUNTRY_PATTERN = r"^[A-Za-z]{2}$"
"""An ISO 3166-1 alpha-2 country code."""

TEXT_PATTERN = r"^[^\x00-\x1f\x7f]*$"
"""Free text in a query parameter: anything but control characters."""


class ReadableJSONRenderer(JSONRenderer):
    """JSON with Chinese written as itself rather than as \\u escapes."""

    json_dumps_params = {"ensure_ascii": False}


READ_METHODS = ("GET", "HEAD")
"""The methods the API answers: it is read-only."""


def answer_head_and_refuse_writes_in_json(view):
    """The view, answering HEAD as GET and any method but GET and HEAD with a JSON 405.

    django-ninja routes only the methods an operation declares, and declaring HEAD beside GET
    would list every endpoint twice in the OpenAPI schema; so HEAD is run here as GET, and the
    server drops the body as it does for every Django view.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in READ_METHODS:
            refusal = JsonResponse(
                {"detail": f"The API is read-only: use GET or HEAD, not {request.method}."},
                status=405,
            )
            refusal["Allow"] = ", ".join(READ_METHODS)
            return refusal
        if request.method == "GET":
            return view(request, *args, **kwargs)
        request.method = "GET"
        try:
            return view(request, *args, **kwargs)
        finally:
            request.method = "HEAD"

    # Safe: every method CSRF guards is refused above, so the refusal is JSON rather than a 403.
    wrapper.csrf_exempt = True
    return wrapper


class ReadOnlyAPI(NinjaAPI):
    """A NinjaAPI whose GET endpoints answer HEAD too and whose refusals of a method are JSON."""

    def _get_urls(self):
        urls = super()._get_urls()
        for pattern in urls:
            if isinstance(pattern, URLPattern):
                pattern.callback = answer_head_and_refuse_writes_in_json(pattern.callback)
        return urls


api = ReadOnlyAPI(
    title="socialgood catalogue API",
    version="1",
    description=(
        "Read-only access to the published catalogue of social media for social good case "
        "studies: campaigns, the figures that measure them, the sources that state those "
        "figures, and the organisations and platforms involved. Codes (cause, approach, role, "
        "unit, kind, qualifier, precision) are explained on the codebook page at /data/. "
        f"{exports.LICENCE_NOTE}"
    ),
    urls_namespace="api",
    renderer=ReadableJSONRenderer(),
    docs=Swagger(settings={"validatorUrl": None, "defaultModelsExpandDepth": 0}),
)


def choice_enum(name, choices):
    """An Enum of a model choice class's codes, so the schema lists them."""
    return Enum(name, {member.name: member.value for member in choices}, type=str)


CauseCode = choice_enum("Cause", Cause)
ApproachCode = choice_enum("Approach", Approach)
RoleCode = choice_enum("Role", Role)
UnitCode = choice_enum("Unit", Unit)
KindCode = choice_enum("FigureKind", FigureKind)
QualifierCode = choice_enum("Qualifier", Qualifier)
PrecisionCode = choice_enum("DatePrecision", DatePrecision)
LanguageCode = choice_enum("Language", Language)
SourceKindCode = choice_enum("SourceKind", SourceKind)
OrganisationKindCode = choice_enum("OrganisationKind", OrganisationKind)
PlatformKindCode = choice_enum("PlatformKind", PlatformKind)


class CampaignSortCode(StrEnum):
    relevance = "relevance"
    newest = "newest"
    oldest = "oldest"
    title = "title"
    figures = "figures"


class FigureSortCode(StrEnum):
    newest = "newest"
    oldest = "oldest"
    largest = "largest"
    smallest = "smallest"
    label = "label"


# --------------------------------------------------------------------------- parameters


SlugText = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=120)]
"""A slug in a list parameter."""


class PageParams(Schema):
    """Which slice of a list to return."""

    limit: int = Field(
        DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Items per page, 1 to {MAX_LIMIT}."
    )
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="How many items to skip.")


class CampaignFilters(Schema):
    """The campaign list's filters and search, as on the site's list page."""

    q: str = Field(
        None,
        max_length=MAX_QUERY_LENGTH,
        pattern=TEXT_PATTERN,
        description="Words to search for in titles, summaries, descriptions, tags, platforms "
        "and participants (English or Chinese).",
    )
    platform: list[SlugText] = Field(
        None, description="Platform slugs; a campaign on any of them matches."
    )
    organisation: str = Field(
        None, description="An organisation slug.", pattern=SLUG_PATTERN, max_length=120
    )
    cause: CauseCode = Field(None, description="A cause code.")
    approach: ApproachCode = Field(None, description="An approach code.")
    country: str = Field(
        None, description="An ISO 3166-1 alpha-2 country code, e.g. CN.", pattern=COUNTRY_PATTERN
    )
    tag: str = Field(None, description="A tag slug.", pattern=SLUG_PATTERN, max_length=120)
    year_from: int = Field(
        None, ge=EARLIEST_YEAR, le=LATEST_YEAR, description="Started in or after this year."
    )
    year_to: int = Field(
        None, ge=EARLIEST_YEAR, le=LATEST_YEAR, description="Started in or before this year."
    )
    sort: CampaignSortCode = Field(
        None, description="Order: best match for a search, else newest first, by default."
    )


class FigureFilters(Schema):
    """The figures table's filters, as on the site's figures page, plus a campaign."""

    kind: KindCode = Field(None, description="A kind code.")
    unit: UnitCode = Field(None, description="A unit code.")
    platform: list[SlugText] = Field(
        None, description="Platform slugs: figures about them or about campaigns on them."
    )
    cause: CauseCode = Field(None, description="The cause code of the figure's campaign.")
    year: int = Field(
        None,
        ge=EARLIEST_YEAR,
        le=LATEST_YEAR,
        description="The figure's as-of year (or its campaign's start year when it has none).",
    )
    campaign: str = Field(
        None,
        description="Only the figures of this campaign (a slug).",
        pattern=SLUG_PATTERN,
        max_length=120,
    )
    sort: FigureSortCode = Field(None, description="Order; newest first by default.")


# --------------------------------------------------------------------------- schemas


class Error(Schema):
    """What went wrong."""

    detail: str | list[dict[str, Any]] = Field(
        ..., description="A message, or one entry per invalid parameter."
    )


class PlatformRef(Schema):
    slug: str = Field(..., description="The platform's identifier.")
    name: str = Field(..., description="Its name in English.")
    name_zh: str = Field(..., description="Its name in Chinese, or an empty string.")


class TagRef(Schema):
    slug: str = Field(
        ..., description="The tag's identifier, as the campaigns' tag filter takes it."
    )
    name: str = Field(..., description="Its name in English.")
    name_zh: str = Field(..., description="Its name in Chinese, or an empty string.")


class ParticipantOut(Schema):
    organisation: str = Field(..., description="The organisation's slug.")
    name: str = Field(..., description="Its name in English.")
    name_zh: str = Field(..., description="Its name in Chinese, or an empty string.")
    role: RoleCode = Field(..., description="The part it played: a role code.")
    note: str = Field(..., description="A note on its part, or an empty string.")


class SourceOut(Schema):
    slug: str = Field(..., description="The source's identifier.")
    title: str = Field(..., description="Its title.")
    title_zh: str = Field(..., description="Its Chinese title, or an empty string.")
    publisher: str = Field(..., description="Who published it, or an empty string.")
    author: str = Field(..., description="Who wrote it, or an empty string.")
    published_on: datetime.date | None = Field(
        ..., description="When it was published; read with published_precision."
    )
    published_precision: PrecisionCode = Field(..., description="year, month or day.")
    url: str = Field(..., description="Its address on the web, or an empty string.")
    language: LanguageCode = Field(..., description="The language it is written in.")
    kind: SourceKindCode = Field(..., description="What sort of document it is.")
    cited_by: str | None = Field(
        ..., description="The slug of the source whose numbered reference list cites it."
    )
    reference_number: int | None = Field(
        ..., description="Its number in that reference list, e.g. 5 for [5]."
    )
    page_url: str = Field(..., description="Its page in the catalogue.")


class FigureOut(Schema):
    key: str = Field(..., description="The figure's identifier.")
    label: str = Field(..., description="What it counts, in English.")
    label_zh: str = Field(..., description="What it counts, in Chinese, or an empty string.")
    value: int | float = Field(
        ..., description="The absolute number: 110 million is 110000000, 5.36% is 5.36."
    )
    unit: UnitCode = Field(..., description="The unit the value is counted in.")
    kind: KindCode = Field(..., description="What the figure measures.")
    qualifier: QualifierCode = Field(..., description="How exact it is, as the source states.")
    stated_as: str = Field(..., description="The figure exactly as the source writes it.")
    period: str = Field(..., description="The period it covers, or an empty string.")
    as_of: datetime.date | None = Field(..., description="When it was true.")
    as_of_precision: PrecisionCode | None = Field(
        ..., description="How much of as_of is known; null when as_of is."
    )
    campaign: str | None = Field(..., description="The slug of its campaign, if any.")
    platform: str | None = Field(
        ..., description="The slug of the platform it describes, when not a campaign's outcome."
    )
    organisation: str | None = Field(
        ..., description="The slug of the organisation it describes, when not a campaign's."
    )
    source: str = Field(..., description="The slug of the document that states it.")
    source_title: str = Field(..., description="That document's title.")
    source_url: str = Field(..., description="That document's address, or an empty string.")


class CampaignOut(Schema):
    slug: str = Field(..., description="The case study's identifier.")
    title: str = Field(..., description="Its title in English.")
    title_zh: str = Field(..., description="Its title in Chinese, or an empty string.")
    summary: str = Field(..., description="One or two sentences in the catalogue's own words.")
    start_date: datetime.date | None = Field(..., description="When it started.")
    start_precision: PrecisionCode | None = Field(
        ..., description="How much of start_date is known; null when start_date is."
    )
    end_date: datetime.date | None = Field(..., description="When it ended.")
    end_precision: PrecisionCode | None = Field(
        ..., description="How much of end_date is known; null when end_date is."
    )
    location: str = Field(..., description="Where it took place, or an empty string.")
    country: str = Field(..., description="ISO 3166-1 alpha-2 code, or an empty string.")
    cause: CauseCode = Field(..., description="The public cause it served.")
    approach: ApproachCode = Field(..., description="How it used social media.")
    platforms: list[PlatformRef] = Field(..., description="The platforms it ran on.")
    participants: list[ParticipantOut] = Field(..., description="Who took part, and how.")
    tags: list[TagRef] = Field(..., description="Its tags, by English name.")
    figure_count: int = Field(..., description="How many figures the catalogue records for it.")
    featured: bool = Field(..., description="Whether the catalogue features it.")
    published_at: datetime.datetime | None = Field(..., description="When it was published.")
    page_url: str = Field(..., description="Its page in the catalogue.")


class CampaignDetailOut(CampaignOut):
    description: str = Field(..., description="The case study in the catalogue's own words.")
    figures: list[FigureOut] = Field(..., description="Its figures, each with its source.")
    sources: list[SourceOut] = Field(..., description="The documents it is drawn from.")


class OrganisationOut(Schema):
    slug: str = Field(..., description="The organisation's identifier.")
    name: str = Field(..., description="Its name in English.")
    name_zh: str = Field(..., description="Its name in Chinese, or an empty string.")
    kind: OrganisationKindCode = Field(..., description="What sort of body it is.")
    country: str = Field(..., description="ISO 3166-1 alpha-2 code, or an empty string.")
    website: str = Field(..., description="Its website, or an empty string.")
    description: str = Field(..., description="A description, or an empty string.")
    page_url: str = Field(..., description="Its page in the catalogue.")


class OrganisationDetailOut(OrganisationOut):
    campaigns: list[str] = Field(
        ..., description="Slugs of the published campaigns it took part in."
    )
    figures: list[FigureOut] = Field(..., description="Figures about the organisation itself.")


class PlatformOut(Schema):
    slug: str = Field(..., description="The platform's identifier.")
    name: str = Field(..., description="Its name in English.")
    name_zh: str = Field(..., description="Its name in Chinese, or an empty string.")
    kind: PlatformKindCode = Field(..., description="What the platform mainly does.")
    operator: str | None = Field(..., description="The slug of the organisation that runs it.")
    country: str = Field(..., description="ISO 3166-1 alpha-2 code, or an empty string.")
    website: str = Field(..., description="Its website, or an empty string.")
    description: str = Field(..., description="A description, or an empty string.")
    page_url: str = Field(..., description="Its page in the catalogue.")


class PlatformDetailOut(PlatformOut):
    campaigns: list[str] = Field(..., description="Slugs of the published campaigns on it.")
    figures: list[FigureOut] = Field(..., description="Figures about the platform itself.")


class SourceDetailOut(SourceOut):
    campaigns: list[str] = Field(..., description="Slugs of the published campaigns citing it.")
    references: list[str] = Field(..., description="Slugs of its numbered references, in order.")


def page_of(item_schema, name):
    """A page schema for a list of ``item_schema``."""
    return type(
        name,
        (Schema,),
        {
            "__annotations__": {
                "count": int,
                "limit": int,
                "offset": int,
                "items": list[item_schema],
            },
            "count": Field(..., description="How many items the whole list holds."),
            "limit": Field(..., description="The page size used."),
            "offset": Field(..., description="How many items were skipped."),
            "items": Field(..., description="This page's items."),
            "__doc__": f"One page of a list of {item_schema.__name__}.",
        },
    )


CampaignPage = page_of(CampaignOut, "CampaignPage")
FigurePage = page_of(FigureOut, "FigurePage")
OrganisationPage = page_of(OrganisationOut, "OrganisationPage")
PlatformPage = page_of(PlatformOut, "PlatformPage")
SourcePage = page_of(SourceOut, "SourcePage")


# --------------------------------------------------------------------------- serialising


def platform_ref(platform):
    return {"slug": platform.slug, "name": platform.name, "name_zh": platform.name_zh}


def tag_ref(tag):
    return {"slug": tag.slug, "name": tag.name, "name_zh": tag.name_zh}


def figure_out(figure):
    return {
        "key": figure.key,
        "label": figure.label,
        "label_zh": figure.label_zh,
        "value": exports.json_number(figure.value),
        "unit": figure.unit,
        "kind": figure.kind,
        "qualifier": figure.qualifier,
        "stated_as": figure.stated_as,
        "period": figure.period,
        "as_of": figure.as_of,
        "as_of_precision": figure.as_of_precision if figure.as_of else None,
        "campaign": figure.campaign.slug if figure.campaign else None,
        "platform": figure.platform.slug if figure.platform else None,
        "organisation": figure.organisation.slug if figure.organisation else None,
        "source": figure.source.slug,
        "source_title": figure.source.title,
        "source_url": figure.source.url,
    }


def source_out(request, source):
    return {
        "slug": source.slug,
        "title": source.title,
        "title_zh": source.title_zh,
        "publisher": source.publisher,
        "author": source.author,
        "published_on": source.published_on,
        "published_precision": source.published_precision,
        "url": source.url,
        "language": source.language,
        "kind": source.kind,
        "cited_by": source.cited_by.slug if source.cited_by else None,
        "reference_number": source.reference_number,
        "page_url": request.build_absolute_uri(source.get_absolute_url()),
    }


def campaign_out(request, campaign):
    return {
        "slug": campaign.slug,
        "title": campaign.title,
        "title_zh": campaign.title_zh,
        "summary": campaign.summary,
        "start_date": campaign.start_date,
        "start_precision": campaign.start_precision if campaign.start_date else None,
        "end_date": campaign.end_date,
        "end_precision": campaign.end_precision if campaign.end_date else None,
        "location": campaign.location,
        "country": campaign.country.code or "",
        "cause": campaign.cause,
        "approach": campaign.approach,
        "platforms": [platform_ref(platform) for platform in campaign.platform_list],
        "participants": [
            {
                "organisation": p.organisation.slug,
                "name": p.organisation.name,
                "name_zh": p.organisation.name_zh,
                "role": p.role,
                "note": p.note,
            }
            for p in campaign.participations.all()
        ],
        "tags": [tag_ref(tag) for tag in sorted(campaign.tags.all(), key=lambda tag: tag.name)],
        "figure_count": campaign.figure_count,
        "featured": campaign.featured,
        "published_at": campaign.published_at,
        "page_url": request.build_absolute_uri(campaign.get_absolute_url()),
    }


def organisation_out(request, organisation):
    return {
        "slug": organisation.slug,
        "name": organisation.name,
        "name_zh": organisation.name_zh,
        "kind": organisation.kind,
        "country": organisation.country.code or "",
        "website": organisation.website,
        "description": organisation.description,
        "page_url": request.build_absolute_uri(organisation.get_absolute_url()),
    }


def platform_out(request, platform):
    return {
        "slug": platform.slug,
        "name": platform.name,
        "name_zh": platform.name_zh,
        "kind": platform.kind,
        "operator": platform.operator.slug if platform.operator else None,
        "country": platform.country.code or "",
        "website": platform.website,
        "description": platform.description,
        "page_url": request.build_absolute_uri(platform.get_absolute_url()),
    }


def page(queryset, params, serialise):
    """One page of ``queryset`` with the list's total count."""
    items = queryset[params.offset : params.offset + params.limit]
    return {
        "count": queryset.count(),
        "limit": params.limit,
        "offset": params.offset,
        "items": [serialise(item) for item in items],
    }


def filter_form_data(filters):
    """The API's filters as the query-string data the site's filter forms read."""
    data = {}
    for name, value in filters.dict(exclude_none=True).items():
        if isinstance(value, list):
            data[name] = [str(item) for item in value]
        else:
            data[name] = str(value.value if isinstance(value, Enum) else value)
    return data


def apply_filter_form(form_class, filters, queryset):
    """``queryset`` filtered as the site's list would be; a value the form does not know
    (a platform, organisation, tag or country no published case has) matches nothing."""
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for name, value in filter_form_data(filters).items():
        query.setlist(name, value if isinstance(value, list) else [value])
    form = form_class(data=query)
    if any(getattr(field, "rejected", []) for field in form.fields.values()):
        return queryset.none()
    return form.filter(queryset)


# --------------------------------------------------------------------------- endpoints

LIST_ERRORS = {422: Error}
ITEM_ERRORS = {404: Error, 422: Error}
conditional = decorate_view(exports.conditional)


@api.get(
    "/campaigns",
    response={200: CampaignPage, **LIST_ERRORS},
    tags=["campaigns"],
    summary="List published campaigns",
)
@conditional
def list_campaigns(request, filters: Query[CampaignFilters], paging: Query[PageParams]):
    """Published campaigns, filtered and searched as on the site's list page."""
    campaigns = apply_filter_form(CampaignFilterForm, filters, exports.campaign_rows())
    return page(campaigns, paging, lambda campaign: campaign_out(request, campaign))


@api.get(
    "/campaigns/{slug}",
    response={200: CampaignDetailOut, **ITEM_ERRORS},
    tags=["campaigns"],
    summary="One published campaign with its figures and sources",
)
@conditional
def get_campaign(request, slug: str = Path(..., pattern=SLUG_PATTERN, max_length=120)):
    """A published campaign with its participants, figures and sources."""
    campaign = get_object_or_404(exports.campaign_rows(), slug=slug)
    figures = campaign.figures.select_related("platform", "organisation", "source")
    return {
        **campaign_out(request, campaign),
        "description": campaign.description,
        "figures": [figure_out(_with_campaign(figure, campaign)) for figure in figures],
        "sources": [
            source_out(request, source)
            for source in campaign.sources.select_related("cited_by").order_by("slug")
        ],
    }


def _with_campaign(figure, campaign):
    figure.campaign = campaign
    return figure


@api.get(
    "/figures",
    response={200: FigurePage, **LIST_ERRORS},
    tags=["figures"],
    summary="List public figures",
)
@conditional
def list_figures(request, filters: Query[FigureFilters], paging: Query[PageParams]):
    """Figures of published campaigns and about platforms, organisations and the sector."""
    figures = exports.figure_rows()
    if filters.campaign:
        figures = figures.filter(campaign__slug=filters.campaign)
    figures = apply_filter_form(FigureFilterForm, filters, figures)
    return page(figures, paging, figure_out)


@api.get(
    "/figures/{key}",
    response={200: FigureOut, **ITEM_ERRORS},
    tags=["figures"],
    summary="One public figure",
)
@conditional
def get_figure(request, key: str = Path(..., pattern=SLUG_PATTERN, max_length=120)):
    """A public figure with its source."""
    return figure_out(get_object_or_404(exports.figure_rows(), key=key))


@api.get(
    "/organisations",
    response={200: OrganisationPage, **LIST_ERRORS},
    tags=["organisations"],
    summary="List organisations in published content",
)
@conditional
def list_organisations(request, paging: Query[PageParams]):
    """Organisations the site shows (taking part in published campaigns, running a platform, or
    described by public figures); in slug order."""
    organisations = Organisation.objects.public().order_by("slug")
    return page(organisations, paging, lambda item: organisation_out(request, item))


@api.get(
    "/organisations/{slug}",
    response={200: OrganisationDetailOut, **ITEM_ERRORS},
    tags=["organisations"],
    summary="One organisation",
)
@conditional
def get_organisation(request, slug: str = Path(..., pattern=SLUG_PATTERN, max_length=120)):
    """An organisation with its published campaigns and the figures about it."""
    organisation = get_object_or_404(Organisation.objects.public(), slug=slug)
    campaigns = (
        exports.campaign_rows()
        .filter(participations__organisation=organisation)
        .order_by("slug")
        .values_list("slug", flat=True)
        .distinct()
    )
    figures = exports.figure_rows().filter(organisation=organisation, campaign__isnull=True)
    return {
        **organisation_out(request, organisation),
        "campaigns": list(campaigns),
        "figures": [figure_out(figure) for figure in figures.order_by("key")],
    }


@api.get(
    "/platforms",
    response={200: PlatformPage, **LIST_ERRORS},
    tags=["platforms"],
    summary="List platforms",
)
@conditional
def list_platforms(request, paging: Query[PageParams]):
    """Every platform, as the site shows them; in slug order."""
    platforms = Platform.objects.select_related("operator").order_by("slug")
    return page(platforms, paging, lambda item: platform_out(request, item))


@api.get(
    "/platforms/{slug}",
    response={200: PlatformDetailOut, **ITEM_ERRORS},
    tags=["platforms"],
    summary="One platform",
)
@conditional
def get_platform(request, slug: str = Path(..., pattern=SLUG_PATTERN, max_length=120)):
    """A platform with its published campaigns and the figures about it."""
    platform = get_object_or_404(Platform.objects.select_related("operator"), slug=slug)
    campaigns = (
        exports.campaign_rows()
        .filter(platforms=platform)
        .order_by("slug")
        .values_list("slug", flat=True)
    )
    figures = exports.figure_rows().filter(platform=platform, campaign__isnull=True)
    return {
        **platform_out(request, platform),
        "campaigns": list(campaigns),
        "figures": [figure_out(figure) for figure in figures.order_by("key")],
    }


@api.get(
    "/sources",
    response={200: SourcePage, **LIST_ERRORS},
    tags=["sources"],
    summary="List sources of published content",
)
@conditional
def list_sources(request, paging: Query[PageParams]):
    """Documents behind published content, with their numbered references, as the site shows
    them; in slug order."""
    sources = Source.objects.public().select_related("cited_by").order_by("slug")
    return page(sources, paging, lambda item: source_out(request, item))


@api.get(
    "/sources/{slug}",
    response={200: SourceDetailOut, **ITEM_ERRORS},
    tags=["sources"],
    summary="One source",
)
@conditional
def get_source(request, slug: str = Path(..., pattern=SLUG_PATTERN, max_length=120)):
    """A source with the published campaigns citing it and its numbered references."""
    source = get_object_or_404(Source.objects.public().select_related("cited_by"), slug=slug)
    campaigns = (
        exports.campaign_rows()
        .filter(sources=source)
        .order_by("slug")
        .values_list("slug", flat=True)
    )
    references = source.references.order_by("reference_number").values_list("slug", flat=True)
    return {
        **source_out(request, source),
        "campaigns": list(campaigns),
        "references": list(references),
    }
