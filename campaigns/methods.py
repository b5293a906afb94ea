"""
Which HTTP methods a route serves. A route declares them with ``allow_methods`` (most pages:
``safe_only``, GET and HEAD; the suggestion form also POST; the API GET and HEAD, refused in
JSON); any other method (TRACE, OPTIONS, PUT, DELETE …) is answered 405 with an ``Allow``
header, never with the page.

``AllowedMethodsMiddleware`` enforces the route's own declaration before the CSRF check, so a
PUT or DELETE without a token gets the 405 that says what is wrong rather than a 403 about CSRF;
the admin's pages, which are not ours to decorate, serve GET, HEAD and POST. The decorator
refuses the same methods on its own when the middleware is not in the way (a view called
directly).
"""

import functools

from django.http import HttpResponseNotAllowed


def not_allowed(request, allowed):
    """The 405 of a page: a plain answer with the ``Allow`` header."""
    return HttpResponseNotAllowed(allowed)


def allow_methods(*methods, refuse=not_allowed):
    """Serve a view only for these methods; answer any other with ``refuse(request, methods)``
    (a 405 with an Allow header)."""

    def decorator(view):
        @functools.wraps(view)
        def checked_view(request, *args, **kwargs):
            if request.method not in methods:
                return refuse(request, methods)
            return view(request, *args, **kwargs)

        checked_view.allowed_methods = methods
        checked_view.refuse_method = refuse
        return checked_view

    return decorator


safe_only = allow_methods("GET", "HEAD")
"""A page that is only read: GET and HEAD."""

ADMIN_METHODS = ("GET", "HEAD", "POST")
"""What the admin's pages serve (their forms post); they declare nothing themselves."""


class AllowedMethodsMiddleware:
    """Answers 405 for a method the resolved route does not declare, before CSRF is checked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        allowed = getattr(view_func, "allowed_methods", None)
        refuse = getattr(view_func, "refuse_method", not_allowed)
        match = request.resolver_match
        if allowed is None and match is not None and "admin" in match.namespaces:
            allowed = ADMIN_METHODS
        if allowed is not None and request.method not in allowed:
            return refuse(request, allowed)
        return None
