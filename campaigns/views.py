"""
The public site: home, the list of cases with filters and search, each case with its cited
figures, the organisations, platforms, sources and tags behind them, every figure in one
table, side-by-side comparison, a timeline and the about page.

Only published campaigns and their figures are ever shown; everything else 404s. Every page
runs a fixed number of queries whatever the size of the catalogue.
"""

import datetime
import itertools
import os
import re
from collections import OrderedDict

from django.core.paginator import Paginator
from django.db.models import Case, Count, F, IntegerField, Prefetch, Q, Value, When
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from taggit.models import Tag

from .filters import CampaignFilterForm, CampaignSort, FigureFilterForm, FigureSort
from .models import (
    Campaign,
    Cause,
    Metric,
    Organisation,
    Participation,
    Platform,
    Role,
    Source,
    Status,
    TaggedCampaign,
    Unit,
)
from .templatetags.charts import Bar
from .templatetags.figures import figure_number

CATALOGUE_NAME = gettext_lazy("Social Media for Social Good")
"""The catalogue's name, as publisher in citations."""

CAMPAIGNS_PER_PAGE = 20
FIGURES_PER_PAGE = 100
SOURCES_PER_PAGE = 50
FEATURED_CASES = 4
RECENT_CASES = 6
CASES_ON_ENTITY_PAGES = 12
"""Organisation, platform and tag pages show this many cases and link to the full list."""
RELATED_CASES = 4
MAX_COMPARED = 4
MAX_COMPARE_SLUGS = 50
"""More c= values than this are not even looked up."""
CHART_BARS = 20


# --------------------------------------------------------------------------- helpers


def published_campaigns():
    """Campaigns the public may see."""
    return Campaign.objects.published()


def public_sources():
    """Sources behind something public: a published case, a public figure, or their references."""
    backing = Q(campaigns__status=Status.PUBLISHED) | Q(
        metrics__in=Metric.objects.published().values("pk")
    )
    backing_ids = Source.objects.filter(backing).values("pk")
    return Source.objects.filter(Q(pk__in=backing_ids) | Q(cited_by__in=backing_ids))


def public_organisations():
    """Organisations with a part in a published case, a platform, or a public figure."""
    return Organisation.objects.filter(
        Q(
            pk__in=Participation.objects.filter(campaign__status=Status.PUBLISHED).values(
                "organisation_id"
            )
        )
        | Q(pk__in=Platform.objects.values("operator_id"))
        | Q(pk__in=Metric.objects.published().values("organisation_id"))
    )


def public_tags():
    """Tags on at least one published case."""
    return Tag.objects.filter(
        pk__in=TaggedCampaign.objects.filter(content_object__status=Status.PUBLISHED).values(
            "tag_id"
        )
    )


def cited_figures():
    """Figures with their source, ready to be shown with a citation."""
    return Metric.objects.published().select_related("source").order_by("order", "pk")


def paginate(request, items, per_page):
    """The page the query string asks for, or the nearest real page and a note saying so."""
    paginator = Paginator(items, per_page)
    asked = request.GET.get("page", "1")
    try:
        number = int(asked)
    except ValueError:
        return paginator.page(1), _("“%(page)s” is not a page number; showing page 1.") % {
            "page": Truncator(asked).chars(20)
        }
    if number < 1:
        return paginator.page(1), _("There is no page %(page)d; showing page 1.") % {"page": number}
    if number > paginator.num_pages:
        return paginator.page(paginator.num_pages), _(
            "There is no page %(page)d; showing the last page, %(last)d."
        ) % {"page": number, "last": paginator.num_pages}
    return paginator.page(number), ""


def number_references(figures, sources=()):
    """Number sources in the order figures first cite them, then ``sources`` not yet cited.

    Each figure gets ``citation`` (its source's number); returns the numbered sources.
    """
    numbered = OrderedDict()
    for figure in figures:
        numbered.setdefault(figure.source_id, figure.source)
        figure.citation = list(numbered).index(figure.source_id) + 1
    for source in sources:
        numbered.setdefault(source.pk, source)
    return list(numbered.values())


PAIR_SUFFIXES = ("-before", "-after")
"""Figures keyed "x-before" and "x-after" are a before/after pair (see the README)."""


def common_label(labels):
    """What labels have in common, in whole words: "Awareness before" + "Awareness after"."""
    prefix = os.path.commonprefix(labels)
    if prefix == labels[0]:
        return prefix
    return prefix.rsplit(" ", 1)[0].strip() if " " in prefix else ""


class FigureSeries:
    """Figures of one subject that measure the same thing at different times: "5% → 19%".

    A series is one figure, or a before/after pair, or figures sharing a label and unit.
    ``label`` and ``label_zh`` are what their labels have in common.
    """

    def __init__(self, figures):
        self.figures = figures
        self.first = figures[0]
        self.label = self.first.label
        self.label_zh = self.first.label_zh
        if self.is_change:
            self.label = common_label([figure.label for figure in figures]) or self.label
            self.label_zh = common_label([figure.label_zh for figure in figures]) or ""
        for figure in figures:
            # What sets each figure of a change apart: "before the campaign".
            figure.distinction = figure.label[len(self.label) :].strip() if self.is_change else ""

    @property
    def is_change(self):
        return len(self.figures) > 1


def series_key(figure):
    """Figures with the same key are one series."""
    for suffix in PAIR_SUFFIXES:
        if figure.key.endswith(suffix):
            return ("pair", figure.key.removesuffix(suffix), figure.unit)
    return ("label", figure.label.strip().lower(), figure.unit)


def series_order(figure):
    """Date order, "before" ahead of "after" when the dates are the same or unknown."""
    after = figure.key.endswith("-after")
    return (figure.as_of is None, figure.as_of or datetime.date.min, after, figure.order)


def figure_series(figures):
    """Group figures into series: before/after pairs and repeated measures of one label."""
    groups = OrderedDict()
    for figure in figures:
        groups.setdefault(series_key(figure), []).append(figure)
    return [FigureSeries(sorted(group, key=series_order)) for group in groups.values()]


def chart_over_time(figures):
    """One chart per unit of a platform's or organisation's figures, in date order."""
    by_unit = OrderedDict()
    for figure in sorted(figures, key=series_order):
        by_unit.setdefault(figure.unit, []).append(figure)
    charts = []
    for unit, unit_figures in by_unit.items():
        unit_figures = unit_figures[-CHART_BARS:]  # the latest, when there are very many
        label = Unit(unit).label if unit in Unit.values else unit
        charts.append(
            {
                "id": f"chart-{len(charts) + 1}",
                "title": _("Figures in %(unit)s, by date") % {"unit": label},
                "unit": label,
                "bars": [
                    Bar(
                        label=f"{figure.as_of_display or _('date unknown')}: {figure.label}",
                        value=figure.value,
                        text=figure_number(figure),
                    )
                    for figure in unit_figures
                ],
            }
        )
    return charts


def bibtex_escape(text):
    """Text safe inside a BibTeX field: braces dropped, TeX's special characters escaped."""
    text = str(text).replace("{", "").replace("}", "").replace("\\", "")
    return re.sub(r"([&%$#_])", r"\\\1", text)


def citations(campaign, url):
    """What "Cite this case" needs: APA's parts and a BibTeX entry, accessed today."""
    today = timezone.localdate()
    updated = timezone.localtime(campaign.updated_at).date()
    bibtex = "\n".join(
        [
            f"@misc{{socialgood-{campaign.slug},",
            f"  author = {{{{{bibtex_escape(CATALOGUE_NAME)}}}}},",
            f"  title = {{{{{bibtex_escape(campaign.title)}}}}},",
            f"  year = {{{updated.year}}},",
            f"  howpublished = {{\\url{{{url}}}}},",
            f"  url = {{{url}}},",
            f"  urldate = {{{today.isoformat()}}},",
            f"  note = {{Accessed {today.isoformat()}}}",
            "}",
        ]
    )
    return {
        "publisher": CATALOGUE_NAME,
        "updated": f"{updated.year}, {updated:%B} {updated.day}",
        "accessed": f"{today:%B} {today.day}, {today.year}",
        "url": url,
        "bibtex": bibtex,
    }


def related_cases(campaign):
    """Published cases sharing most platforms, tags and the cause with ``campaign``."""
    platform_ids = [platform.pk for platform in campaign.platforms.all()]
    tag_ids = [tag.pk for tag in campaign.tags.all()]
    on_shared_platform = Campaign.platforms.through.objects.filter(
        platform_id__in=platform_ids
    ).values("campaign_id")
    with_shared_tag = TaggedCampaign.objects.filter(tag_id__in=tag_ids).values("content_object_id")
    return (
        published_campaigns()
        .exclude(pk=campaign.pk)
        .filter(Q(cause=campaign.cause) | Q(pk__in=on_shared_platform) | Q(pk__in=with_shared_tag))
        .for_listing()
        .annotate(
            shared_platforms=Count(
                "platforms", filter=Q(platforms__in=platform_ids), distinct=True
            ),
            shared_tags=Count(
                "tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids), distinct=True
            ),
            same_cause=Case(
                When(cause=campaign.cause, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .order_by(
            -(F("shared_platforms") + F("shared_tags") + F("same_cause")),
            F("start_date").desc(nulls_last=True),
            "pk",
        )[:RELATED_CASES]
    )


# --------------------------------------------------------------------------- pages


def home(request):
    """What the catalogue is, featured cases and their headline figures, ways in, recent cases."""
    published = published_campaigns()
    featured = list(
        published.filter(featured=True)
        .for_listing()
        .prefetch_related(Prefetch("metrics", queryset=cited_figures(), to_attr="figure_list"))
        .order_by(F("start_date").desc(nulls_last=True), "pk")[:FEATURED_CASES]
    )
    headline_figures = [case.figure_list[0] for case in featured if case.figure_list]
    platforms = (
        Platform.objects.annotate(
            case_count=Count("campaigns", filter=Q(campaigns__status=Status.PUBLISHED))
        )
        .filter(case_count__gt=0)
        .order_by("-case_count", "name")
    )
    causes = [
        {"value": row["cause"], "label": Cause(row["cause"]).label, "count": row["count"]}
        for row in published.order_by()
        .values("cause")
        .annotate(count=Count("pk"))
        .order_by("-count", "cause")
        if row["cause"] in Cause.values
    ]
    years = (
        published.exclude(start_date=None)
        .annotate(year=ExtractYear("start_date"))
        .order_by()
        .values("year")
        .annotate(count=Count("pk"))
        .order_by("year")
    )
    recent = published.for_listing().order_by(F("published_at").desc(nulls_last=True), "-pk")[
        :RECENT_CASES
    ]
    return render(
        request,
        "campaigns/home.html",
        {
            "featured": featured,
            "headline_figures": headline_figures,
            "case_count": published.count(),
            "figure_count": Metric.objects.published().count(),
            "source_count": public_sources().count(),
            "platforms": platforms,
            "causes": causes,
            "years": years,
            "recent": recent,
        },
    )


def campaign_list(request):
    """Every published case, filtered, searched and sorted from the query string."""
    form = CampaignFilterForm(data=request.GET)
    page, page_note = paginate(
        request, form.filter(published_campaigns().for_listing()), CAMPAIGNS_PER_PAGE
    )
    return render(
        request,
        "campaigns/campaign_list.html",
        {
            "form": form,
            "page": page,
            "notes": [*form.notes, page_note] if page_note else form.notes,
            "paginator": page.paginator,
            "sort_choices": [
                (value, label)
                for value, label in CampaignSort.choices
                if value != CampaignSort.RELEVANCE or form.cleaned_data.get("q")
            ],
        },
    )


def campaign_detail(request, slug):
    """One case with its figures, each citing a numbered reference at the foot of the page."""
    campaign = get_object_or_404(
        published_campaigns().prefetch_related(
            Prefetch("platforms", queryset=Platform.objects.select_related("operator")),
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("organisation"),
            ),
            "tags",
            "images",
            Prefetch("metrics", queryset=cited_figures(), to_attr="figure_list"),
            Prefetch("sources", queryset=Source.objects.order_by("title")),
        ),
        slug=slug,
    )
    references = number_references(campaign.figure_list, campaign.sources.all())
    participants = [
        (Role(role).label if role in Role.values else role, list(group))
        for role, group in itertools.groupby(
            sorted(campaign.participations.all(), key=lambda p: (role_order(p.role), p.order)),
            key=lambda participation: participation.role,
        )
    ]
    url = request.build_absolute_uri(campaign.get_absolute_url())
    return render(
        request,
        "campaigns/campaign_detail.html",
        {
            "campaign": campaign,
            "series": figure_series(campaign.figure_list),
            "references": references,
            "participants": participants,
            "related": related_cases(campaign),
            "cite": citations(campaign, url),
            "page_url": url,
        },
    )


def role_order(role):
    """Organisers first, then partners and the rest in the order Role lists them."""
    return Role.values.index(role) if role in Role.values else len(Role.values)


def organisation_list(request):
    """Every organisation behind a published case, platform or figure."""
    organisations = public_organisations().annotate(
        case_count=Count(
            "participations__campaign",
            filter=Q(participations__campaign__status=Status.PUBLISHED),
            distinct=True,
        )
    )
    return render(request, "campaigns/organisation_list.html", {"organisations": organisations})


def organisation_detail(request, slug):
    """An organisation, its published cases grouped by its role, and the figures about it."""
    organisation = get_object_or_404(public_organisations(), slug=slug)
    participations = (
        Participation.objects.filter(organisation=organisation, campaign__status=Status.PUBLISHED)
        .select_related("campaign")
        .order_by(F("campaign__start_date").desc(nulls_last=True), "campaign__title")
    )
    by_role = OrderedDict((role, []) for role in Role.values)
    for participation in participations:
        by_role.setdefault(participation.role, []).append(participation)
    figures = list(cited_figures().filter(organisation=organisation))
    references = number_references(figures)
    return render(
        request,
        "campaigns/organisation_detail.html",
        {
            "organisation": organisation,
            "roles": [
                (Role(role).label if role in Role.values else role, items)
                for role, items in by_role.items()
                if items
            ],
            "platforms": organisation.platforms.all(),
            "series": figure_series(figures),
            "charts": chart_over_time(figures),
            "references": references,
        },
    )


def platform_list(request):
    """Every platform with its operator and number of published cases."""
    platforms = Platform.objects.select_related("operator").annotate(
        case_count=Count("campaigns", filter=Q(campaigns__status=Status.PUBLISHED), distinct=True)
    )
    return render(request, "campaigns/platform_list.html", {"platforms": platforms})


def platform_detail(request, slug):
    """A platform, its figures over time (chart and table), and the cases run on it."""
    platform = get_object_or_404(Platform.objects.select_related("operator"), slug=slug)
    figures = list(cited_figures().filter(platform=platform))
    references = number_references(figures)
    cases = published_campaigns().filter(platforms=platform)
    return render(
        request,
        "campaigns/platform_detail.html",
        {
            "platform": platform,
            "series": figure_series(figures),
            "charts": chart_over_time(figures),
            "references": references,
            "cases": cases.for_listing()[:CASES_ON_ENTITY_PAGES],
            "case_count": cases.count(),
        },
    )


def source_list(request):
    """Every public source, newest first, with what it supports."""
    sources = (
        public_sources()
        .annotate(
            case_count=Count(
                "campaigns", filter=Q(campaigns__status=Status.PUBLISHED), distinct=True
            ),
            figure_count=Count(
                "metrics",
                filter=Q(metrics__campaign__isnull=True)
                | Q(metrics__campaign__status=Status.PUBLISHED),
                distinct=True,
            ),
        )
        .order_by(F("published_on").desc(nulls_last=True), "title")
    )
    page, page_note = paginate(request, sources, SOURCES_PER_PAGE)
    return render(
        request,
        "campaigns/source_list.html",
        {"page": page, "paginator": page.paginator, "notes": [page_note] if page_note else []},
    )


def source_detail(request, slug):
    """A source, the cases and figures it supports, and the sources it cites."""
    source = get_object_or_404(public_sources().select_related("cited_by"), slug=slug)
    figures = (
        Metric.objects.published()
        .filter(source=source)
        .select_related("campaign", "platform", "organisation")
        .order_by("campaign__title", "order", "pk")
    )
    return render(
        request,
        "campaigns/source_detail.html",
        {
            "source": source,
            "cases": published_campaigns()
            .filter(sources=source)
            .order_by(F("start_date").desc(nulls_last=True), "title"),
            "figures": figures,
            "cited_references": source.references.order_by("reference_number"),
        },
    )


def tag_list(request):
    """Every tag on a published case, with how many cases carry it."""
    tags = (
        public_tags()
        .annotate(
            case_count=Count(
                "campaigns_taggedcampaign_items",
                filter=Q(campaigns_taggedcampaign_items__content_object__status=Status.PUBLISHED),
            )
        )
        .order_by("name")
    )
    return render(request, "campaigns/tag_list.html", {"tags": tags})


def tag_detail(request, slug):
    """The published cases carrying a tag."""
    tag = get_object_or_404(public_tags(), slug=slug)
    cases = published_campaigns().filter(
        pk__in=TaggedCampaign.objects.filter(tag=tag).values("content_object_id")
    )
    return render(
        request,
        "campaigns/tag_detail.html",
        {
            "tag": tag,
            "cases": cases.for_listing()[:CASES_ON_ENTITY_PAGES],
            "case_count": cases.count(),
        },
    )


def figure_list(request):
    """Every public figure in one filterable, sortable table, with a chart of one unit."""
    form = FigureFilterForm(data=request.GET)
    figures = form.filter(Metric.objects.published().for_listing())
    page, page_note = paginate(request, figures, FIGURES_PER_PAGE)
    chart_unit = form.cleaned_data.get("unit") or (
        figures.order_by()
        .values_list("unit", flat=True)
        .annotate(count=Count("pk"))
        .order_by("-count", "unit")
        .first()
    )
    chart = None
    if chart_unit:
        of_unit = figures.filter(unit=chart_unit)
        largest = of_unit.order_by("-value", "label", "pk")[:CHART_BARS]
        chart = {
            "unit": Unit(chart_unit).label if chart_unit in Unit.values else chart_unit,
            "total": of_unit.count(),
            "bars": [
                Bar(
                    label=figure_subject_label(figure),
                    value=figure.value,
                    text=figure_number(figure),
                    url=figure.campaign.get_absolute_url() if figure.campaign else "",
                )
                for figure in largest
            ],
        }
    return render(
        request,
        "campaigns/figure_list.html",
        {
            "form": form,
            "page": page,
            "paginator": page.paginator,
            "notes": [*form.notes, page_note] if page_note else form.notes,
            "chart": chart,
            "sort_choices": FigureSort.choices,
            "sort_urls": {value: form.query_string(sort=value) for value, _ in FigureSort.choices},
        },
    )


def figure_subject_label(figure):
    """A figure's label with what it is about: "Donations raised — Ya'an earthquake"."""
    subject = figure.campaign or figure.platform or figure.organisation
    return f"{figure.label} — {subject}" if subject else figure.label


def compare(request):
    """Two to four published cases side by side, their figures aligned by kind and unit."""
    asked = list(dict.fromkeys(slug.strip() for slug in request.GET.getlist("c") if slug.strip()))
    notes = []
    if len(asked) > MAX_COMPARE_SLUGS:
        notes.append(
            _("Only the first %(limit)d of the %(count)d cases asked for were looked up.")
            % {"limit": MAX_COMPARE_SLUGS, "count": len(asked)}
        )
        asked = asked[:MAX_COMPARE_SLUGS]
    found = {
        campaign.slug: campaign
        for campaign in published_campaigns()
        .filter(slug__in=asked)
        .prefetch_related(
            "platforms",
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("organisation"),
            ),
            Prefetch("metrics", queryset=cited_figures(), to_attr="figure_list"),
        )
    }
    for slug in asked:
        if slug not in found:
            notes.append(
                _("There is no published case “%(slug)s”; it was left out.")
                % {"slug": Truncator(slug).chars(40)}
            )
    cases = [found[slug] for slug in asked if slug in found]
    if len(cases) > MAX_COMPARED:
        notes.append(
            _("Up to %(limit)d cases can be compared; showing the first %(limit)d.")
            % {"limit": MAX_COMPARED}
        )
        cases = cases[:MAX_COMPARED]
    for case in cases:
        case.organisers = [
            participation.organisation
            for participation in case.participations.all()
            if participation.role == Role.ORGANISER
        ]
    return render(
        request,
        "campaigns/compare.html",
        {
            "cases": cases,
            "notes": notes,
            "figure_rows": aligned_figures(cases),
            "enough": len(cases) >= 2,
        },
    )


def aligned_figures(cases):
    """Rows of figures by (kind, unit), one cell (a list of figures) per case."""
    keys = OrderedDict()
    for case in cases:
        for figure in case.figure_list:
            keys.setdefault((figure.kind, figure.unit), None)
    rows = []
    for kind, unit in keys:
        cells = [
            [figure for figure in case.figure_list if (figure.kind, figure.unit) == (kind, unit)]
            for case in cases
        ]
        rows.append({"unit": Unit(unit).label if unit in Unit.values else unit, "cells": cells})
    return rows


def timeline(request):
    """Published cases by the year they started, with a chart of cases per year."""
    cases = (
        published_campaigns()
        .prefetch_related("platforms")
        .order_by(F("start_date").asc(nulls_last=True), "title")
    )
    years = []
    for year, group in itertools.groupby(cases, key=lambda case: case.year):
        years.append({"year": year, "cases": list(group)})
    bars = [
        Bar(
            label=str(entry["year"]),
            value=len(entry["cases"]),
            text=str(len(entry["cases"])),
            url=f"#year-{entry['year']}",
        )
        for entry in years
        if entry["year"] is not None
    ]
    return render(request, "campaigns/timeline.html", {"years": years, "bars": bars})


def about(request):
    """What the catalogue is, how entries are sourced and checked, and how to read figures."""
    return render(request, "campaigns/about.html")
