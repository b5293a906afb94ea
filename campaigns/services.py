"""
Writes that change several rows at once. The admin's actions and the management commands call
these; they hold no logic of their own.
"""

from django.db import transaction
from django.db.models import IntegerField, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from . import history, models
from .models import Campaign, Status
from .models.counts import recount_for_campaigns


@transaction.atomic
def publish_campaigns(*, campaigns: QuerySet[Campaign], user=None) -> int:
    """Make the campaigns among ``campaigns`` that are not public yet (drafts, cases in review,
    withdrawn cases) public, and return how many there were.

    Campaigns already published are left alone. A campaign published for the first time has
    ``published_at`` stamped and ``published_by`` set to ``user``; one published before keeps
    the date it first went public and who published it.
    """
    return _move(
        campaigns.exclude(status=Status.PUBLISHED),
        "Published",
        status=Status.PUBLISHED,
        published_at=Coalesce("published_at", Value(timezone.now())),
        published_by=Coalesce(
            "published_by", Value(getattr(user, "pk", None), output_field=IntegerField())
        ),
        submitted_at=None,
        withdrawn_at=None,
    )


@transaction.atomic
def unpublish_campaigns(*, campaigns: QuerySet[Campaign]) -> int:
    """Take the published campaigns among ``campaigns`` off the public site; return how many.

    They become drafts again and keep the date they were first published.
    """
    return _move(campaigns.filter(status=Status.PUBLISHED), "Unpublished", status=Status.DRAFT)


@transaction.atomic
def submit_for_review(*, campaigns: QuerySet[Campaign]) -> int:
    """Put the drafts among ``campaigns`` in review; return how many."""
    return _move(
        campaigns.filter(status=Status.DRAFT),
        "Submitted for review",
        status=Status.IN_REVIEW,
        submitted_at=timezone.now(),
    )


@transaction.atomic
def send_back(*, campaigns: QuerySet[Campaign], note: str) -> int:
    """Send the cases in review among ``campaigns`` back to their editors as drafts, with the
    reviewer's ``note``; return how many."""
    return _move(
        campaigns.filter(status=Status.IN_REVIEW),
        "Sent back",
        note=note,
        status=Status.DRAFT,
        submitted_at=None,
        review_note=note,
    )


@transaction.atomic
def withdraw(*, campaigns: QuerySet[Campaign], reason: str) -> int:
    """Withdraw the published campaigns among ``campaigns``: their addresses say they were
    withdrawn, when and ``reason``; return how many."""
    return _move(
        campaigns.filter(status=Status.PUBLISHED),
        "Withdrew",
        note=reason,
        status=Status.WITHDRAWN,
        withdrawn_at=timezone.now(),
        withdrawal_reason=reason,
    )


def _move(campaigns: QuerySet[Campaign], verb: str, note: str = "", **changes) -> int:
    """Update ``campaigns`` (already narrowed to those the move applies to), recount what
    their visibility touches, and record the move in the revision being made, if any."""
    ids = list(campaigns.values_list("pk", flat=True))
    if not ids:
        return 0
    _keep_baseline(ids)
    moved = Campaign.objects.filter(pk__in=ids).update(**changes)
    recount_for_campaigns(models, ids)
    _record(ids, verb, moved, note)
    return moved


def _keep_baseline(ids: list[int]) -> None:
    """Before an action changes campaigns saved before history was kept, keep their state."""
    rec = history.current()
    if rec is not None and ids:
        rec.keep_baseline(list(Campaign.objects.filter(pk__in=ids)))


def _record(ids: list[int], verb: str, count: int, note: str = "") -> None:
    """Store the campaigns an action changed in the revision being recorded (the admin's);
    its comment says what the action did, to which campaigns."""
    rec = history.current()
    if rec is None or not ids:
        return
    changed = list(Campaign.objects.filter(pk__in=ids).order_by("title"))
    rec.add(changed)
    names = "; ".join(history.describe(campaign) for campaign in changed[:5])
    more = f" and {count - 5} more" if count > 5 else ""
    said = f" Note: {note}" if note else ""
    rec.set_comment(f"{verb} {count} campaign{'s' if count != 1 else ''}: {names}{more}.{said}")
