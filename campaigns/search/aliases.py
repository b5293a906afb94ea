"""
The search aliases as every search reads them (``text.Aliases``): read from their table once
per catalogue version and kept in the process (``kept.py``). An alias saved in the admin is a
new version (``derived.py``): the next request's search reads the table again, and no search
document is written again.
"""

from ..kept import KeptPerVersion
from ..models import SearchAlias
from .text import Aliases


def read_aliases():
    """The search aliases, read from their table now."""
    rows = SearchAlias.objects.order_by("slug").values_list("words", "reads_as")
    return Aliases((SearchAlias(words=words).word_list(), reads_as) for words, reads_as in rows)


search_aliases = KeptPerVersion(read_aliases)
"""The search aliases of the catalogue as it stands (as this request found it)."""
