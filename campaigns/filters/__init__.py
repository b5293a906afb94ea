"""
Filters for the public lists: forgiving forms read from the query string (``forms.py``, with
their fields in ``fields.py`` and their address state in ``state.py``), and the query objects
that apply a selection to a QuerySet (``queries.py``), shared by the pages, the downloads and the
API.
"""

from .fields import FIRST_YEAR, LAST_YEAR, ActiveFilter
from .forms import MENU_LENGTH, CampaignFilterForm, FigureFilterForm
from .queries import MAX_QUERY_LENGTH, CampaignQuery, FigureQuery

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "MAX_QUERY_LENGTH",
    "MENU_LENGTH",
    "ActiveFilter",
    "CampaignFilterForm",
    "CampaignQuery",
    "FigureFilterForm",
    "FigureQuery",
]
