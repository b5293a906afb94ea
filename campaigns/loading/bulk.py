"""
Saving a batch of consecutive records of one model in bulk: a few queries find every row the
batch names, one ``bulk_create`` inserts its new rows, which are reported to ``derived.py``,
and rows that match the database are counted without a write, so a catalogue of 100,000 cases
loads in minutes. Each row is taken over, checked and compared as a record alone is
(``saving.take_over``, ``checks.validate``, ``saving.decide``). Anything out of the ordinary in
a batch (a row that changed, a reference to a row not there yet, a record that fails a check, a
row the database refuses) sends the whole batch through ``saving.load_record``, a record at a
time, which says exactly what is wrong and where.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction

from .. import derived, history
from ..units import units
from . import saving
from .checks import (
    checked_model,
    loadable_fields,
    named_by_code,
    names_an_image,
    names_own_model,
    validate,
)
from .reading import Record
from .report import LoadError
from .rules import as_new_row

BATCH_SIZE = 500
"""The most records loaded together (see ``load_batch``)."""

ONE_AT_A_TIME = {"campaigns.tag", "campaigns.campaignimage"}
"""Models always loaded a record at a time: a tag renamed by a curator is found by its slug,
and an image's file is opened to check it (``checks.check_named_images``; so is a logo's, whose
batch loads a record at a time). There are few of either."""

CLEAN_READS = {"campaigns.figure": {"campaign": ("sources",)}}
"""The rows a model's ``clean()`` reads through its foreign keys, with what to prefetch for
it, fetched once per batch: a figure checks that its source is among its campaign's."""


@dataclass
class _Entry:
    """One record of a batch, built into an unsaved object."""

    record: Record
    key: tuple  # its natural key, as ``natural_key()`` gives it
    identity: tuple  # the same with related rows as ids, as the database holds them
    obj: models.Model
    m2m: dict[str, list[Any]]
    outcome: str = "created"  # or what ``saving.decide`` finds for a row that exists
    asked: str = ""  # the status a new case's record gave, made a draft (``rules.as_new_row``)


@dataclass
class _Plan:
    """How a batch loads in bulk: the rows to insert, and the records to count as unchanged
    or to load one at a time (updates, which go through ``save()`` and its signals)."""

    model: type[models.Model]
    entries: list[_Entry]
    later: list[Record] = field(default_factory=list)  # records naming a row of their model


def batches(records: Iterator[Record]) -> Iterator[list[Record]]:
    """Consecutive records naming the same model, up to ``BATCH_SIZE`` at a time."""
    batch: list[Record] = []
    label = None
    for record in records:
        named = record.data.get("model") if isinstance(record.data, dict) else None
        if batch and (named != label or len(batch) == BATCH_SIZE):
            yield batch
            batch = []
        batch.append(record)
        label = named
    if batch:
        yield batch


def load_batch(load: saving.Load, batch: list[Record]) -> None:
    """Load a batch: in bulk when ``_plan`` finds nothing out of the ordinary in it, else a
    record at a time, which finds and names whatever it was (or saves it, if it was fine)."""
    plan = None
    if len(batch) > 1:
        try:
            with transaction.atomic():  # a savepoint: a refused INSERT leaves nothing behind
                plan = _plan(load, batch)
                if plan is not None:
                    _insert(plan, load.recording)
        except DatabaseError:  # a unique field taken, an unmigrated table …: the record-by-
            plan = None  # record path names the record and what the database said
    if plan is None:
        for record in batch:
            saving.load_record(load, record)
        return
    label = plan.model._meta.label_lower
    for entry in plan.entries:
        if entry.outcome != "updated":
            load.meet(plan.model, entry.obj.pk)
            load.report.count(label, entry.outcome)
        if entry.outcome == "created":
            _check_and_describe(load, entry)
    for entry in plan.entries:
        if entry.outcome == "updated":
            saving.load_record(load, entry.record)
    for record in plan.later:
        saving.load_record(load, record)


def _check_and_describe(load: saving.Load, entry: _Entry) -> None:
    """``saving.check_and_describe`` for a new row inserted in bulk: a refused one is noted
    (a load that keeps going) or stops the load, whose transaction then leaves nothing."""
    try:
        saving.check_and_describe(load, entry.record, entry.obj, None, {}, entry.asked)
    except LoadError as error:
        if not load.keep_going:
            raise
        load.report.problems.append(str(error))


def _plan(load: saving.Load, batch: list[Record]) -> _Plan | None:
    """How to load a batch in bulk, with a few queries for all of it; or None when a record
    needs the one-at-a-time path: it fails a check, refers to a row that is not there (yet),
    repeats a row, or is of a model loaded one at a time."""
    try:
        found = {checked_model(record) for record in batch}
    except LoadError:
        return None
    model = found.pop()
    key_fields = getattr(model, "natural_key_fields", None)
    if found or not key_fields or model._meta.label_lower in ONE_AT_A_TIME:
        return None
    if any(names_an_image(record, model) for record in batch):
        return None  # its file is opened and checked, a record at a time
    # A record naming another row of its own model (a figure's conversion names its figure,
    # perhaps in this batch) loads a record at a time once the batch's rows are in.
    later = [record for record in batch if names_own_model(record, model)]
    batch = [record for record in batch if not names_own_model(record, model)]
    if not batch:
        return None
    references = _references(batch, model)
    if references is None:
        return None
    entries = []
    for record in batch:
        entry = _build(record, model, references)
        if entry is None:
            return None
        entries.append(entry)
    if len({entry.key for entry in entries}) < len(entries):
        return None  # a record repeats another
    existing = _existing(model, entries)
    named = [entry for entry in entries if entry.identity in existing]
    if any(load.met_before(model, existing[entry.identity].pk) for entry in named):
        return None  # a record repeats one of an earlier batch
    for entry in named:  # as the record-by-record path does, before it checks and compares
        saving.take_over(entry.obj, existing[entry.identity])
    for entry in entries:
        if entry.identity not in existing:
            entry.asked = as_new_row(load.rules, entry.obj)
    # Rows that turn out unchanged are checked too: a record may break a rule that a later
    # record's row depends on (a figure's source must stay among its campaign's).
    if not _valid(model, entries, existing):
        return None
    _compare(model, named, existing)
    return _Plan(model, entries, later)


def _references(batch: list[Record], model: type[models.Model]) -> dict[tuple, Any] | None:
    """The ids of the rows the batch's records name by natural key, one query per model
    named: ``{(model, natural key): id}``; None if one is missing or not a plain key."""
    loadable = loadable_fields(model)
    wanted: dict[type[models.Model], set[tuple]] = {}
    for record in batch:
        for name, value in record.data["fields"].items():
            model_field = loadable[name]
            if not model_field.is_relation or value is None:
                continue
            if not model_field.many_to_many and not model_field.target_field.primary_key:
                return None
            if named_by_code(model_field):  # a unit's code is its id; an unknown one is named
                if value not in units():  # by the record-by-record path
                    return None
                continue
            keys = value if model_field.many_to_many else [value]
            wanted.setdefault(model_field.related_model, set()).update(map(tuple, keys))
    references = {}
    for target, keys in wanted.items():
        key_fields = getattr(target, "natural_key_fields", ())
        if len(key_fields) != 1 or "__" in key_fields[0] or any(len(key) != 1 for key in keys):
            return None
        lookup = {f"{key_fields[0]}__in": [key[0] for key in keys]}
        rows = target._default_manager.filter(**lookup).values_list(key_fields[0], "pk")
        references.update(((target, (value,)), pk) for value, pk in rows)
        if any((target, key) not in references for key in keys):
            return None
    return references


def _build(record: Record, model: type[models.Model], references: dict) -> _Entry | None:
    """The record as an unsaved object, its many-to-many ids and its natural key; None if its
    natural key is incomplete."""
    loadable = loadable_fields(model)
    fields = record.data["fields"]
    values, m2m = {}, {}
    for name, value in fields.items():
        model_field = loadable[name]
        target = model_field.related_model
        if model_field.many_to_many:
            m2m[name] = [references[target, tuple(key)] for key in value]
        elif named_by_code(model_field):
            values[model_field.attname] = value
        elif model_field.is_relation:
            values[model_field.attname] = value and references[target, tuple(value)]
        else:
            values[model_field.attname] = model_field.to_python(value)
    key, identity = [], []
    for path, column in zip(model.natural_key_fields, _identity_fields(model), strict=True):
        name, _, through = path.partition("__")
        value = values.get(column)
        if value is None:
            return None
        identity.append(value)
        key.append(fields[name][0] if through else value)
    obj = model(**values)
    return _Entry(record, tuple(key), tuple(identity), obj, m2m)


def _identity_fields(model: type[models.Model]) -> list[str]:
    """The columns that hold a model's natural key (ids for its related parts)."""
    return [
        model._meta.get_field(path.partition("__")[0]).attname for path in model.natural_key_fields
    ]


def _existing(model: type[models.Model], entries: list[_Entry]) -> dict[tuple, models.Model]:
    """The rows the batch's records name that exist already, by identity: one query."""
    columns = _identity_fields(model)
    lookup = {f"{columns[0]}__in": {entry.identity[0] for entry in entries}}
    rows = model._default_manager.filter(**lookup).order_by()
    return {tuple(getattr(row, column) for column in columns): row for row in rows}


def _compare(model: type[models.Model], entries: list[_Entry], existing: dict) -> None:
    """Set the outcome (``decide``) of each entry whose row exists; one query per
    many-to-many field for the lot."""
    if not entries:
        return
    rows = [existing[entry.identity] for entry in entries]
    linked: dict[str, dict[Any, set]] = {}
    for model_field in _loadable_links(model):
        if any(model_field.name in entry.m2m for entry in entries):
            through, source, target = _through(model_field)
            pairs = through.objects.filter(**{f"{source}__in": [row.pk for row in rows]})
            linked[model_field.name] = {}
            for pk, other in pairs.values_list(source, target):
                linked[model_field.name].setdefault(pk, set()).add(other)
    for entry, row in zip(entries, rows, strict=True):
        now = {name: linked[name].get(row.pk, set()) for name in entry.m2m}
        entry.outcome, _ = saving.decide(entry.obj, row, entry.m2m, now)


def _loadable_links(model: type[models.Model]) -> list[models.ManyToManyField]:
    """The many-to-many fields records give (not tags, which have records of their own)."""
    return [f for f in loadable_fields(model).values() if f.many_to_many]


def _through(model_field: models.ManyToManyField) -> tuple[type[models.Model], str, str]:
    """A many-to-many field's table and its two id columns (this side's first)."""
    through = model_field.remote_field.through
    source = through._meta.get_field(model_field.m2m_field_name()).attname
    target = through._meta.get_field(model_field.m2m_reverse_field_name()).attname
    return through, source, target


def _valid(model: type[models.Model], entries: list[_Entry], existing: dict) -> bool:
    """Whether every row passes ``validate`` in bulk, the rows its ``clean()`` reads fetched
    once for the lot."""
    _fetch_what_clean_reads(model, entries)
    for entry in entries:
        try:
            validate(entry.obj, entry.m2m, existing.get(entry.identity), in_bulk=True)
        except (ValidationError, OSError):
            return False
    return True


def _fetch_what_clean_reads(model: type[models.Model], entries: list[_Entry]) -> None:
    """Give the new rows the related rows their ``clean()`` reads (``CLEAN_READS``)."""
    for name, prefetch in CLEAN_READS.get(model._meta.label_lower, {}).items():
        model_field = model._meta.get_field(name)
        pks = {getattr(entry.obj, model_field.attname) for entry in entries} - {None}
        rows = model_field.related_model._default_manager.filter(pk__in=pks)
        related = rows.prefetch_related(*prefetch).in_bulk()
        for entry in entries:
            pk = getattr(entry.obj, model_field.attname)
            if pk is not None:
                setattr(entry.obj, name, related[pk])


def _insert(plan: _Plan, recording: history.Recording | None) -> None:
    """Insert the plan's new rows and their many-to-many links, and report them to
    ``derived.py``, which keeps what is derived from them in step."""
    model = plan.model
    new = [entry for entry in plan.entries if entry.outcome == "created"]
    if not new:
        return
    for entry in new:
        if hasattr(entry.obj, "fill_in"):
            entry.obj.fill_in()
    rows = model._base_manager.bulk_create([entry.obj for entry in new])
    links = {}
    for model_field in _loadable_links(model):
        through, source, target = _through(model_field)
        pairs = [
            (row.pk, pk)
            for row, entry in zip(rows, new, strict=True)
            for pk in entry.m2m.get(model_field.name, [])
        ]
        through.objects.bulk_create(through(**{source: a, target: b}) for a, b in pairs)
        links[model_field.name] = pairs
    derived.added(model, rows, links)
    if recording is not None:
        recording.add(rows)
