"""
Conditional GETs, one recipe for the whole site: an ETag and a Last-Modified, and a 304 Not
Modified for a client that already has the answer.

- What the catalogue answers (pages, downloads, the API): the ETag is a digest of the code's
  release, the catalogue's version (one row every change readers can see moves on,
  ``models/version.py``), the current year, the language and the exact address; the
  Last-Modified is when the catalogue last changed, or 1 January if that was last year. The
  year is there because pages say how old each figure is ("13 years ago", counted in calendar
  years): on 1 January every page is new, in the page cache and for browsers alike. Checking
  costs one small query. (``catalogue_validators``)
- What is made from a few rows only (a case's share image): a digest of what it shows, so an
  edit elsewhere does not make it new (``etag_of``), and no Last-Modified.

Only an answer that exists carries validators or becomes a 304: a 404, 410, 422 or 429
carries neither, and ``If-None-Match: *`` or ``If-Modified-Since`` on a missing case is its
404. That is why the view answers first and the conditions are checked on its answer
(Django's own ``condition`` answers 304 before it knows whether the resource exists); the page
cache and the streamed downloads keep the view's part of that cheap.
"""

import calendar
import datetime
import functools
import hashlib

from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import get_language

from .kept import note_version, request_version
from .models import CatalogueVersion, dates

VALIDATORS = ("ETag", "Last-Modified")


def catalogue_version(request):
    """The catalogue's version, read once per request."""
    version = getattr(request, "_catalogue_version", None)
    if version is None:
        # A kept table may have read it already in this request (a form's menu of units).
        version = request_version() or CatalogueVersion.current()
        request._catalogue_version = version
        note_version(version)  # the request's kept tables (aliases, units) are read by it
    return version


def seconds(moment):
    """A time in whole seconds since 1970, as HTTP dates give it."""
    return calendar.timegm(moment.utctimetuple())


def digest(*parts) -> str:
    """A short digest of ``parts``: 32 hex digits."""
    return hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()[:32]


def etag_of(*parts) -> str:
    """The ETag of an answer made from ``parts`` (a strong, quoted validator)."""
    return f'"{digest(*parts)}"'


def catalogue_validators(request):
    """(ETag, Last-Modified in seconds) of what the catalogue answers at this address now.

    A change readers can see (saving, adding or deleting a public row) gives new ones; editing
    a draft gives neither; so does the new year, which makes every figure's age a year older."""
    from .caching import release

    version = catalogue_version(request)
    year = dates.today().year
    etag = etag_of(release(), version.key, year, get_language(), request.get_full_path())
    new_year = timezone.make_aware(datetime.datetime(year, 1, 1))
    return etag, seconds(max(version.changed_at, new_year))


def answer_conditionally(request, response, *, etag, last_modified=None):
    """``response`` with validators and, when the client already has it, a 304 (or a 412)
    instead; a response other than 200 is returned without validators."""
    if request.method not in ("GET", "HEAD"):
        return response
    if response.status_code != 200:
        for header in VALIDATORS:
            del response[header]
        return response
    response.headers.setdefault("ETag", etag)
    if last_modified is not None:
        response.headers.setdefault("Last-Modified", http_date(last_modified))
    return (
        get_conditional_response(
            request, etag=response["ETag"], last_modified=last_modified, response=response
        )
        or response
    )


def conditional(view):
    """Give a route's 200 answers the catalogue's validators and answer conditional GETs
    with 304 (for the streamed downloads, which the page cache does not keep)."""

    @functools.wraps(view)
    def conditional_view(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        etag, last_modified = catalogue_validators(request)
        return answer_conditionally(request, response, etag=etag, last_modified=last_modified)

    return conditional_view
