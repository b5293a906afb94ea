"""Open data on the site: the campaign and figure downloads, and the codebook that explains them."""

import datetime
import re

from django.http import StreamingHttpResponse
from django.shortcuts import render

from ..conditional import conditional
from ..downloads import (
    CAMPAIGN_COLUMNS,
    CAMPAIGN_JSON_COLUMNS,
    FIGURE_COLUMNS,
    codebook,
    csv_chunks,
    json_chunks,
    row_chunks,
)
from ..filters import CampaignFilterForm, FigureFilterForm
from ..methods import safe_only
from ..models import Campaign, Figure
from ..ratelimits import rate_limited
from ..record_lists import case_lists, case_lists_with_evidence, figure_lists
from ..records import RowContext

CHUNK_SIZE = 2000
"""Rows fetched from the database (and what they list read) at a time while streaming a
download."""

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


def stream_download(request, *, rows, lists, columns, name, fmt):
    """A streamed CSV or JSON download of the rows of a queryset as an attachment; ``lists``
    reads what a chunk of them lists (``record_lists.case_lists`` or ``figure_lists``)."""
    context = RowContext.for_request(request)
    chunks = row_chunks(rows, lists=lists, context=context, size=CHUNK_SIZE)
    if fmt == "csv":
        text = csv_chunks(chunks, columns)
    else:
        text = json_chunks(chunks, columns, context, name)
    response = StreamingHttpResponse(text, content_type=CONTENT_TYPES[fmt])
    filename = (
        f"socialgood-{name}{filters_in_name(request)}-{datetime.date.today().isoformat()}.{fmt}"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


NAME_LENGTH = 80
"""The most characters the filters add to a download's file name."""


def filters_in_name(request):
    """The filters of a download's address as part of its file name, so that two downloads
    of one day keep apart: "-platform-kwai-year_from-2020". A reading list's cases, the page
    and the order are left out; characters a file name cannot hold become "-", and a value of
    nothing else (a Chinese search) is left out."""
    parts = []
    for key, values in request.GET.lists():
        for value in values:
            kept = re.sub(r"[^\w.-]+", "-", f"{key}-{value.strip()}", flags=re.ASCII)
            if key not in ("c", "page", "sort") and kept.strip("-._") != key:
                parts.append(kept.strip("-._"))
    text = "-".join(parts)[:NAME_LENGTH].rstrip("-._")
    return f"-{text}" if text else ""


@rate_limited("downloads")
@safe_only
@conditional
def export_campaigns(request, fmt):
    """The campaign list, with its current filters and search, as a CSV or JSON download."""
    campaigns = CampaignFilterForm(data=request.GET).filter(
        Campaign.objects.public().for_download()
    )
    columns, lists = CAMPAIGN_COLUMNS, case_lists
    if fmt == "json":
        columns, lists = CAMPAIGN_JSON_COLUMNS, case_lists_with_evidence
    return stream_download(
        request, rows=campaigns, lists=lists, columns=columns, name="campaigns", fmt=fmt
    )


@rate_limited("downloads")
@safe_only
@conditional
def export_figures(request, fmt):
    """The figures table, with its current filters, as a CSV or JSON download."""
    figures = FigureFilterForm(data=request.GET).filter(Figure.objects.public().for_download())
    return stream_download(
        request, rows=figures, lists=figure_lists, columns=FIGURE_COLUMNS, name="figures", fmt=fmt
    )


@safe_only
def data(request):
    """The codebook: every column of every download, every code, and the licence."""
    return render(request, "campaigns/data.html", codebook())
