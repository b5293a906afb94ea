"""
The public site's pages and the API's answers, cached whole and shared by every app server.

A page is cached under the catalogue's version (``models/version.py``), its language and its
address, so an edit, a publish, a load or an import makes every cached page old at once, on
every server, and no reader is served a page from before the change. With ``REDIS_URL`` set
the cache is Redis, shared by all servers; without it each server process keeps its own, which
is just as correct (the version comes from the database) but warms up once per process.

Pages also answer conditional GETs (``conditional.py``): each 200 carries an ETag of the
version and address and a Last-Modified of the last change readers can see, and a client that
has the current page gets 304. A 404, 410 or 429 carries no validators and is never a 304.

Only what every reader sees the same is cached: GET and HEAD, no session (a signed-in curator
is served fresh pages), not the admin, a 200 that sets no cookie and is not streamed (the
downloads are streamed and answer conditional GETs on their own).
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

from .conditional import VALIDATORS, answer_conditionally, catalogue_version, seconds

UNCACHED_PATHS = ("/admin/", "/i18n/", "/static/", "/media/")
"""Addresses never served from the cache: the admin, the language switch and files."""

UNCACHED_VIEWS = {
    "health",
    "robots_txt",
    "api:openapi-json",
    "api:openapi-view",
    "campaigns:about",
    "campaigns:data",
    "campaigns:suggest",
    "campaigns:share_image",
}
"""Pages no edit of the catalogue changes, quicker to render than to look up (and the
suggestion form, whose CSRF token is each reader's own); and a case's share image, cached by
what it draws (``share_images.py``), so that an edit elsewhere does not draw it again."""


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


class PublicPageCacheMiddleware:
    """Serve public pages and API answers from the cache, keyed by the catalogue's version."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.release = release()

    def __call__(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        version = catalogue_version(request)
        address = f"{self.release}|{version.number}|{get_language()}|{request.get_full_path()}"
        key = "page:" + hashlib.sha256(address.encode()).hexdigest()
        response = cache.get(key) if settings.PAGE_CACHE_SECONDS else None
        if response is None:
            response = self.get_response(request)
            if not self.cacheable_response(response):
                if response.status_code >= 400:  # an error is no resource to validate
                    for header in VALIDATORS:
                        del response[header]
                return response
            # Browsers and proxies ask again each time; the answer to "again" is a 304.
            patch_cache_control(response, no_cache=True)
            response.headers.setdefault("ETag", f'"{key[5:37]}"')
            response.headers.setdefault("Last-Modified", http_date(seconds(version.changed_at)))
            if settings.PAGE_CACHE_SECONDS:
                cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        return answer_conditionally(request, response, etag=response["ETag"])

    @staticmethod
    def cacheable_request(request):
        """Whether this request asks for what every reader sees the same."""
        if request.method not in ("GET", "HEAD") or request.path.startswith(UNCACHED_PATHS):
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return False
        try:
            view = resolve(request.path_info).view_name
        except Resolver404:
            return False
        return view not in UNCACHED_VIEWS

    @staticmethod
    def cacheable_response(response):
        """Whether an answer can be served to the next reader as it is."""
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
        )
