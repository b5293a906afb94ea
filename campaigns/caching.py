"""
The page cache: public pages and API answers cached whole and shared by every app server.

A route opts in with ``@cached_page`` beside its other policies (``urls.py`` and the views).
A page is cached under the code's release, the catalogue's version (``models/version.py``), its
language and its address, so an edit, a publish, a load or an import makes every cached page
old at once, on every server, and no reader is served a page from before the change. With
``REDIS_URL`` set the cache is Redis, shared by all servers; without it each server process
keeps its own, which is just as correct (the version comes from the database) but warms up
once per process. A Redis that cannot be reached is a cache that holds nothing
(``socialgood/cache.py``).

Every answer of a cached route answers conditional GETs (``conditional.py``): each 200 carries
the catalogue's ETag and Last-Modified, and a client that has the current page gets 304. A 404,
410 or 429 carries no validators and is never a 304.

Only what every reader sees the same is cached: GET and HEAD, no session (a signed-in curator
is served fresh pages), a 200 that sets no cookie, is not streamed and is not private.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

from .conditional import VALIDATORS, answer_conditionally, catalogue_validators


@functools.cache
def release():
    """A fingerprint of the code, templates, translations and static files, read at start-up:
    pages cached by an older release are not served by a newer one."""
    digest = hashlib.sha256()
    for folder in ("campaigns", "templates", "locale", "static", "socialgood"):
        for path in sorted((settings.BASE_DIR / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                stat = path.stat()
                digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


def cached_page(view):
    """Serve the route's answers from the page cache, keyed by the catalogue's version, and
    answer conditional GETs for them."""

    @functools.wraps(view)
    def cached_view(request, *args, **kwargs):
        if not cacheable_request(request):
            return view(request, *args, **kwargs)
        etag, last_modified = catalogue_validators(request)
        key = "page:" + etag.strip('"')
        response = cache.get(key) if settings.PAGE_CACHE_SECONDS else None
        if response is None:
            response = view(request, *args, **kwargs)
            if callable(getattr(response, "render", None)) and not response.is_rendered:
                response.render()  # a TemplateResponse (the sitemaps)
            if not cacheable_response(response):
                if response.status_code >= 400:  # an error is no resource to validate
                    for header in VALIDATORS:
                        del response[header]
                return response
            # Browsers and proxies ask again each time; the answer to "again" is a 304.
            patch_cache_control(response, no_cache=True)
            if settings.PAGE_CACHE_SECONDS:
                cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        return answer_conditionally(request, response, etag=etag, last_modified=last_modified)

    return cached_view


def cacheable_request(request):
    """Whether this request asks for what every reader sees the same."""
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


def cacheable_response(response):
    """Whether an answer can be served to the next reader as it is."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
    )
