"""
Reading a history: the stored versions and removals of a case with its parts, or of one row
(``History``), as revisions each with what it changed, field by field (``History.entries``),
and the state of its rows at any revision (``History.state_at``).

A value is shown as a curator reads it (choices by label, links by name, figures grouped), and
a long text as a word-by-word diff.
"""

import difflib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import localize
from django.utils.translation import gettext as _
from reversion.models import Revision, Version

from .. import registry
from ..display import grouped_number
from ..models import Campaign, Status
from ..models.history import Removal
from .recording import BASELINE
from .versions import same

REVISIONS_PER_PAGE = 50
"""Revisions shown on one page of an object's history."""

LONG_TEXT = 160
"""Values longer than this are shown as a word-by-word diff rather than old → new."""


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
class Stored:
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
    def of_campaign(cls, campaign_id: int) -> "History":
        """A case and its parts (figures, participants, images, tags)."""
        return cls(
            Version.objects.filter(campaign_version__campaign_id=campaign_id),
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

    def _outline(self) -> tuple[list[Stored], list[tuple[int, int, str]]]:
        if not hasattr(self, "_cached_outline"):
            outline = self._versions.order_by("pk").annotate(
                baseline=models.ExpressionWrapper(
                    models.Q(revision__comment=BASELINE), output_field=models.BooleanField()
                )
            )
            stored = [
                Stored(pk, rid, ContentType.objects.get_for_id(ct).model_class(), oid, base)
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
        previous: dict[tuple, Stored] = {}
        shown = []  # (stored, the version before it of the same row)
        for s in stored:
            key = (s.model, s.object_id)
            if s.revision_id in wanted:
                shown.append((s, previous.get(key)))
            previous[key] = s
        read_fields([item for pair in shown for item in pair if item is not None])
        names = Names()
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
            rows_by_revision[s.revision_id].append(row_change(s, before, names, baseline))
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

    def last_published_revision(self) -> int | None:
        """The latest revision after which the case stood published, or ``None`` if it never
        did (as far as its history goes)."""
        stored, _removed = self._outline()
        cases = [s for s in stored if s.model is Campaign]
        read_fields(cases)
        published = [s.revision_id for s in cases if s.fields.get("status") == Status.PUBLISHED]
        return max(published, default=None)

    def changes_between(self, earlier: int, later: int) -> list[RowChange]:
        """What changed in the rows from just after revision ``earlier`` to just after
        ``later``, row by row and field by field, in the order of ``entries``."""
        before, after = self.state_at(earlier), self.state_at(later)
        read_fields([s for s in (*before.values(), *after.values()) if s is not None])
        names = Names()
        for s in (*before.values(), *after.values()):
            if s is not None:
                names.collect(s.model, s.fields)
        names.fetch()
        rows = []
        for key in before.keys() | after.keys():
            old, new = before.get(key), after.get(key)
            if new is None and old is not None:
                rows.append(RowChange("removed", str(old.model._meta.verbose_name), old.name))
            elif new is not None and (old is None or old.pk != new.pk):
                rows.append(row_change(new, old, names))
        return _in_order(rows)

    def state_at(self, revision_id: int, *, removals_before: bool = False) -> dict:
        """What the rows were just after ``revision_id``: {(model, object_id): stored version,
        or None for a row that did not exist then}; a case's, less the corrections readers were
        shown under it (its history shows them; restoring it never puts them back or takes
        them away). With ``removals_before``, the removals of that revision itself are not
        counted (recovering what it deleted)."""
        stored, removed = self._outline()
        latest: dict[tuple, Stored | None] = {}
        # A correction's own history restores its wording.
        leave_out = registry.PUBLIC_RECORD if self.campaign_id is not None else ()
        for s in stored:
            if s.model in leave_out:
                continue
            key = (s.model, s.object_id)
            if key not in latest:  # a baseline is how the row stood before any revision
                latest[key] = s if s.baseline else None
            if s.revision_id <= revision_id:
                latest[key] = s
        for rid, content_type_id, object_id in removed:
            key = (ContentType.objects.get_for_id(content_type_id).model_class(), object_id)
            if key[0] in leave_out:
                continue
            kept = latest.get(key)
            too_late = rid > revision_id or (removals_before and rid == revision_id)
            if kept is not None and not too_late and rid >= kept.revision_id:
                latest[key] = None
        return latest


def read_fields(stored: list[Stored]) -> None:
    """Read the serialized fields of the stored versions, in one query."""
    missing = [s for s in stored if s.fields is None]
    data = Version.objects.filter(pk__in=[s.pk for s in missing]).in_bulk(field_name="pk")
    for s in missing:
        version = data[s.pk]
        (item,) = json.loads(version.serialized_data)
        s.fields = item["fields"]
        s.name = version.object_repr


class Names:
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


def row_change(s: Stored, before: Stored | None, names: Names, baseline: bool = False) -> RowChange:
    kind = str(s.model._meta.verbose_name)
    old_fields = before.fields if before else {}
    changes = []
    for name, new in s.fields.items():
        old = old_fields.get(name)
        if before is not None and same(s.model, name, old, new):
            continue
        if before is None and new in (None, "", [], False):
            continue
        changes.append(_field_change(s.model, name, old, new, names))
    if before is None:
        return RowChange("recorded" if baseline else "added", kind, s.name, changes)
    return RowChange("changed" if changes else "unchanged", kind, s.name, changes)


def _field_change(model, name, old, new, names: Names) -> FieldChange:
    try:
        model_field = model._meta.get_field(name)
        label = str(model_field.verbose_name)
    except Exception:
        model_field, label = None, name
    old_text, new_text = _shown(model_field, old, names), _shown(model_field, new, names)
    if max(len(old_text), len(new_text)) > LONG_TEXT:
        return FieldChange(label, "", "", diff=_word_diff(old_text, new_text))
    return FieldChange(label, old_text, new_text)


def _shown(model_field, value, names: Names) -> str:
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
