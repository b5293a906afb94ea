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

from django.http import JsonResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import URLPattern
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.decorators import decorate_view
from ninja.openapi.docs import Swagger
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.renderers import JSONRenderer
from pydantic import ConfigDict, StringConstraints

from .caching import cached_page
from .downloads import CAMPAIGN_COLUMNS, FIGURE_COLUMNS, LICENCE_NOTE
from .filters import FIRST_YEAR, LAST_YEAR, MAX_QUERY_LENGTH, CampaignFilterForm, FigureFilterForm
from .methods import allow_methods
from .models import (
    Approach,
    Campaign,
    CampaignSort,
    Cause,
    CaveatKind,
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
    Qualifier,
    Role,
    Scope,
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


def filtered(form_class, filters, queryset):
    """``queryset`` filtered as the site's list would be for these parameters; a value the form
    does not offer (a platform, organisation, tag or country no published campaign has)
    matches nothing."""
    query = QueryDict(mutable=True)
    for name, value in filters.dict(exclude_none=True).items():
        query.setlist(name, [str(item) for item in (value if isinstance(value, list) else [value])])
    form = form_class(data=query)
    if any(getattr(field, "rejected", []) for field in form.fields.values()):
        return queryset.none()
    return form.filter(queryset)


# --------------------------------------------------------------------------- schemas


def absolute_page_url(item, context):
    """The absolute address of an item's page on the site."""
    return context["request"].build_absolute_uri(item.get_absolute_url())


def as_in_download(columns, name):
    """A resolver reading a field as the download column ``name`` writes it in JSON."""
    column = next(column for column in columns if column.name == name)
    return staticmethod(lambda item: column.json(item, context=None))


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


class PlatformRef(Schema):
    """A platform named in another item."""

    slug: str = Field(..., description="The platform's identifier.")
    name: str = Field(..., description="Its name in English.")
    name_zh: str = Field(..., description="Its name in Chinese, or an empty string.")


class TagRef(Schema):
    """A tag on a campaign."""

    slug: str = Field(
        ..., description="The tag's identifier, as the campaigns' tag filter takes it."
    )
    name: str = Field(..., description="Its name in English.")
    name_zh: str = Field(..., description="Its name in Chinese, or an empty string.")


class ParticipantOut(Schema):
    """An organisation's part in a campaign (read from a participation)."""

    organisation: str = Field(..., description="The organisation's slug.")
    name: str = Field(..., description="Its name in English.")
    name_zh: str = Field(..., description="Its name in Chinese, or an empty string.")
    role: Role = Field(..., description="The part it played: a role code.")
    note: str = Field(..., description="A note on its part, or an empty string.")
    note_zh: str = Field(..., description="The note in Chinese, or an empty string.")
    assumed: bool = Field(
        ..., description="True when the sources do not state this part: it is our inference."
    )

    @staticmethod
    def resolve_organisation(participation):
        return participation.organisation.slug

    @staticmethod
    def resolve_name(participation):
        return participation.organisation.name

    @staticmethod
    def resolve_name_zh(participation):
        return participation.organisation.name_zh


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

    resolve_page_url = staticmethod(absolute_page_url)


class FigureOut(Schema):
    """A figure with its source."""

    key: str = Field(..., description="The figure's identifier.")
    label: str = Field(..., description="What it counts, in English.")
    label_zh: str = Field(..., description="What it counts, in Chinese, or an empty string.")
    value: int | float = Field(
        ..., description="The absolute number: 110 million is 110000000, 5.36% is 5.36."
    )
    unit: Unit = Field(..., description="The unit the value is counted in.")
    kind: FigureKind = Field(..., description="What the figure measures.")
    qualifier: Qualifier = Field(..., description="How exact it is, as the source states.")
    stated_as: str = Field(..., description="The figure exactly as the source writes it.")
    period: str = Field(..., description="The period it covers, or an empty string.")
    period_zh: str = Field(..., description="The period in Chinese, or an empty string.")
    as_of: datetime.date | None = Field(..., description="When it was true.")
    as_of_precision: DatePrecision | None = Field(
        ..., description="How much of as_of is known; null when as_of is."
    )
    caveat_kind: CaveatKind | None = Field(
        ...,
        description="Why to take care with it: derived (not stated as a number), unit_assumed, "
        "source_inconsistent or as_of_estimated; null when there is no such reason.",
    )
    caveat: str = Field(
        ..., description="What a reader citing it should know, in English, or an empty string."
    )
    caveat_zh: str = Field(..., description="The caveat in Chinese, or an empty string.")
    conversion_of: str | None = Field(
        ...,
        description="The key of the figure this one states again in another unit, as the "
        "source does (count it once, with that figure); null for a figure that is no conversion.",
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
    updated_at: datetime.datetime = Field(..., description="When the figure last changed.")

    # Read as the figures download writes them, so the API and the download always agree.
    resolve_value = as_in_download(FIGURE_COLUMNS, "value")
    resolve_as_of_precision = as_in_download(FIGURE_COLUMNS, "as_of_precision")
    resolve_conversion_of = as_in_download(FIGURE_COLUMNS, "conversion_of")
    resolve_caveat_kind = as_in_download(FIGURE_COLUMNS, "caveat_kind")
    resolve_campaign = as_in_download(FIGURE_COLUMNS, "campaign")
    resolve_platform = as_in_download(FIGURE_COLUMNS, "platform")
    resolve_organisation = as_in_download(FIGURE_COLUMNS, "organisation")
    resolve_source = as_in_download(FIGURE_COLUMNS, "source")
    resolve_source_title = as_in_download(FIGURE_COLUMNS, "source_title")
    resolve_source_url = as_in_download(FIGURE_COLUMNS, "source_url")


class CampaignOut(Schema):
    """A published case study (read from a campaign fetched with ``for_download()``)."""

    slug: str = Field(..., description="The case study's identifier.")
    title: str = Field(..., description="Its title in English.")
    title_zh: str = Field(..., description="Its title in Chinese, or an empty string.")
    summary: str = Field(..., description="One or two sentences in the catalogue's own words.")
    summary_zh: str = Field(..., description="The summary in Chinese, or an empty string.")
    start_date: datetime.date | None = Field(..., description="When it started.")
    start_precision: DatePrecision | None = Field(
        ..., description="How much of start_date is known; null when start_date is."
    )
    end_date: datetime.date | None = Field(..., description="When it ended.")
    end_precision: DatePrecision | None = Field(
        ..., description="How much of end_date is known; null when end_date is."
    )
    location: str = Field(..., description="Where it took place, or an empty string.")
    location_zh: str = Field(..., description="The place in Chinese, or an empty string.")
    country: str = Field(..., description="ISO 3166-1 alpha-2 code, or an empty string.")
    scope: Scope = Field(
        ...,
        description="social_good, or commercial: a commercial or marketing campaign a source "
        "lists beside social-good ones.",
    )
    cause: Cause = Field(..., description="The public cause it served.")
    approach: Approach = Field(..., description="How it used social media.")
    platforms: list[PlatformRef] = Field(..., description="The platforms it ran on.")
    participants: list[ParticipantOut] = Field(..., description="Who took part, and how.")
    tags: list[TagRef] = Field(..., description="Its tags, by English name.")
    figure_count: int = Field(..., description="How many figures the catalogue records for it.")
    featured: bool = Field(..., description="Whether the catalogue features it.")
    published_at: datetime.datetime | None = Field(..., description="When it was published.")
    updated_at: datetime.datetime = Field(
        ..., description="When it last changed (an edit, a correction, a new figure)."
    )
    page_url: str = Field(..., description="Its page in the catalogue.")

    resolve_start_precision = as_in_download(CAMPAIGN_COLUMNS, "start_precision")
    resolve_end_precision = as_in_download(CAMPAIGN_COLUMNS, "end_precision")
    resolve_country = as_in_download(CAMPAIGN_COLUMNS, "country")
    resolve_figure_count = as_in_download(CAMPAIGN_COLUMNS, "figure_count")

    @staticmethod
    def resolve_platforms(campaign):
        return campaign.platform_list

    @staticmethod
    def resolve_participants(campaign):
        return campaign.participations.all()

    @staticmethod
    def resolve_tags(campaign):
        return sorted(campaign.tags.all(), key=lambda tag: tag.name)

    resolve_page_url = staticmethod(absolute_page_url)


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
    resolve_page_url = staticmethod(absolute_page_url)


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
    resolve_page_url = staticmethod(absolute_page_url)


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
    campaigns = Campaign.objects.public().for_download()
    return filtered(CampaignFilterForm, filters, campaigns)


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
    figures = Figure.objects.public().for_listing()
    if filters.campaign:
        figures = figures.filter(campaign__slug=filters.campaign)
    return filtered(FigureFilterForm, filters, figures)


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
