"""Uploaded images, when the app serves them itself (in debug mode; in production the proxy
serves ``/media/`` with the same headers, see the README)."""

from django.conf import settings
from django.http import Http404
from django.views.static import serve

from ..methods import safe_only

MEDIA_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
}
"""What every file under ``/media/`` is sent with: a browser takes it for what its type says
and nothing else (no sniffing a picture into a page), and were it opened as a page, it could
run no script and load nothing."""


@safe_only
def media(request, path):
    """A file of the media folder, with ``MEDIA_HEADERS``; only in debug mode."""
    if not settings.DEBUG:
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    for header, value in MEDIA_HEADERS.items():
        response[header] = value
    return response
