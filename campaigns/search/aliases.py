"""
The search aliases as every search reads them (``text.Aliases``): read from their table once
per catalogue version and kept in the process, so a search asks the database only for the
version, as the page cache does. An alias saved in the admin is a new version (``derived.py``):
the next search reads the table again, and no search document is written again.
"""

import threading

from ..models import CatalogueVersion, SearchAlias
from .text import Aliases

_kept = {}
"""{catalogue version key: Aliases}: the aliases of the last version read, in this process."""

_lock = threading.Lock()


def search_aliases():
    """The search aliases of the catalogue as it stands."""
    version = CatalogueVersion.current().key
    aliases = _kept.get(version)
    if aliases is None:
        aliases = read_aliases()
        with _lock:
            _kept.clear()
            _kept[version] = aliases
    return aliases


def read_aliases():
    """The search aliases, read from their table now."""
    rows = SearchAlias.objects.order_by("slug").values_list("words", "reads_as")
    return Aliases((SearchAlias(words=words).word_list(), reads_as) for words, reads_as in rows)
