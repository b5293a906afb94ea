"""A health check for load balancers and process managers: can this server answer readers?"""

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from ..methods import safe_only


@never_cache
@safe_only
def health(request):
    """200 when the database answers (and the cache, when it is shared), else 503 saying which
    one did not, so a balancer takes the server out until it recovers."""
    checks = {"database": "ok", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        checks["database"] = "unavailable"
    try:
        cache.set("health-check", "ok", 5)
        if cache.get("health-check") != "ok":
            checks["cache"] = "unavailable"
    except Exception:  # noqa: BLE001 - any failure of the cache client means the same here
        checks["cache"] = "unavailable"
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503
    )
