"""
Recording a revision: everything saved or deleted in a ``recording()`` block is one revision of
the history, in one transaction, with who, when and a comment.

django-reversion stores the rows saved one by one; ``Recording`` stores what it does not: rows
written in bulk (``Recording.add``), the last state of rows deleted (with a ``Removal`` each),
and baselines (how a row stood before its first recorded change). Each stored row of a case is
noted with its case (``CampaignVersion``), so a case's history is one indexed query.
"""

import contextvars
import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import Truncator
from reversion.models import Revision, Version

from .. import derived
from ..models.history import CampaignVersion, Removal
from .versions import campaign_of_version, same, versions_of

BASELINE = (
    "As it stood before the change that follows (its history began, or it was changed "
    "without a revision)."
)
"""The comment of the revision that keeps the state of rows saved before history was kept (or
changed since without a revision, in a shell or a script), stored just before their next
recorded change so that change shows old → new."""


@dataclass
class Recording:
    """The revision being made: django-reversion's (the admin's saves) and the rows this module
    stores itself (rows written in bulk, rows deleted), in one revision."""

    user: Any = None
    comment: str = ""
    revision: Revision | None = None
    deleted: list[tuple[models.Model, Version]] = field(default_factory=list)
    baseline: Revision | None = None
    baseline_used: bool = False
    checked: set = field(default_factory=set)

    def add(self, objs: list[models.Model]) -> None:
        """Store a version of each of ``objs`` (saved already) in this revision, now."""
        if not objs:
            return
        versions = versions_of(objs)
        self._write(versions, removed=[])

    def keep_baseline(self, rows: list[models.Model], outside: bool = False) -> None:
        """Before rows saved before history was kept change, store them as they stand (read
        from the database), in a revision of their own before this one. With ``outside``, the
        rows have versions but were changed since without a revision: they are stored too."""
        missing = rows if outside else _without_versions(rows)
        if not missing:
            return
        if self.baseline is None:
            self.baseline = _new_revision(None, BASELINE)
        versions = versions_of(missing)
        for version in versions:
            version.revision = self.baseline
        Version.objects.bulk_create(versions)
        _note_campaigns(versions)
        self.baseline_used = True

    def finish(self) -> None:
        """Store the rows deleted in this revision, with a removal each."""
        if self.deleted:
            self._write([version for _obj, version in self.deleted], removed=self.deleted)
            self.deleted = []
        if self.baseline is not None and not self.baseline_used:
            self.baseline.delete()  # kept a place before this revision, but nothing was in it

    def set_comment(self, comment: str) -> None:
        """What the revision says it was (the admin's change message, the loader's files)."""
        self.comment = comment
        if reversion.is_active():
            reversion.set_comment(comment)
        if self.revision is not None and self.revision.comment != comment:
            self.revision.comment = comment
            self.revision.save(update_fields=["comment"])

    def _write(self, versions: list[Version], removed: list) -> None:
        if self.revision is None:
            if self.baseline is None:  # a place for rows older than history, before this one
                self.baseline = _new_revision(None, BASELINE)
            self.revision = _new_revision(self.user, self.comment)
        for version in versions:
            version.revision = self.revision
        Version.objects.bulk_create(versions)
        _note_campaigns(versions)
        Removal.objects.bulk_create(
            Removal(
                revision=self.revision,
                content_type=version.content_type,
                object_id=version.object_id,
                object_repr=version.object_repr,
                campaign_id=campaign_of_version(version),
            )
            for _obj, version in removed
        )


def _new_revision(user, comment: str) -> Revision:
    return Revision.objects.create(
        user=user if getattr(user, "pk", None) else None,
        comment=comment,
        date_created=timezone.now(),
    )


def _without_versions(rows: list[models.Model]) -> list[models.Model]:
    """The rows among ``rows`` (all of one model) that have no stored version yet."""
    if not rows:
        return []
    model = type(rows[0])
    content_type = ContentType.objects.get_for_model(model)
    stored = set(
        Version.objects.filter(
            content_type=content_type, object_id__in=[str(row.pk) for row in rows]
        ).values_list("object_id", flat=True)
    )
    return [row for row in rows if str(row.pk) not in stored]


_current: contextvars.ContextVar[Recording | None] = contextvars.ContextVar(
    "history_recording", default=None
)


def current() -> Recording | None:
    """The revision being recorded now, if any."""
    return _current.get()


@contextmanager
def recording(*, user=None, comment: str = "", manual: bool = False):
    """Record everything saved or deleted in the block as one revision, in one transaction.

    django-reversion records the rows saved one by one (``post_save``); ``Recording.add``
    stores rows written in bulk; deleted rows are stored with a removal. With ``manual``
    (the loader) only what ``Recording.add`` is given is stored.
    """
    outer = _current.get()
    if outer is not None:  # already recording: the outer block's revision takes it all
        yield outer
        return
    rec = Recording(user=user, comment=comment)
    token = _current.set(rec)
    try:
        with transaction.atomic():
            with derived.unit(atomic=False):  # what follows the writes, once, at the end
                with reversion.create_revision(manage_manually=manual, atomic=False):
                    if rec.user is not None and getattr(rec.user, "pk", None):
                        reversion.set_user(rec.user)
                    reversion.set_comment(comment)
                    yield rec
            rec.finish()
    finally:
        _current.reset(token)


def revision_saved(sender, revision, versions, **kwargs):
    """django-reversion saved a revision: note the case of each row, and let the recording
    store its own rows in the same revision."""
    _note_campaigns(versions)
    rec = _current.get()
    if rec is not None and rec.revision is None:
        rec.revision = revision


def saving(sender, instance, raw=False, **kwargs):
    """A catalogue row is about to change while a revision is recorded: if it was saved
    before history was kept, keep it as it stands first."""
    rec = _current.get()
    if rec is None or instance.pk is None or instance._state.adding:
        return
    _keep_if_first(rec, sender, instance)


def _keep_if_first(rec: Recording, sender: type[models.Model], instance: models.Model) -> None:
    """Before a row changes under a revision, make sure its stored history ends with how it
    stands: rows saved before history was kept, or changed since without a revision (in a
    shell, by a script), are stored as they stand first."""
    if (sender, str(instance.pk)) in rec.checked:
        return
    rec.checked.add((sender, str(instance.pk)))
    content_type = ContentType.objects.get_for_model(sender)
    latest = (
        Version.objects.filter(content_type=content_type, object_id=str(instance.pk))
        .order_by("-pk")
        .only("serialized_data")
        .first()
    )
    row = sender._base_manager.filter(pk=instance.pk).first()
    if row is None:
        return
    if latest is None:
        rec.keep_baseline([row])
        return
    (now,) = versions_of([row])
    (stored_now,) = json.loads(now.serialized_data)
    (stored_then,) = json.loads(latest.serialized_data)
    fields = set(stored_now["fields"]) | set(stored_then["fields"])
    if not all(
        same(sender, name, stored_then["fields"].get(name), stored_now["fields"].get(name))
        for name in fields
    ):
        rec.keep_baseline([row], outside=True)


def deleting(sender, instance, **kwargs):
    """A catalogue row is being deleted while a revision is recorded: keep its last state."""
    rec = _current.get()
    if rec is None or not reversion.is_registered(sender):
        return
    _keep_if_first(rec, sender, instance)
    (version,) = versions_of([instance])
    rec.deleted.append((instance, version))


def _note_campaigns(versions: list[Version]) -> None:
    CampaignVersion.objects.bulk_create(
        [
            CampaignVersion(version_id=version.pk, campaign_id=campaign_id)
            for version in versions
            if (campaign_id := campaign_of_version(version)) is not None
        ]
    )


def describe(obj: models.Model) -> str:
    """A row's name for a revision's comment."""
    return Truncator(str(obj)).chars(80)
