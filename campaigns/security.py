"""
The Content-Security-Policy and Permissions-Policy every response carries.

Three policies, by address:

- everything else (the public site, its downloads, feeds, sitemaps, share images, the API and
  every error page): only our own scripts, styles, images and fonts, no inline script or style
  at all (pages load ``static/js/*.js`` files; the JSON-LD block is a data block, which
  browsers neither run nor check against ``script-src``), not framed, forms sent only to us;
- the API docs (``/api/docs``): Swagger UI from django-ninja's bundled static files (no CDN),
  which draws its answers' loading spinner as a ``data:`` image, so that is allowed too;
- the admin (``/admin/``): the same, but inline styles are allowed: Django's change list adds a
  ``<style>`` block when a list has no actions, and thumbnails are sized in a ``style``
  attribute. Scripts stay ``'self'`` only.

A plain middleware rather than django-csp: the policy is chosen by address (django-csp picks
one per view, and the admin's views are not ours to decorate), it needs no nonces (the page
cache would serve one reader's nonce to the next), and Permissions-Policy belongs beside it.
``CSP_REPORT_ONLY`` (``DJANGO_CSP_REPORT_ONLY=1``) sends the policy as
``Content-Security-Policy-Report-Only``: browsers report what it would block and block nothing.
"""

from django.conf import settings

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


def policy_for(path):
    """The Content-Security-Policy value for an address (without the site's prefix)."""
    if path.startswith("/admin/"):
        return ADMIN_HEADER
    if path.rstrip("/") == "/api/docs":
        return API_DOCS_HEADER
    return PUBLIC_HEADER


class SecurityHeadersMiddleware:
    """Give every response, cached, streamed, static or an error page, its policies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        name = (
            "Content-Security-Policy-Report-Only"
            if settings.CSP_REPORT_ONLY
            else "Content-Security-Policy"
        )
        response.headers.setdefault(name, policy_for(request.path_info))
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
