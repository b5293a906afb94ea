"""
Conditional GETs for the downloads and the API: an ETag and a Last-Modified drawn from the state
of the whole catalogue, so a client that has the current answer gets 304 Not Modified.
"""

import hashlib

from django.db.models import Count, IntegerField, Max, Value
from django.views.decorators.http import condition

from .models import Campaign, Figure, Organisation, Platform, Source

TRACKED_MODELS = (Campaign, Figure, Source, Organisation, Platform)
"""The catalogue's models that record when a row last changed (``updated_at``)."""


def catalogue_state(request=None):
    """The newest change and the row count of every catalogue model, in one query per request.

    The counts catch deletions, which leave no change time behind.
    """
    cached = getattr(request, "_catalogue_state", None)
    if cached is not None:
        return cached
    per_model = [
        model.objects.order_by()
        .annotate(everything=Value(1, output_field=IntegerField()))
        .values("everything")
        .annotate(latest=Max("updated_at"), count=Count("pk"))
        .values_list("latest", "count")
        for model in TRACKED_MODELS
    ]
    rows = list(per_model[0].union(*per_model[1:], all=True))
    latest = max((row[0] for row in rows if row[0] is not None), default=None)
    state = latest, tuple(row[1] for row in rows)
    if request is not None:
        request._catalogue_state = state
    return state


def catalogue_last_modified(request, *args, **kwargs):
    """Last-Modified for downloads and the API: the newest change to the catalogue."""
    latest, _counts = catalogue_state(request)
    return latest


def catalogue_etag(request, *args, **kwargs):
    """ETag for downloads and the API: the catalogue's state and the exact address asked for.

    Saving any campaign, figure, source, organisation or platform, or adding or deleting one,
    gives a new ETag and a new Last-Modified.
    """
    latest, counts = catalogue_state(request)
    fingerprint = f"{latest.isoformat() if latest else '-'}|{counts}|{request.get_full_path()}"
    return hashlib.sha256(fingerprint.encode()).hexdigest()[:32]


conditional = condition(etag_func=catalogue_etag, last_modified_func=catalogue_last_modified)
"""Answer If-None-Match / If-Modified-Since with 304 when the catalogue has not changed."""
