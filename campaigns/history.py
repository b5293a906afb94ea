"""
The catalogue's revision history, kept by django-reversion.

Every catalogue model is registered (``register_catalogue``). A revision is one save: a case
with the figures, participants, images and tags its admin page changed; a bulk action; a
restore; a whole run of the loader. Each holds who, when and a comment, and the rows saved in
it, serialized. Only rows that were saved are stored (an admin page stores the inline rows
that changed, not every row shown), so a revision costs what was saved.

Three things are added to what django-reversion keeps (``models/history.py``):

- ``CaseVersion``: the case each stored row belongs to, so a case's history (its own rows and
  its parts') is one indexed query, however many other rows a revision holds;
- ``Removal``: the rows a revision deleted, with their last state stored as a version of the
  same revision, so a deleted case or figure can be recovered and a case's history shows
  what was removed;
- rows written in bulk (the loader's batches) are stored in bulk, ``Recording.add``.

A case's state at any revision is rebuilt from these (``state_at``): each row's latest version
up to it, less the rows removed by then. Restoring (``restore``) saves that state as a new
revision; nothing earlier is changed or lost.
"""

import contextvars
import difflib
import json
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction
from django.db.models import prefetch_related_objects
from django.db.models.signals import pre_delete, pre_save
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import localize
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from reversion.models import Revision, Version
from reversion.signals import post_revision_commit

from . import derived
from .display import grouped_number
from .models import (
    Campaign,
    CampaignImage,
    Correction,
    Figure,
    Organisation,
    Participation,
    Platform,
    Source,
    Tag,
    TaggedCampaign,
)
from .models.history import CaseVersion, Removal

DERIVED_FIELDS = {
    "updated_at",
    "figure_count",
    "published_campaign_count",
    "public_figure_count",
    "is_public",
    "search_text",
    "search_document",
}
"""Fields worked out from other rows (counts, search text, change times): not history."""

CASE_PARTS = {Figure: "campaign", Participation: "campaign", CampaignImage: "campaign"}
"""The parts of a case edited on its page, and the field naming their case."""

TRACKED_MODELS = (
    Campaign,
    Correction,
    Figure,
    Participation,
    CampaignImage,
    TaggedCampaign,
    Source,
    Organisation,
    Platform,
    Tag,
)
"""Every catalogue model whose rows the history keeps."""

NAMED_BY = {Participation: ["organisation"], TaggedCampaign: ["content_object", "tag"]}
"""The rows a model's name (``str()``) reads, fetched once for a batch of versions."""

REVISIONS_PER_PAGE = 50
"""Revisions shown on one page of an object's history."""

LONG_TEXT = 160
"""Values longer than this are shown as a word-by-word diff rather than old → new."""


BASELINE = (
    "As it stood before the change that follows (its history began, or it was changed "
    "without a revision)."
)
"""The comment of the revision that keeps the state of rows saved before history was kept (or
changed since without a revision, in a shell or a script), stored just before their next
recorded change so that change shows old → new."""


class RestoreError(Exception):
    """A version cannot be restored; the message says why, in words a curator can act on."""


# --------------------------------------------------------------------------- registration


def versioned_fields(model: type[models.Model]) -> tuple[str, ...]:
    """The fields a stored version of ``model`` holds: what a curator writes, not what is
    derived or kept in other rows (tags and participants are rows of their own)."""
    opts = model._meta.concrete_model._meta
    return tuple(
        model_field.name
        for model_field in opts.local_fields + opts.local_many_to_many
        if model_field.serialize
        and model_field.name not in DERIVED_FIELDS
        and not (
            model_field.many_to_many and not model_field.remote_field.through._meta.auto_created
        )
    )


def register_catalogue() -> None:
    """Register every catalogue model with django-reversion (once, when the app is ready)."""
    for model in TRACKED_MODELS:
        if not reversion.is_registered(model):
            reversion.register(model, fields=versioned_fields(model))
        pre_save.connect(_saving, sender=model, dispatch_uid=f"history-saving-{model}")
        pre_delete.connect(_deleting, sender=model, dispatch_uid=f"history-deleting-{model}")
    post_revision_commit.connect(_revision_saved, dispatch_uid="history-revision-saved")


def case_of(model: type[models.Model], fields: dict, pk: Any) -> int | None:
    """The case a row belongs to, read from its stored fields (None: no case)."""
    if model is Campaign:
        return int(pk)
    if model is TaggedCampaign:
        return fields.get("content_object")
    if model in CASE_PARTS:
        return fields.get(CASE_PARTS[model])
    return None


# --------------------------------------------------------------------------- recording


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
        versions = _versions_of(objs)
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
        versions = _versions_of(missing)
        for version in versions:
            version.revision = self.baseline
        Version.objects.bulk_create(versions)
        _note_cases(versions)
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
        _note_cases(versions)
        Removal.objects.bulk_create(
            Removal(
                revision=self.revision,
                content_type=version.content_type,
                object_id=version.object_id,
                object_repr=version.object_repr,
                campaign_id=_case_of_version(version),
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


def _revision_saved(sender, revision, versions, **kwargs):
    """django-reversion saved a revision: note the case of each row, and let the recording
    store its own rows in the same revision."""
    _note_cases(versions)
    rec = _current.get()
    if rec is not None and rec.revision is None:
        rec.revision = revision


def _saving(sender, instance, raw=False, **kwargs):
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
    (now,) = _versions_of([row])
    (stored_now,) = json.loads(now.serialized_data)
    (stored_then,) = json.loads(latest.serialized_data)
    fields = set(stored_now["fields"]) | set(stored_then["fields"])
    if not all(
        _same(sender, name, stored_then["fields"].get(name), stored_now["fields"].get(name))
        for name in fields
    ):
        rec.keep_baseline([row], outside=True)


def _deleting(sender, instance, **kwargs):
    """A catalogue row is being deleted while a revision is recorded: keep its last state."""
    rec = _current.get()
    if rec is None or not reversion.is_registered(sender):
        return
    _keep_if_first(rec, sender, instance)
    (version,) = _versions_of([instance])
    rec.deleted.append((instance, version))


def _versions_of(objs: list[models.Model]) -> list[Version]:
    """Versions (not saved) of rows of one or several models, serialized as django-reversion
    serializes them, with the many-to-many links read in one query per link per model."""
    by_model = defaultdict(list)
    for obj in objs:
        by_model[type(obj)].append(obj)
    versions = []
    for model, rows in by_model.items():
        names = versioned_fields(model)
        links = [f.name for f in model._meta.local_many_to_many if f.name in names]
        if links or model in NAMED_BY:
            prefetch_related_objects(rows, *links, *NAMED_BY.get(model, []))
        content_type = ContentType.objects.get_for_model(model)
        for row, item in zip(
            rows, serializers.serialize("python", rows, fields=names), strict=True
        ):
            versions.append(
                Version(
                    content_type=content_type,
                    object_id=str(row.pk),
                    db="default",
                    format="json",
                    serialized_data=json.dumps([item], cls=DjangoJSONEncoder),
                    object_repr=str(row),
                )
            )
    return versions


def _case_of_version(version: Version) -> int | None:
    model = version.content_type.model_class()
    if model is not Campaign and model not in CASE_PARTS and model is not TaggedCampaign:
        return None
    (item,) = json.loads(version.serialized_data)
    return case_of(model, item["fields"], version.object_id)


def _note_cases(versions: list[Version]) -> None:
    CaseVersion.objects.bulk_create(
        [
            CaseVersion(version_id=version.pk, campaign_id=campaign_id)
            for version in versions
            if (campaign_id := _case_of_version(version)) is not None
        ]
    )


# --------------------------------------------------------------------------- reading


@dataclass
class FieldChange:
    """One field of a row, before and after a revision."""

    label: str
    old: str
    new: str
    diff: list[tuple[str, str]] | None = None
    """For long text: the words, each marked "=" kept, "-" removed or "+" added."""


@dataclass
class RowChange:
    """What a revision did to one row: added, changed (field by field) or removed it."""

    action: str  # "added", "changed", "removed" or "unchanged"
    kind: str
    name: str
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class RevisionEntry:
    """One revision in an object's history, with what it changed there."""

    revision: Revision
    rows: list[RowChange]


@dataclass
class _Stored:
    """A stored version, read: which row, in which revision, with which fields."""

    pk: int
    revision_id: int
    model: type[models.Model]
    object_id: str
    baseline: bool = False
    fields: dict | None = None
    name: str = ""


class History:
    """The stored versions and removals of a case with its parts, or of one row."""

    def __init__(
        self, versions: models.QuerySet, removals: models.QuerySet, campaign_id: int | None = None
    ):
        self._versions = versions
        self._removals = removals
        self.campaign_id = campaign_id

    @classmethod
    def of_case(cls, campaign_id: int) -> "History":
        """A case and its parts (figures, participants, images, tags)."""
        return cls(
            Version.objects.filter(case__campaign_id=campaign_id),
            Removal.objects.filter(campaign_id=campaign_id),
            campaign_id=int(campaign_id),
        )

    @classmethod
    def of_row(cls, model: type[models.Model], pk: Any) -> "History":
        """One row of any catalogue model."""
        content_type = ContentType.objects.get_for_model(model)
        return cls(
            Version.objects.filter(content_type=content_type, object_id=str(pk)),
            Removal.objects.filter(content_type=content_type, object_id=str(pk)),
        )

    # The outline of the history (ids only), read once.

    def _outline(self) -> tuple[list[_Stored], list[tuple[int, int, str]]]:
        if not hasattr(self, "_cached_outline"):
            outline = self._versions.order_by("pk").annotate(
                baseline=models.ExpressionWrapper(
                    models.Q(revision__comment=BASELINE), output_field=models.BooleanField()
                )
            )
            stored = [
                _Stored(pk, rid, ContentType.objects.get_for_id(ct).model_class(), oid, base)
                for pk, rid, ct, oid, base in outline.values_list(
                    "pk", "revision_id", "content_type_id", "object_id", "baseline"
                )
            ]
            removed = list(
                self._removals.values_list("revision_id", "content_type_id", "object_id")
            )
            self._cached_outline = (stored, removed)
        return self._cached_outline

    def revision_ids(self) -> list[int]:
        """The revisions that saved or removed something here, newest first."""
        stored, removed = self._outline()
        ids = {s.revision_id for s in stored} | {r[0] for r in removed}
        return sorted(ids, reverse=True)

    def exists(self) -> bool:
        """Whether anything of it was ever stored."""
        return bool(self._outline()[0])

    def entries(self, revision_ids: list[int]) -> list[RevisionEntry]:
        """The revisions ``revision_ids`` (from ``revision_ids()``), each with what it changed,
        field by field: a fixed number of queries however long the history."""
        stored, removed = self._outline()
        wanted = set(revision_ids)
        previous: dict[tuple, _Stored] = {}
        shown = []  # (stored, the version before it of the same row)
        for s in stored:
            key = (s.model, s.object_id)
            if s.revision_id in wanted:
                shown.append((s, previous.get(key)))
            previous[key] = s
        _read_fields([item for pair in shown for item in pair if item is not None])
        names = _Names()
        for s, before in shown:
            names.collect(s.model, s.fields)
            if before is not None:
                names.collect(before.model, before.fields)
        names.fetch()
        revisions = Revision.objects.select_related("user").in_bulk(revision_ids)
        removals = defaultdict(list)
        for revision_id, content_type_id, object_id in removed:
            if revision_id in wanted:
                removals[revision_id].append(
                    (ContentType.objects.get_for_id(content_type_id).model_class(), object_id)
                )
        rows_by_revision = defaultdict(list)
        stored_in = defaultdict(dict)
        for s, _before in shown:
            stored_in[s.revision_id][(s.model, s.object_id)] = s
        for s, before in shown:
            if (s.model, s.object_id) in removals[s.revision_id]:
                continue  # its last state, kept with its removal
            baseline = revisions[s.revision_id].comment == BASELINE
            rows_by_revision[s.revision_id].append(_row_change(s, before, names, baseline))
        for revision_id, keys in removals.items():
            for model, object_id in keys:
                s = stored_in[revision_id].get((model, object_id))
                name = s.name if s else f"#{object_id}"
                rows_by_revision[revision_id].append(
                    RowChange("removed", str(model._meta.verbose_name), name)
                )
        return [
            RevisionEntry(revisions[rid], _in_order(rows_by_revision[rid]))
            for rid in revision_ids
            if rid in revisions
        ]

    def state_at(self, revision_id: int, *, removals_before: bool = False) -> dict:
        """What the rows were just after ``revision_id``: {(model, object_id): stored version,
        or None for a row that did not exist then}. With ``removals_before``, the removals of
        that revision itself are not counted (recovering what it deleted)."""
        stored, removed = self._outline()
        latest: dict[tuple, _Stored | None] = {}
        for s in stored:
            key = (s.model, s.object_id)
            if key not in latest:  # a baseline is how the row stood before any revision
                latest[key] = s if s.baseline else None
            if s.revision_id <= revision_id:
                latest[key] = s
        for rid, content_type_id, object_id in removed:
            key = (ContentType.objects.get_for_id(content_type_id).model_class(), object_id)
            kept = latest.get(key)
            too_late = rid > revision_id or (removals_before and rid == revision_id)
            if kept is not None and not too_late and rid >= kept.revision_id:
                latest[key] = None
        return latest


def _read_fields(stored: list[_Stored]) -> None:
    """Read the serialized fields of the stored versions, in one query."""
    missing = [s for s in stored if s.fields is None]
    data = Version.objects.filter(pk__in=[s.pk for s in missing]).in_bulk(field_name="pk")
    for s in missing:
        version = data[s.pk]
        (item,) = json.loads(version.serialized_data)
        s.fields = item["fields"]
        s.name = version.object_repr


class _Names:
    """The names of the rows that stored versions point to (a figure's source, a
    participant's organisation, a case's platforms), read in one query per model."""

    def __init__(self):
        self.wanted = defaultdict(set)
        self.names = {}

    def collect(self, model, fields):
        for name, value in (fields or {}).items():
            try:
                model_field = model._meta.get_field(name)
            except Exception:  # a field since removed from the model
                continue
            if model_field.is_relation and value not in (None, ""):
                values = value if isinstance(value, list) else [value]
                self.wanted[model_field.related_model].update(values)

    def fetch(self):
        for model, pks in self.wanted.items():
            for obj in model._base_manager.filter(pk__in=pks):
                self.names[(model, obj.pk)] = str(obj)

    def of(self, model, pk):
        return self.names.get((model, pk), _("#%(id)s (deleted)") % {"id": pk})


def _row_change(
    s: _Stored, before: _Stored | None, names: _Names, baseline: bool = False
) -> RowChange:
    kind = str(s.model._meta.verbose_name)
    old_fields = before.fields if before else {}
    changes = []
    for name, new in s.fields.items():
        old = old_fields.get(name)
        if before is not None and _same(s.model, name, old, new):
            continue
        if before is None and new in (None, "", [], False):
            continue
        changes.append(_field_change(s.model, name, old, new, names))
    if before is None:
        return RowChange("recorded" if baseline else "added", kind, s.name, changes)
    return RowChange("changed" if changes else "unchanged", kind, s.name, changes)


def _same(model, name, old, new) -> bool:
    """Whether two stored values are the same (2234 and 2234.0000 are)."""
    if old == new:
        return True
    try:
        model_field = model._meta.get_field(name)
    except Exception:
        return False
    if isinstance(model_field, models.DecimalField) and old is not None and new is not None:
        try:
            return Decimal(str(old)) == Decimal(str(new))
        except InvalidOperation:
            return False
    return False


def _field_change(model, name, old, new, names: _Names) -> FieldChange:
    try:
        model_field = model._meta.get_field(name)
        label = str(model_field.verbose_name)
    except Exception:
        model_field, label = None, name
    old_text, new_text = _shown(model_field, old, names), _shown(model_field, new, names)
    if max(len(old_text), len(new_text)) > LONG_TEXT:
        return FieldChange(label, "", "", diff=_word_diff(old_text, new_text))
    return FieldChange(label, old_text, new_text)


def _shown(model_field, value, names: _Names) -> str:
    """A stored value as a curator reads it: choices by label, links by name."""
    if value is None or value == "":
        return "—"
    if model_field is None:
        return str(value)
    if model_field.is_relation:
        values = value if isinstance(value, list) else [value]
        return ", ".join(names.of(model_field.related_model, pk) for pk in values) or "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(model_field, models.DecimalField):
        try:
            return grouped_number(Decimal(str(value)))
        except InvalidOperation:
            return str(value)
    if isinstance(model_field, models.DateTimeField):
        moment = parse_datetime(str(value))
        if moment is not None:
            return localize(timezone.localtime(moment) if timezone.is_aware(moment) else moment)
    return str(value)


def _word_diff(old: str, new: str) -> list[tuple[str, str]]:
    old_words, new_words = old.split(" "), new.split(" ")
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            kept = old_words[i1:i2]
            text = " ".join(kept)
            if len(kept) > 12:  # long runs of unchanged words are shortened
                text = " ".join(kept[:5]) + " … " + " ".join(kept[-5:])
            parts.append(("=", text))
            continue
        if i2 > i1:
            parts.append(("-", " ".join(old_words[i1:i2])))
        if j2 > j1:
            parts.append(("+", " ".join(new_words[j1:j2])))
    return parts


def _in_order(rows: list[RowChange]) -> list[RowChange]:
    """The case first, then its parts by kind and name; rows saved unchanged left out."""
    case = str(Campaign._meta.verbose_name)
    return sorted(
        (row for row in rows if row.action != "unchanged"),
        key=lambda row: (row.kind != case, row.kind, row.name),
    )


# --------------------------------------------------------------------------- restoring


def prepare(history: History, revision_id: int, *, recover: bool = False) -> dict:
    """The state ``restore`` would put back (``History.state_at``, with every stored row's
    fields read), less the parts of a case that it must leave alone: a figure, participant,
    image or tag now on another case, or one on this case that was on another case then."""
    state = history.state_at(revision_id, removals_before=recover)
    _read_fields([s for s in state.values() if s is not None])
    if history.campaign_id is None:
        return state
    parts = defaultdict(list)
    for model, object_id in state:
        if model in CASE_PARTS or model is TaggedCampaign:
            parts[model].append(object_id)
    leave = set()
    for model, object_ids in parts.items():
        field = CASE_PARTS.get(model, "content_object")
        for pk, campaign_id in model._base_manager.filter(pk__in=object_ids).values_list(
            "pk", f"{field}_id"
        ):
            if campaign_id != history.campaign_id:
                leave.add((model, str(pk)))
            elif state[(model, str(pk))] is None and _elsewhere_then(model, pk, revision_id):
                leave.add((model, str(pk)))
    return {key: stored for key, stored in state.items() if key not in leave}


def _elsewhere_then(model, pk, revision_id) -> bool:
    """Whether the row existed by ``revision_id`` (on another case: this case's history does
    not hold it then)."""
    content_type = ContentType.objects.get_for_model(model)
    return Version.objects.filter(
        content_type=content_type, object_id=str(pk), revision_id__lte=revision_id
    ).exists()


def restore(
    history: History, revision_id: int, *, user=None, comment: str = "", recover: bool = False
) -> int:
    """Put the rows of ``history`` back as they were just after ``revision_id`` (with
    ``recover``: just before it deleted them), as a new revision. Rows made since are
    deleted; rows removed since are made again; parts now on another case are left there.
    Returns how many rows were written or deleted.

    Raises ``RestoreError`` (and changes nothing) if the old state cannot stand today: a slug
    another row has taken, a source no longer cited, a row it points to that is gone.
    """
    state = prepare(history, revision_id, recover=recover)
    if not any(state.values()):
        raise RestoreError(_("Nothing of it existed at that revision."))
    order = {Campaign: 0, Organisation: 0, Platform: 0, Source: 0, Tag: 0}
    wanted = sorted(
        (s for s in state.values() if s is not None), key=lambda s: order.get(s.model, 1)
    )
    gone = [key for key, s in state.items() if s is None]
    touched = 0
    try:
        with recording(user=user, comment=comment):
            for model, object_id in gone:
                for obj in model._base_manager.filter(pk=object_id):
                    obj.delete()
                    touched += 1
            saved = []
            for s in wanted:
                saved.append(_put_back(s))
                touched += 1
            for obj in saved:
                obj.full_clean()
    except ValidationError as error:
        raise RestoreError(_restore_problem(error)) from None
    except IntegrityError as error:
        raise RestoreError(
            _(
                "It points to something that no longer exists or clashes with a row saved since "
                "(%(error)s)."
            )
            % {"error": error}
        ) from None
    return touched


def _put_back(s: _Stored) -> models.Model:
    model = s.model
    current = model._base_manager.filter(pk=s.object_id).first()
    data = json.dumps([{"model": model._meta.label_lower, "pk": s.object_id, "fields": s.fields}])
    (deserialized,) = serializers.deserialize("json", data, ignorenonexistent=True)
    obj = deserialized.object
    for model_field in model._meta.concrete_fields:
        if model_field.name in DERIVED_FIELDS and current is not None:
            setattr(obj, model_field.attname, getattr(current, model_field.attname))
        elif _dangling(model_field, getattr(obj, model_field.attname)):
            # Who first published it, say, is a person who has since been removed: their
            # account is not part of the history, so the restored row names nobody.
            setattr(obj, model_field.attname, None)
    from . import services  # services record their moves in the revision being made here

    obj._state.adding = current is None
    readers_saw = services.public_statements([current.pk]) if model is Figure and current else {}
    with transaction.atomic():  # a savepoint: a clash is reported, not left half-written
        obj.save()
        for name, pks in (deserialized.m2m_data or {}).items():
            getattr(obj, name).set(pks)
    if current is not None and current.pk in readers_saw:
        services.record_correction(figure=obj, before=readers_saw[current.pk])
    return obj


def _dangling(model_field, value) -> bool:
    """Whether ``value`` points, through a nullable foreign key outside the catalogue (a user),
    to a row that no longer exists."""
    if value is None or not model_field.is_relation or not model_field.null:
        return False
    target = model_field.related_model
    if target in TRACKED_MODELS:
        return False
    return not target._base_manager.filter(pk=value).exists()


def _restore_problem(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def deleted_cases() -> models.QuerySet:
    """The last stored version of every case that has been deleted, newest first."""
    return Version.objects.get_deleted(Campaign).select_related("revision__user").order_by("-pk")


def describe(obj: models.Model) -> str:
    """A row's name for a revision's comment."""
    return Truncator(str(obj)).chars(80)


@dataclass
class Step:
    """What restoring will do to one row."""

    action: str  # "restore", "recreate" or "delete"
    kind: str
    name: str


def plan(state: dict) -> list[Step]:
    """What ``restore`` would do with ``state`` (from ``prepare``), row by row."""
    keys_by_model = defaultdict(list)
    for model, object_id in state:
        keys_by_model[model].append(object_id)
    existing = {}
    for model, object_ids in keys_by_model.items():
        for obj in model._base_manager.filter(pk__in=object_ids):
            existing[(model, str(obj.pk))] = obj
    steps = []
    for (model, object_id), s in state.items():
        kind = str(model._meta.verbose_name)
        now = existing.get((model, object_id))
        if s is None and now is not None:
            steps.append(Step("delete", kind, str(now)))
        elif s is not None:
            steps.append(Step("restore" if now is not None else "recreate", kind, s.name))
    case = str(Campaign._meta.verbose_name)
    return sorted(steps, key=lambda step: (step.kind != case, step.kind, step.name))
