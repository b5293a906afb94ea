"""
The search aliases as every search reads them (``text.Aliases``): read from their table once
per catalogue version and kept in the process. A search asks the database at most for the
catalogue's version, and only once a request: the page cache's reading of it
(``conditional.catalogue_version``) is noted here (``note_version``), and a request that has
none reads it at its first search. An alias saved in the admin is a new version
(``derived.py``): the next request's search reads the table again, and no search document is
written again.
"""

import threading

from django.core.signals import request_finished, request_started

from ..models import CatalogueVersion, SearchAlias
from .text import Aliases

_kept = {}
"""{catalogue version key: Aliases}: the aliases of the last version read, in this process."""

_lock = threading.Lock()

_request = threading.local()
"""The catalogue version of the request this thread is answering, once read (``version``)."""


def search_aliases():
    """The search aliases of the catalogue as it stands (as this request found it)."""
    version = getattr(_request, "version", None)
    if version is None:
        version = CatalogueVersion.current().key
        if getattr(_request, "answering", False):
            _request.version = version
    aliases = _kept.get(version)
    if aliases is None:
        aliases = read_aliases()
        with _lock:
            _kept.clear()
            _kept[version] = aliases
    return aliases


def forget():
    """Forget the aliases this process keeps, and the version this thread's request read: for a
    test, whose rollback reuses the catalogue versions of the tests before it (and a streamed
    response a test left unread never ends its request)."""
    with _lock:
        _kept.clear()
    _finished()


def read_aliases():
    """The search aliases, read from their table now."""
    rows = SearchAlias.objects.order_by("slug").values_list("words", "reads_as")
    return Aliases((SearchAlias(words=words).word_list(), reads_as) for words, reads_as in rows)


def note_version(version):
    """The request being answered has read the catalogue's version (a ``CatalogueVersion``):
    its searches use it rather than read it again."""
    if getattr(_request, "answering", False):
        _request.version = version.key


def _started(**kwargs):
    _request.answering = True
    _request.version = None


def _finished(**kwargs):
    _request.answering = False
    _request.version = None


request_started.connect(_started, dispatch_uid="search-aliases-request-started")
request_finished.connect(_finished, dispatch_uid="search-aliases-request-finished")
