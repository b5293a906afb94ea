"""
Small tables every page reads (the search aliases, the units), read from the database once per
catalogue version and kept in the process. A page asks the database at most for the catalogue's
version, and only once a request: the page cache's reading of it
(``conditional.catalogue_version``) is noted here (``note_version``), and a request that has
none reads it the first time it needs a kept table. A row of such a table saved in the admin is
a new version (``derived.py``): the next request reads the table again.
"""

import threading
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any

from django.core.signals import request_finished, request_started

from .models import CatalogueVersion

_request = threading.local()
"""The catalogue version of the request this thread is answering, once read (``version``, a
``CatalogueVersion``)."""

_tables = []
"""Every ``KeptPerVersion`` made, for ``forget``."""


def request_version():
    """The catalogue's version as this request found it, if it has read it yet; else None."""
    return getattr(_request, "version", None)


def current_version():
    """The key of the catalogue's version as this request found it (read now outside one)."""
    version = getattr(_request, "version", None)
    if version is None:
        version = CatalogueVersion.current()
        if getattr(_request, "answering", False):
            _request.version = version
    return version.key


class KeptPerVersion:
    """What ``read`` returns, read again only when the catalogue has a new version."""

    def __init__(self, read: Callable[[], Any]):
        self.read = read
        self._kept = {}  # {catalogue version key: what was read}: the last version's only
        self._lock = threading.Lock()
        _tables.append(self)

    def __call__(self):
        """What ``read`` returns for the catalogue as it stands (as this request found it)."""
        version = current_version()
        value = self._kept.get(version)
        if value is None:
            value = self.read()
            with self._lock:
                self._kept.clear()
                self._kept[version] = value
        return value

    def forget(self):
        """Read the table again next time."""
        with self._lock:
            self._kept.clear()


def forget():
    """Forget every table this process keeps, and the version this thread's request read: for a
    test, whose rollback reuses the catalogue versions of the tests before it (and a streamed
    response a test left unread never ends its request)."""
    for table in _tables:
        table.forget()
    _finished()


@contextmanager
def one_version():
    """Read the catalogue's version once for what runs inside, as a request does: a load or a
    command reads its kept tables without asking for the version at every row."""
    if getattr(_request, "answering", False):
        yield
        return
    _started()
    try:
        yield
    finally:
        _finished()


def note_version(version):
    """The request being answered has read the catalogue's version (a ``CatalogueVersion``):
    its kept tables are read by it rather than read it again."""
    if getattr(_request, "answering", False):
        _request.version = version


def _started(**kwargs):
    _request.answering = True
    _request.version = None


def _finished(**kwargs):
    _request.answering = False
    _request.version = None


request_started.connect(_started, dispatch_uid="kept-tables-request-started")
request_finished.connect(_finished, dispatch_uid="kept-tables-request-finished")
