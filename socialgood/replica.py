"""
Reads from a PostgreSQL read replica, when ``DATABASE_REPLICA_URL`` names one.

A reader's request — a GET or HEAD without a session, the same requests the page cache serves
to everyone alike (``campaigns/caching.py``) — reads from the replica: public pages, the API,
downloads, feeds and sitemaps. Everything else reads from the primary (the ``default``
database): writes, every request of a signed-in curator (the admin, previews), and the
requests of a client that wrote within the last ``READ_YOUR_WRITES_SECONDS`` (a signed cookie
set on the answer to any POST, PUT, PATCH or DELETE), so that a curator who saves and signs
out, or a reader who sends a suggestion, never reads the catalogue as it was before their own
change while the replica catches up. Outside a request (management commands, tests, the
derived-data writers) everything is on the primary.

The middleware decides once per request and keeps the choice in a context variable that the
router reads. Within a request, a write moves the rest of it to the primary (it reads what it
wrote), and a read inside a transaction on the primary is part of that transaction.

The catalogue's version is read through the router like everything else, so a page read from
the replica is keyed by the replica's version, read before the page: a lagging replica serves
and caches the catalogue as it was a moment ago under that moment's version, never an old page
under a new version (``campaigns/models/version.py``).

A replica that cannot be reached is done without. Before a request is sent to it the replica's
connection is checked (connecting, with a short ``connect_timeout``, or Django's health check
of a kept connection); if that fails, or the replica fails during the request, the request is
answered from the primary — a failed reader's request is a GET, so running it again is safe —
and the replica is left alone for a pause before it is tried again. Checking first keeps a
failure out of the streamed downloads, whose queries run after the view has answered and
cannot be run again; running again catches what fails after the check. Each outage is logged
once when it starts and once when it ends (``socialgood/cache.py``'s ``Outage``).
"""

import contextvars
import logging

from django.conf import settings
from django.db import DatabaseError, connections

from campaigns.caching import cacheable_request

from .cache import Outage

PRIMARY = "default"
REPLICA = "replica"

WROTE_COOKIE = "wrote_recently"
"""The signed cookie that sends a client that just wrote to the primary for a while."""
WROTE_SALT = "socialgood.replica"

logger = logging.getLogger("socialgood.replica")

reading_from = contextvars.ContextVar("reading_from", default=PRIMARY)
"""The database this request's reads go to: the replica only within a reader's request."""

OUTAGE = Outage("Read replica", "reading from the primary", logger)


def configured():
    """Whether a replica is set up (``DATABASE_REPLICA_URL``)."""
    return REPLICA in settings.DATABASES


def location():
    """The replica's address, as the log names it."""
    replica = connections[REPLICA].settings_dict
    return f"{replica['HOST']}:{replica['PORT']}/{replica['NAME']}"


def replica_answers():
    """Whether the replica's connection works now, connecting if need be; False, without
    trying, for a pause after it failed."""
    if OUTAGE.skipping():
        return False
    replica = connections[REPLICA]
    try:
        replica.close_if_health_check_failed()
        replica.ensure_connection()
    except DatabaseError as error:
        replica_failed(error)
        return False
    OUTAGE.answered(location())
    return True


def replica_failed(error):
    """Drop the replica's connection and leave the replica alone for a pause."""
    connections[REPLICA].close()
    OUTAGE.failed(location(), error)


def wrote_recently(request):
    """Whether this client wrote within the last ``READ_YOUR_WRITES_SECONDS``."""
    return (
        request.get_signed_cookie(
            WROTE_COOKIE, default=None, salt=WROTE_SALT, max_age=settings.READ_YOUR_WRITES_SECONDS
        )
        is not None
    )


def reads_from_replica(request):
    """Whether ``request`` is a reader's, which a replica that lags a little may answer."""
    return cacheable_request(request) and not wrote_recently(request)


class ReplicaMiddleware:
    """Send a reader's request to the replica, and everything else to the primary."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        database = REPLICA if reads_from_replica(request) and replica_answers() else PRIMARY
        chosen = reading_from.set(database)
        try:
            response = self.get_response(request)
        finally:
            reading_from.reset(chosen)
        if request.method not in ("GET", "HEAD", "OPTIONS", "TRACE"):
            response.set_signed_cookie(
                WROTE_COOKIE,
                "1",
                salt=WROTE_SALT,
                max_age=settings.READ_YOUR_WRITES_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    def process_exception(self, request, exception):
        """Answer from the primary a reader's request the replica failed."""
        if reading_from.get() != REPLICA or not isinstance(exception, DatabaseError):
            return None
        if not connections[REPLICA].errors_occurred:
            return None  # the fault is not the replica's
        replica_failed(exception)
        reading_from.set(PRIMARY)
        return self.get_response(request)


class ReplicaRouter:
    """Reads go where the request's middleware said; writes, and migrations, to the primary."""

    def db_for_read(self, model, **hints):
        if connections[PRIMARY].in_atomic_block:
            return PRIMARY  # part of a unit of work on the primary
        return reading_from.get()

    def db_for_write(self, model, **hints):
        reading_from.set(PRIMARY)  # the rest of the request reads what it wrote
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the primary's rows: a row read from either may point to the other.
        return {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA, None} or None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY
