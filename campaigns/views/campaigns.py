"""The case studies: home, the filtered list, each case, comparison, timeline and about page."""

import itertools
from collections import Counter, OrderedDict
from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from ..caching import cached_page
from ..charts import Bar, figure_series
from ..citations import citations
from ..display import unit_heading
from ..evidenced import EvidenceNotes
from ..filters import CampaignFilterForm
from ..maps import china_map, world_map
from ..methods import safe_only
from ..models import (
    Campaign,
    CampaignSort,
    CatalogueSummary,
    Cause,
    FigureKind,
    Platform,
    Role,
    Scope,
    ScopeFilter,
    Status,
    slug_rule,
)
from ..ratelimits import rate_limited, searching
from ..search.offers import did_you_mean
from .common import (
    CAMPAIGNS_PER_PAGE,
    CLOSEST_MATCHES,
    FEATURED_CAMPAIGNS,
    HOME_PLATFORMS,
    LIST_PAGES,
    MAX_COMPARE_SLUGS,
    MAX_COMPARED,
    RECENT_CAMPAIGNS,
    RELATED_CAMPAIGNS,
    number_references,
    paginate,
)

CAMPAIGN_SLUG = slug_rule(Campaign)
"""What a case's slug can look like; anything else is not looked up."""


# --------------------------------------------------------------------------- pages


@cached_page
@safe_only
def home(request):
    """What the catalogue is, featured cases and their headline figures, ways in, recent cases."""
    published = Campaign.objects.public()
    summary = CatalogueSummary.current()
    featured = list(
        published.featured()
        .for_listing()
        .with_cited_figures()
        .sorted_by(CampaignSort.NEWEST)[:FEATURED_CAMPAIGNS]
    )
    return render(
        request,
        "campaigns/home.html",
        {
            "featured": featured,
            "headline_figures": [
                campaign.figure_list[0] for campaign in featured if campaign.figure_list
            ],
            "campaign_count": summary.social_good_campaigns,
            "other_count": summary.other_scope_campaigns,
            "figure_count": summary.figures,
            "source_count": summary.sources,
            "platforms": Platform.objects.busiest()[:HOME_PLATFORMS],
            "causes": [
                {"value": cause, "label": Cause(cause).label, "count": count}
                for cause, count in summary.causes
                if cause in Cause.values
            ],
            "years": [
                {"year": year, "count": count} for year, count in summary.years if year is not None
            ],
            "recent": published.for_listing().recently_published()[:RECENT_CAMPAIGNS],
            # Every published case, as the "Ways in" count them: the list of all scopes.
            "world_map": world_map(
                summary.country_counts,
                lambda code: every_case_list(country=code),
            ),
            "china_map": china_map(
                summary.province_counts,
                lambda code: every_case_list(province=code),
            ),
        },
    )


@cached_page
@rate_limited("searches", when=searching)
@safe_only
def campaign_list(request):
    """Every published case, filtered, searched and sorted from the query string."""
    summary = CatalogueSummary.current()
    form = CampaignFilterForm(data=request.GET, summary=summary)
    published = Campaign.objects.public().for_listing()
    campaigns = form.filter(published)
    count, estimated, places = None, False, None
    if not form.has_filters():
        count = summary.social_good_campaigns
    elif form.cleaned_data.get("q"):  # a broad search is counted about, not to the last case
        count, estimated = campaigns.count_matches()
    if not estimated and form.selection().narrowed:  # by a filter or a search, not the scope
        # A filtered list's count and its maps' counts, from one grouped count of its cases.
        places = count_places(form.filter(Campaign.objects.public()))
        count = places.total if count is None else count
    if estimated:  # and ranked by its cases' titles, through the indexes
        campaigns = campaigns.ranked_by_titles()
    page, page_note = paginate(
        request,
        campaigns,
        CAMPAIGNS_PER_PAGE,
        count=count,
        max_pages=LIST_PAGES,
        estimated=estimated,
    )
    q = form.cleaned_data.get("q")
    if estimated:  # from the cases whose titles hold the words first
        page.object_list = campaigns.page_of_broad_search(*page.bounds())
    elif places is not None and places.total and not q:  # ids first, then the page's rows
        page.object_list = published.page_by_ids(campaigns, *page.bounds())
    suggestion, closest = None, []
    if q and not page.paginator.count:  # nothing has every word: offer what comes nearest
        suggestion = did_you_mean(q, lambda words: form.filter(published, q=words).exists())
        if suggestion is None:
            closest = form.filter(published, every_word=False)[:CLOSEST_MATCHES]
    # Cases chosen to compare, kept in the address from page to page (the compare page checks
    # each; a slug that cannot be one is not even carried).
    selected = [slug for slug in compare_selection(request)[0] if CAMPAIGN_SLUG.matches(slug)]
    selected = selected[:MAX_COMPARED]
    on_page = {campaign.slug for campaign in page.object_list}
    return render(
        request,
        "campaigns/campaign_list.html",
        {
            "form": form,
            "page": page,
            "suggestion": suggestion,
            "suggestion_url": form.query_string(q=suggestion) if suggestion else "",
            "closest": closest,
            "selected": selected,
            "carried": [slug for slug in selected if slug not in on_page],
            "selection": urlencode([("c", slug) for slug in selected]),
            "notes": [*form.notes, page_note] if page_note else form.notes,
            "paginator": page.paginator,
            "scope_urls": {
                "all": form.query_string(scope=ScopeFilter.ALL),
                "social_good": form.query_string(scope=""),
            },
            "sort_choices": [
                (value, label)
                for value, label in CampaignSort.choices
                if value != CampaignSort.RELEVANCE or form.cleaned_data.get("q")
            ],
            **({} if estimated else list_maps(form, summary, places)),
        },
    )


def every_case_list(**filters):
    """The address of the list of every published case, of all scopes, with ``filters``."""
    return (
        reverse("campaigns:campaign_list") + "?" + urlencode({**filters, "scope": ScopeFilter.ALL})
    )


@dataclass(frozen=True)
class Places:
    """How many cases a list selects, and how many of them are in each country and, of those
    in China, in each province ([code, count] lists, by code)."""

    total: int
    countries: list
    provinces: list


def count_places(selected):
    """The ``Places`` of the cases ``selected``, from one grouped count (none by province when
    no case selected is in China)."""
    total, countries, provinces = 0, Counter(), Counter()
    for country, province, count in selected.count_by_place():
        total += count
        if country:
            countries[country] += count
        if province:
            provinces[province] += count
    if "CN" not in countries:
        provinces.clear()
    return Places(
        total,
        [[code, count] for code, count in sorted(countries.items())],
        [[code, count] for code, count in sorted(provinces.items())],
    )


def list_maps(form, summary, places):
    """The maps of the cases a list selects, by country and, of those in China, by province:
    the catalogue's summary when no filter but the scope is in use, else the ``places``
    counted for the list. A broad search, counted about, is not counted: the list shows no map
    for it."""
    scope = form.cleaned_data.get("scope")
    if places is None:
        countries, provinces = summary.in_scope(scope)[3], summary.province_counts_in(scope)
    else:
        countries, provinces = places.countries, places.provinces
    return {
        "world_map": world_map(
            countries,
            lambda code: form.query_string(country=code),
            title=_("These cases by country"),
        ),
        "china_map": china_map(
            provinces,
            lambda code: form.query_string(province=code),
            title=_("These cases in China by province"),
        ),
    }


def may_preview(user):
    """Whether this signed-in curator may see cases that are not public, as readers would."""
    return user.is_active and user.is_staff and user.has_perm("campaigns.view_campaign")


@cached_page
@safe_only
def campaign_detail(request, slug):
    """One case with its figures, each citing a numbered reference at the foot of the page.

    A case that is not published is, for a curator who may view cases, a preview of its page
    with a banner (never cached or indexed); for everybody else a withdrawn case is a notice
    that it was withdrawn (410), and a draft or a case in review is the same "not found" as an
    address that never held anything.
    """
    campaign = Campaign.objects.public().for_detail().filter(slug=slug).first()
    if campaign is None:
        hidden = Campaign.objects.exclude(status=Status.PUBLISHED).for_detail()
        campaign = hidden.filter(slug=slug).first()
        if campaign is None or not may_preview(request.user):
            if campaign is not None and campaign.status == Status.WITHDRAWN:
                return withdrawn(request, campaign)
            raise Http404(_("No case is published at this address."))
    references = number_references(campaign.figure_list, campaign.sources.all())
    evidence = EvidenceNotes(campaign.evidence_list, references)
    participants = participants_by_role(campaign)
    for _role, group in participants:
        for participation in group:
            participation.note_html = evidence.text(participation, "note", participation)
    url = request.build_absolute_uri(campaign.get_absolute_url())
    response = render(
        request,
        "campaigns/campaign_detail.html",
        {
            "campaign": campaign,
            "series": figure_series(campaign.figure_list),
            "references": references,
            "summary": evidence.text(campaign, "summary"),
            "participants": [(role_label(role), group) for role, group in participants],
            "description": evidence.text(campaign, "description"),
            "evidence": evidence,
            "related": Campaign.objects.public()
            .for_listing()
            .related_to(campaign)[:RELATED_CAMPAIGNS],
            "cite": citations(campaign, url),
            "page_url": url,
            "preview": not campaign.is_public,
        },
    )
    if not campaign.is_public:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def withdrawn(request, campaign):
    """The notice at the address of a case that was public and has been withdrawn: its title,
    when and why, so that citations of it do not end in a bare "not found"."""
    return render(request, "campaigns/campaign_withdrawn.html", {"campaign": campaign}, status=410)


def role_order(role):
    """Organisers first, then partners and the rest in the order Role lists them."""
    return Role.values.index(role) if role in Role.values else len(Role.values)


def role_label(role):
    """A role as people read it ("Platform operator"); an unknown code as it is."""
    return Role(role).label if role in Role.values else role


def participants_by_role(campaign):
    """A case's participants grouped by role, in Role's order: [(role, [participation…])]."""
    return [
        (role, list(group))
        for role, group in itertools.groupby(
            sorted(campaign.participations.all(), key=lambda p: (role_order(p.role), p.order)),
            key=lambda participation: participation.role,
        )
    ]


def compare_selection(request):
    """The cases a query string asks to compare (``c``), each once, in the order asked, with
    notes on what was left out: a slug asked twice, more slugs than are looked up."""
    asked = [slug.strip() for slug in request.GET.getlist("c") if slug.strip()]
    slugs = list(dict.fromkeys(asked))
    notes = [
        _("“%(slug)s” was asked for more than once; it is shown once.")
        % {"slug": Truncator(slug).chars(40)}
        for slug in slugs
        if asked.count(slug) > 1
    ][:MAX_COMPARED]
    if len(slugs) > MAX_COMPARE_SLUGS:
        notes.append(
            _("Only the first %(limit)d of the %(count)d cases asked for were looked up.")
            % {"limit": MAX_COMPARE_SLUGS, "count": len(slugs)}
        )
        slugs = slugs[:MAX_COMPARE_SLUGS]
    return slugs, notes


@cached_page
@safe_only
def compare(request):
    """Two to four published cases side by side: their facts, participants by role, and their
    figures aligned by kind and unit, each citing its case's references numbered as on the
    case's own page (listed under the table)."""
    asked, notes = compare_selection(request)
    found = {
        campaign.slug: campaign
        for campaign in Campaign.objects.public()
        .for_comparison()
        .filter(slug__in=[slug for slug in asked if CAMPAIGN_SLUG.matches(slug)])
    }
    for slug in asked:
        if slug not in found:
            notes.append(
                _("There is no published case “%(slug)s”; it was left out.")
                % {"slug": Truncator(slug).chars(40)}
            )
    campaigns = [found[slug] for slug in asked if slug in found]
    if len(campaigns) > MAX_COMPARED:
        notes.append(
            _("Up to %(limit)d cases can be compared; showing the first %(limit)d.")
            % {"limit": MAX_COMPARED}
        )
        campaigns = campaigns[:MAX_COMPARED]
    for number, campaign in enumerate(campaigns, 1):
        # Numbered as on the case's page: its figures' sources, in the order they are cited.
        campaign.references = number_references(campaign.figure_list)
        campaign.reference_anchor = f"case-{number}-ref-"
        for figure in campaign.figure_list:
            figure.reference_id = f"{campaign.reference_anchor}{figure.citation}"
    return render(
        request,
        "campaigns/compare.html",
        {
            "campaigns": campaigns,
            "notes": notes,
            "role_rows": aligned_participants(campaigns),
            "figure_rows": aligned_figures(campaigns),
            "enough": len(campaigns) >= 2,
            "selection": urlencode([("c", campaign.slug) for campaign in campaigns]),
        },
    )


def aligned_participants(campaigns):
    """Rows of participants by role, in Role's order, one cell (a list of participations) per
    case; a role no case has gets no row."""
    by_campaign = [dict(participants_by_role(campaign)) for campaign in campaigns]
    roles = sorted({role for groups in by_campaign for role in groups}, key=role_order)
    return [
        {"label": role_label(role), "cells": [groups.get(role, []) for groups in by_campaign]}
        for role in roles
    ]


def aligned_figures(campaigns):
    """Rows of figures by kind (in FigureKind's order) and unit, one cell (a list of figures)
    per case."""
    keys = OrderedDict()
    for campaign in campaigns:
        for figure in campaign.figure_list:
            keys.setdefault((figure.kind, figure.unit_id), None)
    kinds = FigureKind.values
    rows = []
    in_kind_order = sorted(
        keys, key=lambda key: kinds.index(key[0]) if key[0] in kinds else len(kinds)
    )
    for kind, unit in in_kind_order:
        cells = [
            [
                figure
                for figure in campaign.figure_list
                if (figure.kind, figure.unit_id) == (kind, unit)
            ]
            for campaign in campaigns
        ]
        rows.append(
            {
                "unit": unit_heading(unit),
                "kind": FigureKind(kind).label if kind in kinds else kind,
                "cells": cells,
            }
        )
    return rows


@cached_page
@safe_only
def timeline(request):
    """Published cases by the year they started, a dozen a year, with a chart of cases per year."""
    summary = CatalogueSummary.current()
    counts = dict(summary.years)
    social_good = dict(summary.scopes.get(Scope.SOCIAL_GOOD, {}).get("years", []))
    shown = Campaign.objects.public().filter(pk__in=summary.timeline_ids)
    years = []
    for year, group in itertools.groupby(
        shown.in_timeline_order(), key=lambda campaign: campaign.start_year
    ):
        campaigns = list(group)
        years.append(
            {
                "year": year,
                "campaigns": campaigns,
                "count": counts[year],
                "more": counts[year] - len(campaigns),
            }
        )
    known = [year for year in counts if year is not None]
    # Every year from the first to the last, so that a gap shows as a gap (a year with no
    # case has no bar and no section to link to). A bar is solid for the social-good cases and
    # pale on for the year's commercial campaigns and other trends, counted apart.
    bars = []
    for year in range(min(known), max(known) + 1) if known else []:
        count, good = counts.get(year, 0), social_good.get(year, 0)
        bars.append(
            Bar(
                label=str(year),
                value=count,
                low=good if good != count else None,
                text=scope_count_text(good, count - good),
                url=f"#year-{year}" if count else "",
            )
        )
    return render(request, "campaigns/timeline.html", {"years": years, "bars": bars})


def scope_count_text(good, other):
    """A count of cases with the commercial campaigns and other trends apart: "1 + 5 other"."""
    if not other:
        return str(good)
    return _("%(good)s + %(other)s other") % {"good": good, "other": other}


@safe_only
def about(request):
    """What the catalogue is, how entries are sourced and checked, and how to read figures."""
    return render(request, "campaigns/about.html")
