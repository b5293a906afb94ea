"""The error pages: a fault is a 500, a database or a media bucket that cannot be reached a 503
with Retry-After; in JSON under /api/."""

import logging
import sys

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error

from .. import media_storage

logger = logging.getLogger("campaigns.unavailable")

RETRY_AFTER_SECONDS = 30
"""What a 503 asks a reader (or a crawler) to wait: about how long a database restart takes."""

CONNECTION_ERRORS = (OperationalError, InterfaceError)


SERVER_GOING_OR_COMING = ("57P01", "57P02", "57P03")
"""PostgreSQL's SQLSTATEs for a server shutting down (admin or crash) or not yet started up."""


def connection_lost(exception) -> bool:
    """Whether PostgreSQL's driver says the connection could not be made or was lost: its error
    carries no SQLSTATE (the server never answered, or closed the connection), a connection
    exception's (class 08), or a server shutting down's or starting up's."""
    cause = exception.__cause__
    if not hasattr(cause, "pgcode"):  # not psycopg's error (SQLite's, or one made in a test)
        return False
    code = cause.pgcode
    return code is None or code.startswith("08") or code in SERVER_GOING_OR_COMING


def database_unreachable(exception) -> bool:
    """Whether ``exception`` means the database cannot be reached: a connection error that the
    driver says is a lost connection, or after which a fresh connection cannot be opened either.
    The driver's word comes first because a restart can be over before the probe (the request
    that failed to connect while PostgreSQL started up was a 500 when the probe then got in).
    An OperationalError of a query (a missing table, a lock) while the database answers is a
    fault, and stays a 500."""
    if not isinstance(exception, CONNECTION_ERRORS):
        return False
    if connection_lost(exception):
        return True
    probe = connections.create_connection(DEFAULT_DB_ALIAS)  # leaves the request's alone
    try:
        probe.ensure_connection()
    except CONNECTION_ERRORS:
        return True
    finally:
        probe.close()
    return False


@requires_csrf_token
def server_error_or_unavailable(request, template_name="500.html"):
    """``handler500``: when the database or the media bucket cannot be reached (a curator's
    upload, say), a 503 page (rendered without either) asking to retry in a little while,
    logged; any other fault, Django's 500 page."""
    exception = sys.exc_info()[1]  # the exception being handled (Django calls this in its except)
    api = request.path_info.startswith("/api/")
    if media_storage.unreachable(exception):
        unavailable, page = "Media storage", "503_media.html"
    elif database_unreachable(exception):
        unavailable, page = "Database", "503.html"
    elif api:  # the API answers in JSON, even when it fails
        return JsonResponse({"detail": "Something went wrong on our side."}, status=500)
    else:
        return server_error(request, template_name)
    logger.warning(
        "%s unavailable: answered %s %s with 503 (%s: %s)",
        unavailable,
        request.method,
        request.path,
        type(exception).__name__,
        exception,
    )
    if api:
        response = JsonResponse(
            {
                "detail": f"The catalogue's {unavailable.lower()} cannot be reached just now: "
                f"try again in {RETRY_AFTER_SECONDS} seconds."
            },
            status=503,
        )
    else:
        response = HttpResponse(loader.get_template(page).render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
