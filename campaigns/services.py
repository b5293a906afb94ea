"""
Writes that change several rows at once. The admin's actions and the management commands call
these; they hold no logic of their own.
"""

from django.db import transaction
from django.db.models import QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from . import history, models
from .models import Campaign, Status
from .models.counts import recount_for_campaigns


@transaction.atomic
def publish_campaigns(*, campaigns: QuerySet[Campaign]) -> int:
    """Make the draft campaigns among ``campaigns`` public and return how many there were.

    Campaigns already published are left alone. A campaign published for the first time has
    ``published_at`` stamped; one published before keeps the date it first went public.
    """
    ids = list(campaigns.filter(status=Status.DRAFT).values_list("pk", flat=True))
    _keep_baseline(ids)
    published = Campaign.objects.filter(pk__in=ids).update(
        status=Status.PUBLISHED, published_at=Coalesce("published_at", Value(timezone.now()))
    )
    recount_for_campaigns(models, ids)
    _record(ids, "Published", published)
    return published


@transaction.atomic
def unpublish_campaigns(*, campaigns: QuerySet[Campaign]) -> int:
    """Take the published campaigns among ``campaigns`` off the public site; return how many.

    They become drafts again and keep the date they were first published.
    """
    ids = list(campaigns.filter(status=Status.PUBLISHED).values_list("pk", flat=True))
    _keep_baseline(ids)
    unpublished = Campaign.objects.filter(pk__in=ids).update(status=Status.DRAFT)
    recount_for_campaigns(models, ids)
    _record(ids, "Unpublished", unpublished)
    return unpublished


def _keep_baseline(ids: list[int]) -> None:
    """Before an action changes campaigns saved before history was kept, keep their state."""
    rec = history.current()
    if rec is not None and ids:
        rec.keep_baseline(list(Campaign.objects.filter(pk__in=ids)))


def _record(ids: list[int], verb: str, count: int) -> None:
    """Store the campaigns an action changed in the revision being recorded (the admin's);
    its comment says what the action did, to which campaigns."""
    rec = history.current()
    if rec is None or not ids:
        return
    changed = list(Campaign.objects.filter(pk__in=ids).order_by("title"))
    rec.add(changed)
    names = "; ".join(history.describe(campaign) for campaign in changed[:5])
    more = f" and {count - 5} more" if count > 5 else ""
    rec.set_comment(f"{verb} {count} campaign{'s' if count != 1 else ''}: {names}{more}.")
