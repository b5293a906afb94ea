"""
Conditional GETs: an ETag and a Last-Modified from the catalogue's version (one row that every
change moves on, ``models/version.py``), so a client that has the current answer gets
304 Not Modified, and checking costs one small query.
"""

import hashlib

from django.views.decorators.http import condition

from .models import CatalogueVersion


def catalogue_version(request):
    """The catalogue's version, read once per request."""
    version = getattr(request, "_catalogue_version", None)
    if version is None:
        version = request._catalogue_version = CatalogueVersion.current()
    return version


def catalogue_last_modified(request, *args, **kwargs):
    """Last-Modified for downloads and the API: when the catalogue last changed."""
    return catalogue_version(request).changed_at


def catalogue_etag(request, *args, **kwargs):
    """ETag for downloads and the API: the catalogue's version and the exact address asked for.

    Saving, adding or deleting anything in the catalogue gives a new ETag and a new
    Last-Modified.
    """
    fingerprint = f"{catalogue_version(request).number}|{request.get_full_path()}"
    return hashlib.sha256(fingerprint.encode()).hexdigest()[:32]


conditional = condition(etag_func=catalogue_etag, last_modified_func=catalogue_last_modified)
"""Answer If-None-Match / If-Modified-Since with 304 when the catalogue has not changed."""
