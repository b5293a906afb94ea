"""
Per-address limits on what costs the most to answer: searches, downloads, the API (and the
suggestion form's hourly limit).

Each address's requests are counted in the cache, in fixed windows (a minute for the public
limits), so with ``REDIS_URL`` every server shares the count. The address is the request's
``REMOTE_ADDR``, or, when ``settings.CLIENT_ADDRESS_HEADER`` names a header our own proxy sets,
the last address in that header (the one the proxy saw); it is kept only as a salted hash, only
in the cache, and only until its window ends. Over the limit, the answer is 429 with
``Retry-After``: a page in the reader's language, or JSON from the API.

A route declares its limit with ``@rate_limited(rule)``, inside its ``@cached_page``
(``caching.py``), so only answers that are worked out count: a page or API answer served from
the cache costs no more than counting it would. The limits are set so that a person never meets
them (``settings.RATE_LIMITS``).

While the shared cache cannot be reached (``socialgood/cache.py``), each server process counts
in its own memory instead: the limits still hold, per process, until the cache is back.
"""

import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

WINDOW_SECONDS = 60
"""The window the public limits count in."""

LOCAL_COUNTS = LocMemCache("socialgood-rate-limits", {"OPTIONS": {"MAX_ENTRIES": 10_000}})
"""This process's own counts, used while the shared cache cannot be reached."""


def counter():
    """Where requests are counted: the shared cache, or this process's memory while the shared
    cache is away."""
    return cache if getattr(cache, "answering", True) else LOCAL_COUNTS


def client_address(request):
    """The address a request is counted against: the last one in the proxy's header when the
    settings trust one (a reader can put anything before it, not after), else REMOTE_ADDR."""
    if settings.CLIENT_ADDRESS_HEADER:
        meta_key = "HTTP_" + settings.CLIENT_ADDRESS_HEADER.upper().replace("-", "_")
        forwarded = [part.strip() for part in request.META.get(meta_key, "").split(",")]
        if forwarded[-1]:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")


def seconds_to_wait(request, rule, limit, window=WINDOW_SECONDS):
    """Count one request of ``rule`` from this address: 0 while it is within ``limit``
    requests a ``window``, else how many seconds it must wait until the window ends (at least
    1)."""
    now = time.time()
    start = int(now // window)
    address = client_address(request)
    salted = f"{settings.SECRET_KEY}|{rule}|{address}".encode()
    key = f"rate:{rule}:{start}:{hashlib.sha256(salted).hexdigest()}"
    counts = counter()
    counts.add(key, 0, window + 1)
    try:
        count = counts.incr(key)
    except ValueError:  # expired between add and incr (or the cache went away between them)
        counts.set(key, 1, window + 1)
        count = 1
    if count <= limit:
        return 0
    return max(1, int((start + 1) * window - now + 0.999))


def too_many_requests(request, rule, limit, retry_after):
    """The 429 answer: JSON from the API, else a page in the reader's language."""
    if rule == "api":
        response = JsonResponse(
            {
                "detail": _(
                    "Too many requests: at most %(limit)d a minute from one address. "
                    "Try again in %(seconds)d seconds."
                )
                % {"limit": limit, "seconds": retry_after}
            },
            status=429,
        )
    else:
        response = render(
            request, "429.html", {"limit": limit, "retry_after": retry_after}, status=429
        )
    response["Retry-After"] = str(retry_after)
    add_never_cache_headers(response)
    return response


def rate_limited(rule, *, when=None):
    """Answer 429 to an address that asks this route too often: at most
    ``settings.RATE_LIMITS[rule]`` requests a minute (``searches``, ``downloads``, ``api``),
    counted only for the requests ``when(request)`` picks (all by default)."""

    def decorator(view):
        @functools.wraps(view)
        def limited_view(request, *args, **kwargs):
            limit = settings.RATE_LIMITS.get(rule, 0)
            if limit and (when is None or when(request)):
                retry_after = seconds_to_wait(request, rule, limit)
                if retry_after:
                    return too_many_requests(request, rule, limit, retry_after)
            return view(request, *args, **kwargs)

        return limited_view

    return decorator


def searching(request):
    """Whether a list request searches (the searches' limit counts only those)."""
    return bool(request.GET.get("q", "").strip())
