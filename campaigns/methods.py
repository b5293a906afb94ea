"""
Which HTTP methods a page serves. A page declares them with ``allow_methods`` (most
pages: ``safe_only``, GET and HEAD; the suggestion form also POST); any other method (TRACE,
OPTIONS, PUT, DELETE …) is answered 405 with an ``Allow`` header, never with the page.

``AllowedMethodsMiddleware`` answers before the CSRF check, so a PUT or DELETE without a token
gets the 405 that says what is wrong rather than a 403 about CSRF. The admin's pages serve
GET, HEAD and POST. The decorator refuses the same
methods on its own when the middleware is not in the way (a view called directly).
"""

from django.http import HttpResponseNotAllowed
from django.views.decorators.http import require_http_methods


def allow_methods(*methods):
    """Serve a view only for these methods; answer any other with 405 and an Allow header."""

    def decorator(view):
        wrapped = require_http_methods(list(methods))(view)
        wrapped.allowed_methods = methods
        return wrapped

    return decorator


safe_only = allow_methods("GET", "HEAD")
"""A page that is only read: GET and HEAD."""

ADMIN_METHODS = ("GET", "HEAD", "POST")
"""What the admin's pages serve (their forms post); they declare nothing themselves."""


class AllowedMethodsMiddleware:
    """Answers 405 for a method the resolved view does not declare, before CSRF is checked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        allowed = getattr(view_func, "allowed_methods", None)
        match = request.resolver_match
        if allowed is None and match is not None and "admin" in match.namespaces:
            allowed = ADMIN_METHODS
        if allowed is not None and request.method not in allowed:
            return HttpResponseNotAllowed(allowed)
        return None
