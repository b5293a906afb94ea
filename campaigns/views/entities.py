"""The organisations, platforms, sources and tags behind the cases."""

from collections import OrderedDict

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from ..caching import cached_page
from ..charts import chart_over_time, figure_series
from ..citations import source_citations
from ..evidenced import EvidenceNotes
from ..methods import safe_only
from ..models import (
    Campaign,
    Figure,
    Organisation,
    Participation,
    Platform,
    Role,
    Source,
    Tag,
)
from ..models.base import in_reading_order
from .common import (
    CAMPAIGNS_ON_ENTITY_PAGES,
    ENTITIES_PER_PAGE,
    FIGURES_ON_SOURCE_PAGES,
    SOURCES_PER_PAGE,
    number_references,
    paginate,
)


def render_page(request, template_name, items, per_page=ENTITIES_PER_PAGE):
    """A list page showing the page of ``items`` the query string asks for."""
    page, page_note = paginate(request, items, per_page)
    return render(
        request,
        template_name,
        {"page": page, "paginator": page.paginator, "notes": [page_note] if page_note else []},
    )


@cached_page
@safe_only
def organisation_list(request):
    """Every organisation behind a published case, platform or figure, in reading order."""
    organisations = in_reading_order(Organisation.objects.public(), "name")
    return render_page(request, "campaigns/organisation_list.html", organisations)


def described_by(subject):
    """The evidence for an organisation's or a platform's description, with its sources."""
    return subject.evidence.in_reading_order().select_related("source")


@cached_page
@safe_only
def organisation_detail(request, slug):
    """An organisation, its published cases grouped by its role, and the figures about it."""
    organisation = get_object_or_404(Organisation.objects.public(), slug=slug)
    parts = Participation.objects.public().filter(organisation=organisation)
    # Each role's latest cases, a bounded number of them, and how many there are in all.
    newest = (F("campaign__start_date").desc(nulls_last=True), "campaign__title", "pk")
    latest = (
        parts.annotate(
            place=Window(RowNumber(), partition_by=F("role"), order_by=newest),
            of_role=Window(Count("pk"), partition_by=F("role")),
        )
        .filter(place__lte=CAMPAIGNS_ON_ENTITY_PAGES)
        .select_related("campaign")
        .order_by("role", *newest)
    )
    by_role = OrderedDict((role, []) for role in Role.values)
    counts = {}
    for participation in latest:
        by_role.setdefault(participation.role, []).append(participation)
        counts[participation.role] = participation.of_role
    figures = list(Figure.objects.public().cited().about(organisation))
    references = number_references(figures)
    evidence = EvidenceNotes(described_by(organisation), references)
    return render(
        request,
        "campaigns/organisation_detail.html",
        {
            "organisation": organisation,
            "description": evidence.text(organisation, "description"),
            "evidence": evidence,
            "roles": [
                (Role(role).label if role in Role.values else role, items, counts[role])
                for role, items in by_role.items()
                if items
            ],
            "shown_per_role": CAMPAIGNS_ON_ENTITY_PAGES,
            "platforms": organisation.platforms.public(),
            "series": figure_series(figures),
            "charts": chart_over_time(figures),
            "references": references,
        },
    )


@cached_page
@safe_only
def platform_list(request):
    """Every public platform with its operator and number of published cases, in reading
    order."""
    platforms = in_reading_order(Platform.objects.public().select_related("operator"), "name")
    return render_page(request, "campaigns/platform_list.html", platforms)


@cached_page
@safe_only
def platform_detail(request, slug):
    """A platform, its figures over time (chart and table), and the cases run on it."""
    platform = get_object_or_404(Platform.objects.public().select_related("operator"), slug=slug)
    figures = list(Figure.objects.public().cited().about(platform))
    references = number_references(figures)
    evidence = EvidenceNotes(described_by(platform), references)
    campaigns = Campaign.objects.public().on_platforms([platform.slug])
    return render(
        request,
        "campaigns/platform_detail.html",
        {
            "platform": platform,
            "description": evidence.text(platform, "description"),
            "evidence": evidence,
            "series": figure_series(figures),
            "charts": chart_over_time(figures),
            "references": references,
            "campaigns": campaigns.for_listing()[:CAMPAIGNS_ON_ENTITY_PAGES],
            "campaign_count": platform.published_campaign_count,
        },
    )


@cached_page
@safe_only
def source_list(request):
    """Every public source, newest first, with what it supports."""
    sources = Source.objects.public().order_by(F("published_on").desc(nulls_last=True), "title")
    return render_page(request, "campaigns/source_list.html", sources, SOURCES_PER_PAGE)


@cached_page
@safe_only
def source_detail(request, slug):
    """A source, the cases and figures it supports (in pages), and the sources it cites."""
    source = get_object_or_404(Source.objects.public().select_related("cited_by"), slug=slug)
    figures = (
        Figure.objects.public()
        .about(source)
        .select_related("campaign", "platform", "organisation")
        .order_by("campaign__title", "order", "pk")
    )
    page, page_note = paginate(request, figures, FIGURES_ON_SOURCE_PAGES)
    campaigns = Campaign.objects.public().citing(source)
    return render(
        request,
        "campaigns/source_detail.html",
        {
            "source": source,
            "campaigns": campaigns.order_by(F("start_date").desc(nulls_last=True), "title")[
                :CAMPAIGNS_ON_ENTITY_PAGES
            ],
            "campaign_count": source.published_campaign_count,
            "page": page,
            "notes": [page_note] if page_note else [],
            "cited_references": source.references.order_by("reference_number"),
            "cite": source_citations(source),
        },
    )


@cached_page
@safe_only
def tag_list(request):
    """Every tag on a published case, with how many cases carry it, in reading order."""
    tags = in_reading_order(Tag.objects.public(), "name")
    return render_page(request, "campaigns/tag_list.html", tags)


@cached_page
@safe_only
def tag_detail(request, slug):
    """The published cases carrying a tag."""
    if not slug.isprintable():
        raise Http404("No such tag.")  # and PostgreSQL refuses NUL in a query
    tag = get_object_or_404(Tag.objects.public(), slug=slug)
    campaigns = Campaign.objects.public().tagged(tag.slug)
    return render(
        request,
        "campaigns/tag_detail.html",
        {
            "tag": tag,
            "campaigns": campaigns.for_listing()[:CAMPAIGNS_ON_ENTITY_PAGES],
            "campaign_count": tag.published_campaign_count,
        },
    )
