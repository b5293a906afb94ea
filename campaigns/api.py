"""
The read-only JSON API under /api/, built with django-ninja.

Published content only; every list is paginated with ``limit`` (at most ``MAX_LIMIT``) and
``offset``; every field is named and described in the OpenAPI schema at /api/openapi.json and
the docs at /api/docs (Swagger UI served from the bundled static files, no CDN). A parameter
of the wrong type or outside its range is answered 422 with a JSON explanation, an unknown
slug or key 404. 200 responses carry ETag and Last-Modified and answer conditional GETs with
304; errors carry neither and are never a 304 (``conditional.py``).

The lists take the site's own filters (the filter forms in ``filters.py``, which combine the
models' QuerySet methods), so a filtered page, its download and the API always agree. Items
are model instances; the schemas below say how each field is read from them.
"""

import datetime
import functools
from typing import Annotated, Any

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import URLPattern
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.decorators import decorate_view
from ninja.openapi.docs import Swagger
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.renderers import JSONRenderer
from pydantic import ConfigDict, StringConstraints

from . import records
from .caching import cached_page
from .downloads import LICENCE_NOTE
from .filters import FIRST_YEAR, LAST_YEAR, MAX_QUERY_LENGTH, CampaignQuery, FigureQuery
from .methods import allow_methods
from .models import (
    Approach,
    Campaign,
    CampaignSort,
    Cause,
    DatePrecision,
    Figure,
    FigureKind,
    FigureSort,
    FigureSubject,
    Language,
    Organisation,
    OrganisationKind,
    Platform,
    PlatformKind,
    ScopeFilter,
    Source,
    SourceKind,
    Tag,
    Unit,
    slug_rule,
)
from .ratelimits import rate_limited
from .security import API_DOCS_HEADER, with_policy

MAX_LIMIT = 100
"""The most items one page of a list holds."""

DEFAULT_LIMIT = 20
"""The items a page holds when ``limit`` is not given."""

MAX_OFFSET = 1_000_000
"""The furthest a list can be paged into (far beyond the catalogue's size)."""

COUNTRY_PATTERN = r"^[A-Za-z]{2}$"
"""An ISO 3166-1 alpha-2 country code."""

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


# --------------------------------------------------------------------------- the API


class ReadableJSONRenderer(JSONRenderer):
    """JSON with Chinese written as itself rather than as \\u escapes."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="Social Media for Social Good API",
    version="1",
    description=(
        "Read-only access to the published catalogue of social media for social good case "
        "studies: campaigns, the figures that measure them, the sources that state those "
        "figures, and the organisations and platforms involved. Codes (cause, approach, role, "
        "unit, kind, qualifier, precision) are explained on the codebook page at /data/. "
        f"{LICENCE_NOTE}"
    ),
    urls_namespace="api",
    renderer=ReadableJSONRenderer(),
    docs=Swagger(settings={"validatorUrl": None, "defaultModelsExpandDepth": 0}),
)

READ_METHODS = ("GET", "HEAD")
"""The methods the API answers: it is read-only."""


def refuse_in_json(request, allowed):
    """The API's 405: JSON, with the Allow header."""
    refusal = JsonResponse(
        {"detail": f"The API is read-only: use GET or HEAD, not {request.method}."}, status=405
    )
    refusal["Allow"] = ", ".join(allowed)
    return refusal


def head_as_get(view):
    """Run HEAD as GET: django-ninja routes only the methods an operation declares, and
    declaring HEAD beside GET would list every endpoint twice in the OpenAPI schema; the
    server drops the body as it does for every Django view."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "HEAD":
            return view(request, *args, **kwargs)
        request.method = "GET"
        try:
            return view(request, *args, **kwargs)
        finally:
            request.method = "HEAD"

    return wrapper


def read_only_urls(ninja_api):
    """``ninja_api.urls`` (for ``include``), every address answering only GET and HEAD (any
    other method: a JSON 405), and the docs with their own security policy."""
    patterns, app_name, namespace = ninja_api.urls
    read_only = allow_methods(*READ_METHODS, refuse=refuse_in_json)
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            view = read_only(head_as_get(pattern.callback))
            # Safe: every method CSRF guards is refused first, as JSON rather than a 403.
            view.csrf_exempt = True
            if pattern.name in ("openapi-json", "openapi-view"):  # the endpoints limit their own
                view = rate_limited("api")(view)
            if pattern.name == "openapi-view":
                view = with_policy(API_DOCS_HEADER)(view)
            pattern.callback = view
    return patterns, app_name, namespace


class CataloguePagination(LimitOffsetPagination):
    """ninja's limit/offset pagination, answering with the page's limit and offset too."""

    class Input(Schema):
        limit: int = Field(
            DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Items per page, 1 to {MAX_LIMIT}."
        )
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="How many items to skip.")

    class Output(Schema):
        # ninja gives each list a page schema of its own, whose ``items`` lose the description
        # given here; the schema's own hook writes it back into each page's JSON schema.
        model_config = ConfigDict(
            json_schema_extra=lambda schema, model: schema["properties"]["items"].setdefault(
                "description", "This page's items."
            )
        )

        count: int = Field(..., description="How many items the whole list holds.")
        limit: int = Field(..., description="The page size used.")
        offset: int = Field(..., description="How many items were skipped.")
        items: list[Any] = Field(..., description="This page's items.")

    def __init__(self, **kwargs):
        super().__init__(max_limit=MAX_LIMIT, **kwargs)

    def paginate_queryset(self, queryset, pagination, request, **params):
        """One page of ``queryset`` with the list's count, limit and offset."""
        page = super().paginate_queryset(queryset, pagination, request, **params)
        return {**page, "limit": pagination.limit, "offset": pagination.offset}


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
        None, description="Platform slugs; a campaign on any of them matches."
    )
    organisation: OrganisationSlug = Field(None, description="An organisation slug.")
    cause: Cause = Field(None, description="A cause code.")
    approach: Approach = Field(None, description="An approach code.")
    country: str = Field(
        None, description="An ISO 3166-1 alpha-2 country code, e.g. CN.", pattern=COUNTRY_PATTERN
    )
    tag: TagSlug = Field(None, description="A tag slug (Chinese tags have Chinese slugs).")
    year_from: int = Field(
        None, ge=FIRST_YEAR, le=LAST_YEAR, description="Started in or after this year."
    )
    year_to: int = Field(
        None, ge=FIRST_YEAR, le=LAST_YEAR, description="Started in or before this year."
    )
    scope: ScopeFilter = Field(
        None,
        description="Which cases: social_good (the default: cases serving a public cause), all "
        "(with the commercial or marketing campaigns a source lists beside them), or commercial "
        "(those alone).",
    )
    sort: CampaignSort = Field(
        None, description="Order: best match for a search, else newest first, by default."
    )


class FigureFilters(Schema):
    """The figures table's filters, as on the site's figures page, plus a campaign."""

    kind: FigureKind = Field(None, description="A kind code.")
    unit: Unit = Field(None, description="A unit code.")
    about: FigureSubject = Field(
        None,
        description="What the figures are about: case outcomes (cases), platforms and "
        "organisations (platforms), or the whole sector (sector).",
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
        country=filters.country or "",
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
        platforms=tuple(filters.platform or ()),
        cause=filters.cause or "",
        year=filters.year,
        campaign=filters.campaign or "",
        sort=filters.sort or "",
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
    "A published case study (read from a campaign fetched with ``for_download()``).",
    records.CAMPAIGN,
)


class CampaignDetailOut(CampaignOut):
    """A published case study with its description, figures and sources."""

    description: str = Field(..., description="The case study in the catalogue's own words.")
    description_zh: str = Field(..., description="The description in Chinese, or empty.")
    figures: list[FigureOut] = Field(..., description="Its figures, each with its source.")
    sources: list[SourceOut] = Field(..., description="The documents it is drawn from.")

    @staticmethod
    def resolve_figures(campaign):
        return campaign.figures.select_related("platform", "organisation", "source")

    @staticmethod
    def resolve_sources(campaign):
        return campaign.sources.select_related("cited_by").order_by("slug")


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

    @staticmethod
    def resolve_campaigns(organisation):
        campaigns = Campaign.objects.public().with_participant(organisation.slug)
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


# --------------------------------------------------------------------------- endpoints

LIST_ERRORS = {422: Error}
ITEM_ERRORS = {404: Error, 422: Error}
catalogue_answer = decorate_view(rate_limited("api"), cached_page)
"""Every endpoint's policy: served from the page cache (with the catalogue's validators), and
limited per address, counting only answers worked out (ninja wraps in the order given: the
last is outermost)."""


@api.get(
    "/campaigns",
    response={200: list[CampaignOut], **LIST_ERRORS},
    tags=["campaigns"],
    summary="List published campaigns",
)
@catalogue_answer
@paginate(CataloguePagination)
def list_campaigns(request, filters: Query[CampaignFilters]):
    """Published campaigns, filtered and searched as on the site's list page."""
    return campaign_query(filters).apply(Campaign.objects.public().for_download())


@api.get(
    "/campaigns/{slug}",
    response={200: CampaignDetailOut, **ITEM_ERRORS},
    tags=["campaigns"],
    summary="One published campaign with its figures and sources",
)
@catalogue_answer
def get_campaign(request, slug: Annotated[CampaignSlug, Path()]):
    """A published campaign with its participants, figures and sources."""
    return get_object_or_404(Campaign.objects.public().for_download(), slug=slug)


@api.get(
    "/figures",
    response={200: list[FigureOut], **LIST_ERRORS},
    tags=["figures"],
    summary="List public figures",
)
@catalogue_answer
@paginate(CataloguePagination)
def list_figures(request, filters: Query[FigureFilters]):
    """Figures of published campaigns and about platforms, organisations and the sector."""
    return figure_query(filters).apply(Figure.objects.public().for_listing())


@api.get(
    "/figures/{key}",
    response={200: FigureOut, **ITEM_ERRORS},
    tags=["figures"],
    summary="One public figure",
)
@catalogue_answer
def get_figure(request, key: Annotated[FigureKey, Path()]):
    """A public figure with its source."""
    return get_object_or_404(Figure.objects.public().for_listing(), key=key)


@api.get(
    "/organisations",
    response={200: list[OrganisationOut], **LIST_ERRORS},
    tags=["organisations"],
    summary="List organisations in published content",
)
@catalogue_answer
@paginate(CataloguePagination)
def list_organisations(request):
    """Organisations the site shows (taking part in published campaigns, running a public
    platform, or described by public figures); in slug order."""
    return Organisation.objects.public().order_by("slug")


@api.get(
    "/organisations/{slug}",
    response={200: OrganisationDetailOut, **ITEM_ERRORS},
    tags=["organisations"],
    summary="One organisation",
)
@catalogue_answer
def get_organisation(request, slug: Annotated[OrganisationSlug, Path()]):
    """An organisation with its published campaigns and the figures about it."""
    return get_object_or_404(Organisation.objects.public(), slug=slug)


@api.get(
    "/platforms",
    response={200: list[PlatformOut], **LIST_ERRORS},
    tags=["platforms"],
    summary="List platforms in published content",
)
@catalogue_answer
@paginate(CataloguePagination)
def list_platforms(request):
    """Platforms a published campaign ran on or a public figure is about, as the site shows
    them; in slug order."""
    return Platform.objects.public().select_related("operator").order_by("slug")


@api.get(
    "/platforms/{slug}",
    response={200: PlatformDetailOut, **ITEM_ERRORS},
    tags=["platforms"],
    summary="One platform",
)
@catalogue_answer
def get_platform(request, slug: Annotated[PlatformSlug, Path()]):
    """A platform with its published campaigns and the figures about it."""
    return get_object_or_404(Platform.objects.public().select_related("operator"), slug=slug)


@api.get(
    "/sources",
    response={200: list[SourceOut], **LIST_ERRORS},
    tags=["sources"],
    summary="List sources of published content",
)
@catalogue_answer
@paginate(CataloguePagination)
def list_sources(request):
    """Documents behind published content, with their numbered references, as the site shows
    them; in slug order."""
    return Source.objects.public().select_related("cited_by").order_by("slug")


@api.get(
    "/sources/{slug}",
    response={200: SourceDetailOut, **ITEM_ERRORS},
    tags=["sources"],
    summary="One source",
)
@catalogue_answer
def get_source(request, slug: Annotated[SourceSlug, Path()]):
    """A source with the published campaigns citing it and its numbered references."""
    return get_object_or_404(Source.objects.public().select_related("cited_by"), slug=slug)


urls = read_only_urls(api)
"""The API's addresses, for ``include`` under /api/."""
