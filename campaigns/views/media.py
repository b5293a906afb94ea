"""Media files at ``/media/``, streamed from wherever they are stored.

With a bucket (``campaigns/media_storage.py``) every file is served here, on every server and
whatever the debug setting: the bucket is private, so this is the only way a reader gets one.
With the media folder on disk, the app serves it in debug mode only; in production the proxy
serves the folder at ``/media/`` with the same headers (docs/operating.md, "Production").

A file that is not there is a 404 that says so; a storage that cannot be reached is a 503 with
``Retry-After`` that says that, logged. Staged admin imports are never served: they wait in the
same storage, but only for the curator who uploaded them.
"""

import logging
import mimetypes
import posixpath

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import condition

from ..importing import STAGING
from ..media_storage import STORAGE_ERRORS, in_bucket, is_missing
from ..methods import safe_only
from .errors import RETRY_AFTER_SECONDS

logger = logging.getLogger("campaigns.unavailable")

MEDIA_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
}
"""What every file under ``/media/`` is sent with: a browser takes it for what its type says
and nothing else (no sniffing a picture into a page), and were it opened as a page, it could
run no script and load nothing."""


def _servable(path):
    """The storage's name of the file at ``/media/path`` if it is served here, else None."""
    name = posixpath.normpath(path)  # as the storage reads it: a/../imports/x is imports/x
    first = name.split("/")[0]
    if not (settings.DEBUG or in_bucket()) or first in (STAGING, "..", ""):  # "": from /
        return None
    return name


def _modified(request, path):
    """When the file last changed, for ``If-Modified-Since``; None when that cannot be told
    (the view then says why)."""
    name = _servable(path)
    try:
        return default_storage.get_modified_time(name) if name else None
    except STORAGE_ERRORS:
        return None


def _answer(content, status, content_type="text/plain; charset=utf-8"):
    response = HttpResponse(content, status=status, content_type=content_type)
    for header, value in MEDIA_HEADERS.items():
        response[header] = value
    return response


@safe_only
@condition(last_modified_func=_modified)
def media(request, path):
    """A media file with ``MEDIA_HEADERS``: from the bucket always, from the media folder in
    debug mode only."""
    name = _servable(path)
    if name is None:
        raise Http404
    try:
        with default_storage.open(name, "rb") as stored:
            # Whole, so a bucket failing half-way is a 503 rather than a cut-off image: an upload
            # is at most MAX_IMAGE_UPLOAD_BYTES, and a bucket's file is fetched whole anyway.
            content = stored.read()
    except STORAGE_ERRORS as error:
        if is_missing(error):
            return _answer(
                _("There is no file %(name)s among this site's media: it may have been deleted.")
                % {"name": name},
                status=404,
            )
        logger.warning(
            "Media storage unavailable: answered %s %s with 503 (%s: %s)",
            request.method,
            request.path,
            type(error).__name__,
            error,
        )
        response = _answer(
            _(
                "The site's media storage cannot be reached just now, so this file cannot be "
                "sent. Please try again in a little while."
            ),
            status=503,
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
    content_type, _encoding = mimetypes.guess_type(name)
    return _answer(content, status=200, content_type=content_type or "application/octet-stream")
