"""A health check for load balancers and process managers: can this server answer readers?"""

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from socialgood import replica

from ..methods import safe_only
from .errors import RETRY_AFTER_SECONDS


def cache_state():
    """The cache's state: "ok" when it answers; "degraded" when it cannot be reached and
    pages are served from the database without it (``socialgood/cache.py``)."""
    reachable = getattr(cache, "reachable", None)
    if reachable is not None:
        return "ok" if reachable() else "degraded"
    try:
        cache.set("health-check", "ok", 5)
        return "ok" if cache.get("health-check") == "ok" else "degraded"
    except Exception:  # noqa: BLE001 - any failure of the cache client means the same here
        return "degraded"


@never_cache
@safe_only
def health(request):
    """200 while the database answers, so a balancer keeps the server: "ok", or "degraded" when
    the cache or the read replica is away (the server still answers every page, only slower);
    503 when the database cannot be reached, so a balancer takes the server out until it
    recovers."""
    checks = {"database": "ok", "cache": cache_state()}
    if replica.configured():
        checks["replica"] = "ok" if replica.replica_answers() else "degraded"
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        checks["database"] = "unavailable"
    if checks["database"] != "ok":
        status = "unavailable"
    else:
        status = "ok" if all(state == "ok" for state in checks.values()) else "degraded"
    response = JsonResponse({"status": status, **checks})
    if status == "unavailable":
        response.status_code = 503
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
