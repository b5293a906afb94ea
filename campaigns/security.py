"""
The Content-Security-Policy and Permissions-Policy every response carries.

Three policies, each declared where its routes are (``socialgood/urls.py``):

- the site's default, which the middleware gives every answer that declares none (the public
  site, its downloads, feeds, sitemaps, share images, the API and every error page): only our
  own scripts, styles, images and fonts, no inline script or style at all (pages load
  ``static/js/*.js`` files; the JSON-LD block is a data block, which browsers neither run nor
  check against ``script-src``), not framed, forms sent only to us;
- the API docs (``/api/docs``): Swagger UI from django-ninja's bundled static files (no CDN),
  which draws its answers' loading spinner as a ``data:`` image, so that is allowed too;
- the admin (``/admin/``): the same, but inline styles are allowed: Django's change list adds a
  ``<style>`` block when a list has no actions, and thumbnails are sized in a ``style``
  attribute. Scripts stay ``'self'`` only.

A route takes a policy of its own with ``with_policy``; ``decorate_urls`` gives one to every
route of an included set of URLs (the admin's, which are not ours to decorate one by one).
A plain middleware and decorator rather than django-csp: the policies need no nonces (the page
cache would serve one reader's nonce to the next), and Permissions-Policy belongs beside them.
``CSP_REPORT_ONLY`` (``DJANGO_CSP_REPORT_ONLY=1``) sends the policy as
``Content-Security-Policy-Report-Only``: browsers report what it would block and block nothing.
"""

import functools

from django.conf import settings
from django.urls import URLPattern, URLResolver

PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
"""The public site's policy: everything from our own address, nothing inline."""

ADMIN_POLICY = PUBLIC_POLICY | {"style-src": ["'self'", "'unsafe-inline'"]}
"""The admin's: the public policy with inline styles, which Django's admin templates use."""

API_DOCS_POLICY = PUBLIC_POLICY | {"img-src": ["'self'", "data:"]}
"""Swagger UI's: the public policy with data: images."""

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)
"""Every browser feature the site does not use, denied to it and to anything it might frame.
The clipboard stays allowed (the citations' copy buttons write to it). The retired FLoC
``interest-cohort`` is left out: Chromium logs it as an unknown feature on every page, and
``browsing-topics`` is what replaced it."""


def header_value(policy):
    """A policy as a header's value: ``directive source source; …``."""
    return "; ".join(" ".join([directive, *sources]) for directive, sources in policy.items())


PUBLIC_HEADER = header_value(PUBLIC_POLICY)
ADMIN_HEADER = header_value(ADMIN_POLICY)
API_DOCS_HEADER = header_value(API_DOCS_POLICY)


def header_name():
    """The header a policy goes in: enforced, or report-only (``CSP_REPORT_ONLY``)."""
    if settings.CSP_REPORT_ONLY:
        return "Content-Security-Policy-Report-Only"
    return "Content-Security-Policy"


def with_policy(header):
    """Give a route's answers the policy ``header`` (a header value) instead of the default."""

    def decorator(view):
        @functools.wraps(view)
        def view_with_policy(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            response.headers.setdefault(header_name(), header)
            return response

        return view_with_policy

    return decorator


def decorate_urls(decorator, urls):
    """``urls`` (what ``include()`` takes: a list of patterns, or ``(patterns, app_name,
    namespace)``) with every route's view wrapped in ``decorator``, however deeply included."""
    patterns = urls[0] if isinstance(urls, tuple) else urls
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pattern.callback = decorator(pattern.callback)
        elif isinstance(pattern, URLResolver):
            decorate_urls(decorator, pattern.url_patterns)
    return urls


class SecurityHeadersMiddleware:
    """Give every response, cached, streamed, static or an error page, the site's default
    policies, unless its route declared its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault(header_name(), PUBLIC_HEADER)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
