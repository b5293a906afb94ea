"""The API's endpoints: each list and item, read-only, with one policy for all of them (the
page cache, the catalogue's validators and the API's rate limit)."""

from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Path, Query
from ninja.decorators import decorate_view
from ninja.pagination import paginate

from ..caching import cached_page
from ..maps import country_names
from ..models import (
    Campaign,
    CatalogueSummary,
    Figure,
    Organisation,
    Platform,
    Source,
)
from ..places import provinces
from ..ratelimits import rate_limited
from ..units import units
from ..views.campaigns import every_case_list
from .pagination import CataloguePagination, counted_already
from .parameters import (
    CampaignFilters,
    CampaignSlug,
    FigureFilters,
    FigureKey,
    OrganisationSlug,
    PlatformSlug,
    SourceSlug,
    campaign_query,
    figure_query,
)
from .schemas import (
    CampaignDetailOut,
    CampaignOut,
    Error,
    FigureOut,
    OrganisationDetailOut,
    OrganisationOut,
    PlacesOut,
    PlatformDetailOut,
    PlatformOut,
    SourceDetailOut,
    SourceOut,
    UnitOut,
)
from .site import api

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
    query = campaign_query(filters)
    if not query.narrowed:  # every case of its scope: as many as the summary counted
        counted_already(request, CatalogueSummary.current().in_scope(query.scope)[0])
    return query.apply(Campaign.objects.public().for_api())


@api.get(
    "/campaigns/{slug}",
    response={200: CampaignDetailOut, **ITEM_ERRORS},
    tags=["campaigns"],
    summary="One published campaign with its figures and sources",
)
@catalogue_answer
def get_campaign(request, slug: Annotated[CampaignSlug, Path()]):
    """A published campaign with its participants, figures and sources."""
    return get_object_or_404(Campaign.objects.public().for_api(), slug=slug)


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
    "/places",
    response={200: PlacesOut},
    tags=["places"],
    summary="Published cases by country and by province of China",
)
@catalogue_answer
def list_places(request):
    """How many published cases each country holds and, in China, each province-level
    division: the counts the site's maps draw, from the catalogue's kept summary."""
    summary = CatalogueSummary.current()
    chinese = country_names("zh-hans")
    english = country_names("en")
    divisions = provinces()

    def place(code, count, name, name_zh, **filters):
        cases = request.build_absolute_uri(every_case_list(**filters))
        return {
            "code": code,
            "name": name,
            "name_zh": name_zh,
            "campaigns": count,
            "cases_url": cases,
        }

    return {
        "countries": [
            place(code, count, english.get(code, code), chinese.get(code, code), country=code)
            for code, count in summary.country_counts
        ],
        "provinces": [
            place(code, count, divisions[code].name, divisions[code].name_zh, province=code)
            for code, count in summary.province_counts
            if code in divisions
        ],
    }


@api.get(
    "/units",
    response={200: list[UnitOut]},
    tags=["units"],
    summary="The units figures are counted in",
)
@catalogue_answer
def list_units(request):
    """Every unit a figure may be counted in, in the order the site lists them, with its names
    in English and Chinese: curators add units, so this list, not a fixed enum, says which
    codes a figure's ``unit`` and the ``unit`` filter take."""
    return list(units())


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


"""The API's addresses, for ``include`` under /api/."""
