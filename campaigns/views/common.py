"""What every public page shares: what the public may see, pagination, numbered references."""

from collections import OrderedDict

from django.core.paginator import Paginator
from django.utils.text import Truncator
from django.utils.translation import gettext as _

CAMPAIGNS_PER_PAGE = 20
FIGURES_PER_PAGE = 100
FIGURES_ON_SOURCE_PAGES = 50
SOURCES_PER_PAGE = 50
ENTITIES_PER_PAGE = 50
"""Organisations, platforms and tags per page of their lists."""
FEATURED_CAMPAIGNS = 4
RECENT_CAMPAIGNS = 6
HOME_PLATFORMS = 12
"""The home page's "by platform" list shows the platforms with most cases, this many."""
CAMPAIGNS_ON_ENTITY_PAGES = 12
"""Organisation, platform and tag pages show this many cases and link to the full list."""
RELATED_CAMPAIGNS = 4
MAX_COMPARED = 4
MAX_COMPARE_SLUGS = 50
"""More c= values than this are not even looked up."""

CLOSEST_MATCHES = 6
"""A search that finds nothing offers at most this many cases holding some of its words."""


# --------------------------------------------------------------------------- helpers


def paginate(request, items, per_page, count=None):
    """The page the query string asks for, or the nearest real page and a note saying so.
    ``count``, when known (from the catalogue's summary), spares counting ``items``."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count  # a cached_property: what it would have counted
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

    Each figure, and each of its conversions, gets ``citation`` (its source's number);
    returns the numbered sources.
    """
    numbered = OrderedDict()
    for figure in figures:
        for stated in [figure, *getattr(figure, "conversion_list", ())]:
            numbered.setdefault(stated.source_id, stated.source)
            stated.citation = list(numbered).index(stated.source_id) + 1
    for source in sources:
        numbered.setdefault(source.pk, source)
    return list(numbered.values())
