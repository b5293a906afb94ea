"""The case studies: home, the filtered list, each case, comparison, timeline and about page."""

import itertools
import re
from collections import OrderedDict

from django.db.models import Case, Count, F, IntegerField, Prefetch, Q, Value, When, Window
from django.db.models.functions import ExtractYear, RowNumber
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import override

from ..filters import CampaignFilterForm, CampaignSort
from ..models import (
    Campaign,
    Cause,
    Figure,
    Participation,
    Platform,
    Role,
    Source,
    TaggedCampaign,
    Unit,
)
from ..templatetags.charts import Bar
from .common import (
    CAMPAIGNS_PER_PAGE,
    CATALOGUE_NAME,
    FEATURED_CASES,
    HOME_PLATFORMS,
    MAX_COMPARE_SLUGS,
    MAX_COMPARED,
    RECENT_CASES,
    RELATED_CASES,
    TIMELINE_CASES_PER_YEAR,
    number_references,
    paginate,
)
from .figures import figure_series


def bibtex_escape(text):
    """Text safe inside a BibTeX field: braces dropped, TeX's other special characters escaped.

    Braces are dropped rather than escaped because BibTeX counts even an escaped brace, so a
    lone one in a title would leave the entry unbalanced.
    """
    specials = {
        "&": r"\&",
        "%": r"\%",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
        "\\": r"\textbackslash{}",
    }
    text = str(text).replace("{", "").replace("}", "")
    return re.sub(r"[&%$#_~^\\]", lambda match: specials[match.group()], text)


ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
"""Month names for the APA citation, which is English whichever language the page is in."""


def citations(campaign, url):
    """What "Cite this case" needs: APA's parts and a BibTeX entry, accessed today.

    APA is an English style, so the citation (catalogue name, dates, title) is English on the
    Chinese pages too; only the page around it is translated.
    """
    today = timezone.localdate()
    updated = timezone.localtime(campaign.updated_at).date()
    with override("en"):
        publisher = str(CATALOGUE_NAME)
    bibtex = "\n".join(
        [
            f"@misc{{socialgood-{campaign.slug},",
            f"  author = {{{{{bibtex_escape(publisher)}}}}},",
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
        "publisher": publisher,
        "updated": f"{updated.year}, {ENGLISH_MONTHS[updated.month - 1]} {updated.day}",
        "accessed": f"{ENGLISH_MONTHS[today.month - 1]} {today.day}, {today.year}",
        "url": url,
        "bibtex": bibtex,
    }


def shared_count(relation, shared, ids):
    """How many of ``relation`` each case shares: a count filtered by ``shared``, or 0.

    With no ``ids`` the filter would be ``__in=[]``, which Django cannot compile inside an
    ordering expression (it raises EmptyResultSet and the whole query comes back empty).
    """
    if not ids:
        return Value(0, output_field=IntegerField())
    return Count(relation, filter=shared, distinct=True)


def related_cases(campaign):
    """Published cases sharing most platforms, tags and the cause with ``campaign``."""
    platform_ids = [platform.pk for platform in campaign.platforms.all()]
    tag_ids = [tag.pk for tag in campaign.tags.all()]
    on_shared_platform = Campaign.platforms.through.objects.filter(
        platform_id__in=platform_ids
    ).values("campaign_id")
    with_shared_tag = TaggedCampaign.objects.filter(tag_id__in=tag_ids).values("content_object_id")
    return (
        Campaign.objects.published()
        .exclude(pk=campaign.pk)
        .filter(Q(cause=campaign.cause) | Q(pk__in=on_shared_platform) | Q(pk__in=with_shared_tag))
        .for_listing()
        .annotate(
            shared_platforms=shared_count("platforms", Q(platforms__in=platform_ids), platform_ids),
            shared_tags=shared_count("tagged_items", Q(tagged_items__tag_id__in=tag_ids), tag_ids),
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
    published = Campaign.objects.published()
    featured = list(
        published.filter(featured=True)
        .for_listing()
        .prefetch_related(
            Prefetch("figures", queryset=Figure.objects.cited(), to_attr="figure_list")
        )
        .order_by(F("start_date").desc(nulls_last=True), "pk")[:FEATURED_CASES]
    )
    headline_figures = [case.figure_list[0] for case in featured if case.figure_list]
    platforms = (
        Platform.objects.with_published_case_count()
        .filter(case_count__gt=0)
        .order_by("-case_count", "name")[:HOME_PLATFORMS]
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
            "figure_count": Figure.objects.published().count(),
            "source_count": Source.objects.public().count(),
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
        request, form.filter(Campaign.objects.published().for_listing()), CAMPAIGNS_PER_PAGE
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
        Campaign.objects.published().prefetch_related(
            Prefetch("platforms", queryset=Platform.objects.select_related("operator")),
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("organisation"),
            ),
            "tags",
            "images",
            Prefetch("figures", queryset=Figure.objects.cited(), to_attr="figure_list"),
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


SLUG = re.compile(r"[-a-zA-Z0-9_]+")
"""What a case's slug can look like; anything else is not looked up."""


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
        for campaign in Campaign.objects.published()
        .filter(slug__in=[slug for slug in asked if SLUG.fullmatch(slug)])
        .prefetch_related(
            "platforms",
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("organisation"),
            ),
            Prefetch("figures", queryset=Figure.objects.cited(), to_attr="figure_list"),
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
    """Published cases by the year they started, a dozen a year, with a chart of cases per year."""
    published = Campaign.objects.published().annotate(start_year=ExtractYear("start_date"))
    counts = dict(
        published.order_by()
        .values("start_year")
        .annotate(count=Count("pk"))
        .values_list("start_year", "count")
    )
    in_order = [F("start_date").asc(nulls_last=True), F("title").asc(), F("pk").asc()]
    first_of_each_year = (
        published.annotate(
            place_in_year=Window(RowNumber(), partition_by=F("start_year"), order_by=in_order)
        )
        .filter(place_in_year__lte=TIMELINE_CASES_PER_YEAR)
        .prefetch_related("platforms")
        .order_by(*in_order)
    )
    years = []
    for year, group in itertools.groupby(first_of_each_year, key=lambda case: case.start_year):
        cases = list(group)
        years.append(
            {"year": year, "cases": cases, "count": counts[year], "more": counts[year] - len(cases)}
        )
    bars = [
        Bar(label=str(year), value=counts[year], text=str(counts[year]), url=f"#year-{year}")
        for year in sorted(year for year in counts if year is not None)
    ]
    return render(request, "campaigns/timeline.html", {"years": years, "bars": bars})


def about(request):
    """What the catalogue is, how entries are sourced and checked, and how to read figures."""
    return render(request, "campaigns/about.html")
