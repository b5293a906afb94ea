"""
The public site: home, the list of cases with filters and search, each case with its cited
figures, the organisations, platforms, sources and tags behind them, every figure in one
table, side-by-side comparison, a timeline, the about page, and the downloads with their
codebook.

Only published campaigns and their figures are ever shown; everything else 404s. Every page
runs a fixed number of queries whatever the size of the catalogue.
"""

from .campaigns import about, campaign_detail, campaign_list, compare, home, timeline
from .citations import campaign_citation, figure_citation, source_citation
from .downloads import data, export_campaigns, export_figures
from .entities import (
    organisation_detail,
    organisation_list,
    platform_detail,
    platform_list,
    source_detail,
    source_list,
    tag_detail,
    tag_list,
)
from .figures import figure_detail, figure_list
from .reading import reading_list, reading_list_download
from .share import share_image_view
from .suggestions import suggest, suggest_thanks

__all__ = [
    "about",
    "campaign_detail",
    "campaign_list",
    "campaign_citation",
    "compare",
    "data",
    "export_campaigns",
    "export_figures",
    "figure_citation",
    "figure_detail",
    "figure_list",
    "home",
    "reading_list",
    "reading_list_download",
    "organisation_detail",
    "organisation_list",
    "platform_detail",
    "platform_list",
    "share_image_view",
    "source_citation",
    "source_detail",
    "source_list",
    "suggest",
    "suggest_thanks",
    "tag_detail",
    "tag_list",
    "timeline",
]
