"""What every public page shares: what the public may see, pagination, numbered references."""

import math
from collections import OrderedDict

from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property
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

LIST_PAGES = 100
"""The case list and the figures table page this far into any order (2,000 cases, 10,000
figures): a page deeper than that would make the database walk every row before it; the rest
is reached by sorting the other way, narrowing the list, the download or the API's cursor."""

CLOSEST_MATCHES = 6
"""A search that finds nothing offers at most this many cases holding some of its words."""


# --------------------------------------------------------------------------- helpers


class BoundedPaginator(Paginator):
    """Pages of a list of which only the first ``max_pages`` can be asked for; ``count`` is
    the whole list's (``estimated`` when the database guessed it rather than counted)."""

    def __init__(self, items, per_page, *, max_pages=None, estimated=False):
        super().__init__(items, per_page)
        self.max_pages = max_pages
        self.estimated = estimated

    @cached_property
    def all_pages(self):
        """How many pages the whole list would take: Django's ``num_pages`` arithmetic, said
        again here because ``num_pages`` is the bounded number."""
        if self.count == 0 and not self.allow_empty_first_page:
            return 0
        return max(1, math.ceil(max(1, self.count - self.orphans) / self.per_page))

    @cached_property
    def num_pages(self):
        """How many pages can be asked for."""
        if self.max_pages is None:
            return self.all_pages
        return min(self.all_pages, self.max_pages)

    @property
    def bounded(self):
        """Whether the list goes on beyond its last page that can be asked for."""
        return self.num_pages < self.all_pages

    def page(self, number):
        """The page ``number``; of an estimated list, a whole page whatever the estimate says
        (it may be below the truth: the page must not stop where the estimate does)."""
        if not self.estimated:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return self._get_page(self.object_list[bottom : bottom + self.per_page], number, self)

    def _get_page(self, *args, **kwargs):
        return BoundedPage(*args, **kwargs)


class BoundedPage(Page):
    """A page whose last item's number is its own, not the list's count, even when it is the
    last page that can be asked for of a longer (or estimated) list."""

    def end_index(self):
        if not self.paginator.count:
            return 0
        return self.start_index() + len(self) - 1

    def bounds(self):
        """The positions (from 0) of the page's first item and of the one after its last
        place, from its number: unlike ``start_index`` and ``end_index``, reading none of its
        items (a broad search's page is read another way, ``page_of_broad_search``)."""
        bottom = (self.number - 1) * self.paginator.per_page
        return bottom, bottom + self.paginator.per_page


def paginate(request, items, per_page, count=None, *, max_pages=None, estimated=False):
    """The page the query string asks for, or the nearest real page and a note saying so.
    ``count``, when known (from the catalogue's summary, or a search's estimate), spares
    counting ``items``; only the first ``max_pages`` pages can be asked for."""
    paginator = BoundedPaginator(items, per_page, max_pages=max_pages, estimated=estimated)
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
    if number > paginator.num_pages and paginator.bounded:
        return paginator.page(paginator.num_pages), _(
            "Pages stop at page %(last)d, the first %(shown)s in this order; to go further, "
            "sort the other way, narrow the list, or download it."
        ) % {"last": paginator.num_pages, "shown": paginator.num_pages * per_page}
    if number > paginator.num_pages:
        return paginator.page(paginator.num_pages), _(
            "There is no page %(page)d; showing the last page, %(last)d."
        ) % {"page": number, "last": paginator.num_pages}
    return paginator.page(number), ""


def stated_with(figure):
    """A figure, its conversions, the other statements of its measure and theirs, as fetched
    (``with_conversions()``)."""
    for statement in getattr(figure, "statements", [figure]):
        yield statement
        yield from getattr(statement, "conversion_list", ())


def number_references(figures, sources=()):
    """Number sources in the order figures first cite them, then ``sources`` not yet cited.

    Each figure, each other statement of its measure and each of their conversions gets
    ``citation`` (its source's number); returns the numbered sources.
    """
    numbered = OrderedDict()
    for figure in figures:
        for stated in stated_with(figure):
            numbered.setdefault(stated.source_id, stated.source)
            stated.citation = list(numbered).index(stated.source_id) + 1
    for source in sources:
        numbered.setdefault(source.pk, source)
    return list(numbered.values())
