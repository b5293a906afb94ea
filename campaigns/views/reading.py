"""A reader's reading list: published cases chosen from the list and case pages, kept in the
page's address (``?c=…``, like compare) rather than in an account, with the whole list as CSV,
JSON, RIS or BibTeX."""

from urllib.parse import urlencode, urlsplit

from django.db.models import Case, Value, When
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from ..caching import cached_page
from ..citations import campaign_citable, citations, ris
from ..downloads import CAMPAIGN_COLUMNS, CAMPAIGN_JSON_COLUMNS
from ..methods import safe_only
from ..models import Campaign
from ..ratelimits import rate_limited
from ..record_lists import case_lists, case_lists_with_evidence
from .citations import CITATION_TYPES
from .downloads import stream_download

MAX_LISTED = 100
"""The most cases a reading list holds (its address stays well under browsers' limits)."""


def listed_slugs(request):
    """The slugs a reading list's address names (``c``), each once, in order, with notes on
    what was left out; a case added by its address or slug (``add``) comes last."""
    asked = [value.strip() for value in request.GET.getlist("c") if value.strip()]
    added = slug_of(request.GET.get("add", ""))
    if added:
        asked.append(added)
    slugs = list(dict.fromkeys(asked))
    notes = []
    if len(slugs) > MAX_LISTED:
        notes.append(
            _("A reading list holds up to %(limit)d cases; the first %(limit)d are kept.")
            % {"limit": MAX_LISTED}
        )
        slugs = slugs[:MAX_LISTED]
    return slugs, notes


def slug_of(text):
    """The slug of a case named by its page's address ("https://…/campaigns/yaan-…/"), or by
    its slug itself; "" for nothing."""
    text = text.strip()
    if "/" not in text:
        return text
    try:
        match = resolve(urlsplit(text).path)
    except Resolver404:
        return text
    return match.kwargs.get("slug", text) if match.url_name == "campaign_detail" else text


def listed_cases(request, queryset):
    """The published cases of the list, in its order, and notes on the slugs not found."""
    slugs, notes = listed_slugs(request)
    # Only what could be a slug is looked up (PostgreSQL refuses NUL in a query).
    lookups = [slug for slug in slugs if slug.isprintable()]
    found = {campaign.slug: campaign for campaign in queryset.filter(slug__in=lookups)}
    for slug in slugs:
        if slug not in found:
            notes.append(
                _("There is no published case “%(slug)s”; it was left out.")
                % {"slug": Truncator(slug).chars(60)}
            )
    return [found[slug] for slug in slugs if slug in found], notes


def list_query(campaigns, **extra):
    """The query string of a reading list of ``campaigns``: "?c=a&c=b"."""
    pairs = [("c", campaign.slug) for campaign in campaigns] + list(extra.items())
    return "?" + urlencode(pairs) if pairs else "?"


@cached_page
@safe_only
def reading_list(request):
    """The reading list the address names: each case with a link to drop it, a field to add
    one by its address, the list's own address to keep or share, and its downloads."""
    campaigns, notes = listed_cases(request, Campaign.objects.public().for_listing())
    for campaign in campaigns:
        campaign.without = list_query([other for other in campaigns if other != campaign])
    return render(
        request,
        "campaigns/reading_list.html",
        {
            "campaigns": campaigns,
            "notes": notes,
            "query": list_query(campaigns) if campaigns else "",
            "address": request.build_absolute_uri(
                request.path + (list_query(campaigns) if campaigns else "")
            ),
        },
    )


@rate_limited("downloads")
@safe_only
def reading_list_download(request, fmt):
    """The reading list as a case download (CSV or JSON, the case list's columns) or as
    citations (RIS or BibTeX), in the list's order."""
    if fmt in ("csv", "json"):
        rows = Campaign.objects.public().for_download()
        campaigns, _notes = listed_cases(request, rows)
        slugs = [campaign.slug for campaign in campaigns]
        # The download streams a queryset: the same rows, in the list's order.
        in_order = Case(*[When(slug=slug, then=Value(n)) for n, slug in enumerate(slugs)])
        ordered = rows.filter(slug__in=slugs).order_by(in_order)
        columns, lists = CAMPAIGN_COLUMNS, case_lists
        if fmt == "json":
            columns, lists = CAMPAIGN_JSON_COLUMNS, case_lists_with_evidence
        return stream_download(
            request, rows=ordered, lists=lists, columns=columns, name="reading-list", fmt=fmt
        )
    campaigns, _notes = listed_cases(request, Campaign.objects.public())
    entries = []
    for campaign in campaigns:
        url = request.build_absolute_uri(campaign.get_absolute_url())
        if fmt == "bib":
            entries.append(citations(campaign, url)["bibtex"] + "\n")
        else:
            entries.append(ris(campaign_citable(campaign, url)))
    response = HttpResponse(
        "\n".join(entries) if fmt == "bib" else "".join(entries),
        content_type=CITATION_TYPES[fmt],
    )
    response["Content-Disposition"] = f'attachment; filename="socialgood-reading-list.{fmt}"'
    return response
