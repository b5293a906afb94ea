"""
Conditional GETs: an ETag and a Last-Modified from the catalogue's version (one row that every
change readers can see moves on, ``models/version.py``), so a client that has the current
answer gets 304 Not Modified, and checking costs one small query.

Only an answer that exists carries validators or becomes a 304: a 404, 410 or 422 carries
neither, and ``If-None-Match: *`` or ``If-Modified-Since`` on a missing case is its 404. That
is why the view answers first and the conditions are checked on its answer (Django's own
``condition`` answers 304 before it knows whether the resource exists); the page cache and the
streamed downloads keep the view's part of that cheap.
"""

import calendar
import functools
import hashlib

from django.utils.cache import get_conditional_response, quote_etag
from django.utils.http import http_date

from .models import CatalogueVersion

VALIDATORS = ("ETag", "Last-Modified")


def catalogue_version(request):
    """The catalogue's version, read once per request."""
    version = getattr(request, "_catalogue_version", None)
    if version is None:
        version = request._catalogue_version = CatalogueVersion.current()
    return version


def seconds(moment):
    """A time in whole seconds since 1970, as HTTP dates give it."""
    return calendar.timegm(moment.utctimetuple())


def catalogue_etag(request):
    """ETag for downloads and the API: the catalogue's version and the exact address asked for.

    A change readers can see (saving, adding or deleting a public row) gives a new ETag and a
    new Last-Modified; editing a draft gives neither.
    """
    fingerprint = f"{catalogue_version(request).number}|{request.get_full_path()}"
    return quote_etag(hashlib.sha256(fingerprint.encode()).hexdigest()[:32])


def answer_conditionally(request, response, *, etag):
    """``response`` with validators and, when the client already has it, a 304 (or a 412)
    instead; a response other than 200 is returned without validators."""
    if request.method not in ("GET", "HEAD"):
        return response
    if response.status_code != 200:
        for header in VALIDATORS:
            del response[header]
        return response
    last_modified = seconds(catalogue_version(request).changed_at)
    response.headers.setdefault("ETag", etag)
    response.headers.setdefault("Last-Modified", http_date(last_modified))
    return (
        get_conditional_response(
            request, etag=response["ETag"], last_modified=last_modified, response=response
        )
        or response
    )


def conditional(view):
    """Give a download's or an API route's 200 answers validators, and answer conditional GETs
    for them with 304."""

    @functools.wraps(view)
    def conditional_view(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        return answer_conditionally(request, response, etag=catalogue_etag(request))

    return conditional_view
