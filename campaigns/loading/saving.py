"""
Saving a checked record, and the steps every save takes, a record alone or a batch in bulk
(``bulk.py``): taking over the row a record names (``take_over``), checking the row
(``checks.validate``) and deciding what the record does to it (``decide``: created, updated
or unchanged). A record alone is read by Django's deserializer, which follows its natural keys
one query at a time and sets it aside while it names a row a later record creates; it is saved
with ``save()`` and its signals, and a figure that readers saw gets its correction.
"""

import logging
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.serializers.base import DeserializationError, DeserializedObject
from django.db import DatabaseError, models, transaction

from .. import history, images, services
from ..models import Figure, Tag
from ..registry import CURATION_FIELDS
from .checks import (
    check_fields,
    first_naming,
    guess_label,
    label_of,
    missing_reference,
    model_of,
    validate,
    validation_problem,
)
from .reading import Record
from .report import CorrectionNoteMissing, LoadedCorrection, LoadReport

logger = logging.getLogger(__name__)


@dataclass
class Load:
    """What one run of the loader has met so far, kept small whatever the size of the files.

    A record that names a row an earlier record of the load named (created, updated or found
    unchanged) repeats it. The rows named are kept as a bit each, by id: 12 KB for 100,000.
    """

    report: LoadReport
    recording: history.Recording | None = None
    note: services.Note = field(default_factory=services.Note)
    """The public note of the corrections the load makes."""
    require_note: bool = False
    """Whether a correction without its note in both languages stops the load."""
    waiting: list[Record] = field(default_factory=list)
    named: dict[type[models.Model], bytearray | set] = field(default_factory=dict)

    def met_before(self, model: type[models.Model], pk: Any) -> bool:
        """Whether a record of this load named the row ``pk`` already."""
        named = self.named.get(model)
        if named is None:
            return False
        if isinstance(named, set):
            return pk in named
        index = pk >> 3
        return index < len(named) and bool(named[index] & (1 << (pk & 7)))

    def meet(self, model: type[models.Model], pk: Any) -> None:
        """Note that a record of this load named the row ``pk``."""
        named = self.named.get(model)
        if named is None:  # a bit per id; a set for ids that are not numbers
            named = self.named[model] = bytearray() if isinstance(pk, int) else set()
        if isinstance(named, set):
            named.add(pk)
            return
        index = pk >> 3
        if index >= len(named):
            named.extend(bytes(index - len(named) + 1 + len(named) // 2))
        named[index] |= 1 << (pk & 7)


# --------------------------------------------------------------------------- every save


def take_over(obj: models.Model, row: models.Model) -> None:
    """Make an unsaved object the existing ``row`` with the record's values: its id, its
    database-kept fields (``created_at``, ``updated_at``, ``published_at``), the curators' own
    records a file never carries (``registry.CURATION_FIELDS``: a reviewer's note) and its
    state."""
    obj.pk = row.pk
    curation = CURATION_FIELDS.get(type(row), {})
    for model_field in row._meta.concrete_fields:
        kept = not model_field.editable or model_field.name in curation
        if kept and not model_field.primary_key:
            setattr(obj, model_field.attname, getattr(row, model_field.attname))
    obj._state.adding = False
    obj._state.db = row._state.db


def decide(
    obj: models.Model,
    row: models.Model | None,
    m2m: dict[str, list[Any]],
    linked: dict[str, set],
) -> tuple[str, dict[str, list[Any]]]:
    """What saving ``obj`` does to its ``row`` (None: there is none yet): "created", "updated"
    or "unchanged", and the many-to-many values to set. ``linked`` holds the ids the row is
    linked to now, for each many-to-many field in ``m2m``."""
    if row is None:
        return "created", m2m
    changed_m2m = {name: pks for name, pks in m2m.items() if set(pks) != linked[name]}
    differs = any(
        _comparable(f, obj) != _comparable(f, row)
        for f in type(obj)._meta.concrete_fields
        if f.editable and not f.primary_key
    )
    return ("updated" if differs or changed_m2m else "unchanged"), changed_m2m


def _comparable(model_field: models.Field, obj: models.Model) -> Any:
    """A field's value as the database stores it, so 2234 and 2234.0000 compare equal."""
    return model_field.get_prep_value(model_field.value_from_object(obj))


# --------------------------------------------------------------------------- a record at a time


def load_record(load: Load, record: Record) -> None:
    """Load one record; a database error (say, an unmigrated database) names the record too."""
    try:
        _check_and_save(load, record)
    except DatabaseError as error:
        raise record.error(f"the database refused it: {error}".strip()) from None


def _check_and_save(load: Load, record: Record) -> None:
    """Check one record and save it if it differs from the database; or set it aside."""
    model = model_of(record)
    fields = record.data["fields"]
    label = guess_label(model, fields)
    check_fields(record, model, label)
    try:
        deserialized = next(
            serializers.deserialize("python", [record.data], handle_forward_references=True)
        )
    except ObjectDoesNotExist:
        # Its natural key is made of rows that do not exist yet.
        deserialized = None
    except DeserializationError as error:
        raise record.error(missing_reference(record, model) or str(error), label) from None
    if deserialized is None or deserialized.deferred_fields:
        load.waiting.append(record)
        return
    _save(load, record, deserialized)


def load_waiting(load: Load) -> None:
    """Save the records that referred to rows created later in the load, as those appear."""
    while load.waiting:
        waiting, load.waiting = load.waiting, []
        for record in waiting:
            load_record(load, record)
        if len(load.waiting) == len(waiting):
            record = load.waiting[0]
            model = model_of(record)
            label = guess_label(model, record.data["fields"])
            problem = missing_reference(record, model) or "it refers to a row that is missing."
            raise record.error(problem, label)


def _save(load: Load, record: Record, deserialized: DeserializedObject) -> None:
    """Validate the object, compare it with its row and save it only if something differs."""
    obj = deserialized.object
    model = type(obj)
    fields = record.data["fields"]
    label = label_of(obj)
    if obj.pk is None and isinstance(obj, Tag) and obj.slug:
        # A curator may have renamed a seeded tag; its slug still says which row it is.
        obj.pk = Tag.objects.filter(slug=obj.slug).values_list("pk", flat=True).first()
    existing = model._default_manager.filter(pk=obj.pk).first() if obj.pk is not None else None
    if existing is not None:
        if load.met_before(model, existing.pk):
            raise record.error(f"repeats {first_naming(load.report.files, record, obj)}.", label)
        load.meet(model, existing.pk)
        take_over(obj, existing)

    m2m = deserialized.m2m_data or {}
    try:
        named_images = validate(obj, m2m, existing)
    except ValidationError as error:
        raise record.error(validation_problem(error, fields), label) from None
    except OSError as error:
        raise record.error(f"cannot read the file {error.filename}.", label) from None

    linked = {}
    if existing is not None:
        linked = {name: set(getattr(existing, name).values_list("pk", flat=True)) for name in m2m}
    outcome, changed_m2m = decide(obj, existing, m2m, linked)
    load.report.count(model._meta.label_lower, outcome)
    if outcome == "unchanged":
        return

    readers_saw = services.public_statements([existing.pk]) if model is Figure and existing else {}
    obj.save()  # a new row keeps the times the file gives; an updated one is stamped now
    if existing is not None and existing.pk in readers_saw:
        _correct(load, record, obj, readers_saw[existing.pk])
    for storage, name in named_images:
        # Written again as an upload is, once the load is kept (a load that fails leaves
        # the media folder as it was).
        transaction.on_commit(partial(_clean_stored_image, storage, name))
    if existing is None:
        load.meet(model, obj.pk)
    for name, pks in changed_m2m.items():
        getattr(obj, name).set(pks)
    if load.recording is not None:
        load.recording.add([obj])


def _correct(load: Load, record: Record, figure: Figure, before: services.Statement) -> None:
    """Record the correction readers see of a published figure the load changed, with the
    load's note (if it must have one in both languages and has not, stop the load)."""
    correction = services.record_correction(figure=figure, before=before, note=load.note)
    if correction is None:
        return
    case_title = figure.campaign.title
    missing = load.note.missing()
    if load.require_note and missing:
        problem = record.error(
            f"changes what the figure “{figure.label}” of the published case “{case_title}” "
            f"states (“{correction.before}” → “{correction.after}”): readers will see a "
            f"correction. {services.missing_note_message(missing)}",
            label_of(figure),
        )
        raise CorrectionNoteMissing(str(problem))
    load.report.corrections.append(LoadedCorrection(case_title, correction))


def _clean_stored_image(storage, name: str) -> None:
    """Write a loaded image file again from its pixels (after its load was committed)."""
    try:
        images.clean_stored(storage, name)
    except (OSError, ValidationError) as error:  # checked in the load; changed since
        logger.warning("could not write %s again: %s", name, error)
