"""
Loading the catalogue from JSON files in Django's fixture format, with natural keys.

``load_catalogue`` reads the files in order, checks every record (its shape, its model and
fields, its references, then ``full_clean()``), saves only what differs from the database and
counts what it created, updated and left unchanged. The whole load is one transaction: a bad
record anywhere stops it with a ``LoadError`` naming the file, the record and the problem, and
the database is left exactly as it was. Loading the same files twice changes nothing the second
time.

Files are read a record at a time and loaded in batches of consecutive records of one model
(``_load_batch``): new rows are checked like any other and written with one INSERT per batch,
and rows that match the database are counted without a write, so a catalogue of 100,000 cases
loads in minutes and in bounded memory. Anything out of the ordinary in a batch (a row that
changed, a reference to a row not there yet, a record that fails a check, a row the database
refuses) sends the whole batch through the record-by-record path, which says exactly what is
wrong and where.

A file holds a list of records such as::

    {"model": "campaigns.source", "fields": {"slug": "cnnic-2020", "title": "…", "kind": "report"}}

Foreign keys and many-to-many values are natural keys (``["cnnic-2020"]``). A record may refer
to a row that a later record in the same load creates; it is saved once that row exists.

As with ``loaddata``, a record describes its whole row: a field it leaves out takes the field's
default. A many-to-many field it leaves out is left alone, and so are the fields the database
keeps itself (``created_at``, ``updated_at``, ``published_at``) once a row exists.

A load that changes anything is one revision of the catalogue's history (``history.py``): the
rows it created or updated, with a comment naming the files and the user, if any, who ran it.
"""

import json
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import get_close_matches
from functools import cache, partial
from pathlib import Path
from typing import Any, BinaryIO

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    FieldDoesNotExist,
    ObjectDoesNotExist,
    ValidationError,
)
from django.core.serializers.base import DeserializationError, DeserializedObject
from django.db import DatabaseError, models, transaction

from . import derived, history, images, jsonlist, services
from .models import Figure, Tag
from .models.base import SafeImageField

logger = logging.getLogger(__name__)

FIXTURE_FILES = (
    "sources.json",
    "organisations.json",
    "platforms.json",
    "campaigns.json",
    "figures.json",
)
"""The catalogue's fixture files, in the order they load: each refers only to the ones before
it. The seed catalogue in ``fixtures/`` and every export are these files."""

LOADABLE_MODELS = (
    "campaigns.source",
    "campaigns.organisation",
    "campaigns.platform",
    "campaigns.tag",
    "campaigns.campaign",
    "campaigns.participation",
    "campaigns.taggedcampaign",
    "campaigns.campaignimage",
    "campaigns.figure",
)
"""Only the catalogue's own rows can be loaded: never users or sessions, nor what the site keeps
about the catalogue (its history, corrections, readers' suggestions, its version)."""

RENAMED_MODELS = {"taggit.tag": "campaigns.tag", "campaigns.metric": "campaigns.figure"}
"""Models that older exports name differently: tags were taggit's before they had Chinese names,
and figures were called metrics (in ``metrics.json``) until the code took the site's word."""

PROGRESS_ABOVE = 1024 * 1024
"""A file of more bytes than this reports its progress every tenth of the way."""

BATCH_SIZE = 500
"""The most records loaded together (see ``_load_batch``)."""

RECORD_KEYS = {"model", "fields"}
MISSING_CODES = {"blank", "null", "required"}


class LoadError(Exception):
    """A file or record that cannot be loaded, with a message a person can act on."""


@dataclass
class ModelCounts:
    """What a load did to the rows of one model."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        """How many records of the model the load met."""
        return self.created + self.updated + self.unchanged


@dataclass
class LoadReport:
    """What a load did (or, in a dry run, would do), model by model in the order first met."""

    files: list[Path]
    dry_run: bool = False
    counts: dict[str, ModelCounts] = field(default_factory=dict)

    @property
    def records(self) -> int:
        """How many records the files held."""
        return sum(counts.total for counts in self.counts.values())

    @property
    def changed(self) -> int:
        """How many rows were (or would be) created or updated."""
        return sum(counts.created + counts.updated for counts in self.counts.values())

    def count(self, label: str, outcome: str) -> None:
        """Add one record of model ``label`` to ``outcome`` (created, updated or unchanged)."""
        counts = self.counts.setdefault(label, ModelCounts())
        setattr(counts, outcome, getattr(counts, outcome) + 1)

    def summary(self) -> str:
        """A headline and a table of created / updated / unchanged rows per model."""
        files = f"{len(self.files)} file{'s' if len(self.files) != 1 else ''}"
        records = f"{self.records:,} record{'s' if self.records != 1 else ''}"
        if self.dry_run:
            headline = (
                f"Dry run: checked {files}, {records}; {self.changed:,} would be created or "
                "updated. Nothing was saved."
            )
        elif self.changed == 0:
            headline = f"Nothing changed: all {records} in {files} already match the database."
        else:
            headline = f"Loaded {files}, {records}, in one transaction."
        outcomes = ("created", "updated", "unchanged")
        rows = [("model", *outcomes)]
        rows += [
            (label, *(f"{getattr(counts, outcome):,}" for outcome in outcomes))
            for label, counts in self.counts.items()
        ]
        rows.append(
            (
                "total",
                *(
                    f"{sum(getattr(counts, outcome) for counts in self.counts.values()):,}"
                    for outcome in outcomes
                ),
            )
        )
        widths = [max(len(row[column]) for row in rows) for column in range(4)]
        lines = [headline]
        for label, *numbers in rows:
            cells = [label.ljust(widths[0])]
            cells += [
                number.rjust(width) for number, width in zip(numbers, widths[1:], strict=True)
            ]
            lines.append("  ".join(cells))
        return "\n".join(lines)


@dataclass(frozen=True)
class _Record:
    """One record of a file and where it is, for messages."""

    path: Path
    position: int
    data: Any

    def where(self, label: str | None = None) -> str:
        place = f"{display_path(self.path)}, record {self.position}"
        return f"{place} ({label})" if label else place

    def error(self, problem: str, label: str | None = None) -> LoadError:
        return LoadError(f"{self.where(label)}: {problem}")


@dataclass
class _Load:
    """What one run of the loader has met so far, kept small whatever the size of the files.

    A record that names a row an earlier record of the load named (created, updated or found
    unchanged) repeats it. The rows named are kept as a bit each, by id: 12 KB for 100,000.
    """

    report: LoadReport
    recording: history.Recording | None = None
    waiting: list[_Record] = field(default_factory=list)
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


def seed_fixture_paths() -> list[Path]:
    """The seed fixtures, each found in the first of settings.FIXTURE_DIRS that holds it."""
    folders = [Path(folder) for folder in settings.FIXTURE_DIRS]
    paths = []
    for name in FIXTURE_FILES:
        found = [folder / name for folder in folders if (folder / name).is_file()]
        paths.append(found[0] if found else folders[0] / name)
    return paths


def load_catalogue(
    *,
    paths: Sequence[Path],
    dry_run: bool = False,
    progress: Callable[[str], None] | None = None,
    user=None,
    comment: str = "",
) -> LoadReport:
    """Load the files in order, in one transaction, and report what changed.

    Raises ``LoadError`` (and changes nothing) at the first file or record that cannot be
    loaded. With ``dry_run`` everything is checked and counted, then rolled back. ``progress``
    is called with a line of text every tenth of the way through a file of more than
    ``PROGRESS_ABOVE`` bytes. What changed is one revision, by ``user`` (None: the command
    line), whose comment is ``comment`` or names the files.
    """
    load = _Load(report=LoadReport(files=[Path(path) for path in paths], dry_run=dry_run))
    comment = comment or "Loaded " + ", ".join(display_path(path) for path in load.report.files)
    with transaction.atomic():
        with history.recording(user=user, comment=comment, manual=True) as recording:
            load.recording = recording
            # What follows the load (counts, documents, the version) is brought in step once,
            # when every record is in: the recording is one unit of work (``derived.py``).
            for path in load.report.files:
                for batch in _batches(_read_records(path, progress)):
                    _load_batch(load, batch)
            _load_waiting(load)
        if dry_run:
            transaction.set_rollback(True)
    return load.report


# --------------------------------------------------------------------------- reading


def display_path(path: Path) -> str:
    """The path as a person would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _kind_of(value: Any) -> str:
    """What sort of JSON value this is, for messages."""
    kinds = [
        (bool, "true or false"),
        (dict, "an object"),
        (list, "a list"),
        (str, "a string"),
    ]
    if value is None:
        return "null"
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return f"the number {value}"
    return next(name for types, name in kinds if isinstance(value, types))


def _read_records(path: Path, progress: Callable[[str], None] | None = None) -> Iterator[_Record]:
    """The records of one JSON file, read one at a time; a LoadError when the file cannot be
    read, says why. ``progress`` hears of every tenth of a large file read."""
    name = display_path(path)
    position = 0
    try:
        with path.open("rb") as stream:
            on_read = _progress_reporter(path, stream, progress, lambda: position)
            for position, item in enumerate(jsonlist.items(stream, on_read=on_read), start=1):
                yield _Record(path, position, item)
            if on_read:
                on_read(None)
    except FileNotFoundError:
        raise LoadError(f"{name}: no such file.") from None
    except UnicodeDecodeError:
        raise LoadError(f"{name}: not UTF-8 text.") from None
    except OSError as error:
        raise LoadError(f"{name}: cannot be read ({error.strerror}).") from None
    except jsonlist.EmptyFile:
        raise LoadError(f"{name}: the file is empty; expected a list of records.") from None
    except jsonlist.ListSyntaxError as error:
        raise LoadError(
            f"{name}: not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None
    except jsonlist.NotAList as error:
        raise LoadError(
            f"{name}: expected a list of records, found {_kind_of(error.value)}."
        ) from None
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        raise LoadError(
            f"{name}: not valid catalogue JSON: a number too long (more than 4,300 digits)."
        ) from None
    except ArithmeticError:  # a decimal's exponent beyond what Python's decimals hold
        raise LoadError(f"{name}: not valid catalogue JSON: a number out of range.") from None
    except RecursionError:
        raise LoadError(
            f"{name}: not valid catalogue JSON: lists or objects nested too deeply."
        ) from None


def _progress_reporter(
    path: Path,
    stream: BinaryIO,
    progress: Callable[[str], None] | None,
    records: Callable[[], int],
) -> Callable[[int | None], None] | None:
    """A function to call with the bytes read so far (None at the end) that reports every
    tenth of a file of more than ``PROGRESS_ABOVE`` bytes; or None for a smaller file."""
    size = os.fstat(stream.fileno()).st_size
    if progress is None or size <= PROGRESS_ABOVE:
        return None
    reported = 0

    def report(bytes_read: int | None) -> None:
        nonlocal reported
        tenths = 10 if bytes_read is None else min(9, bytes_read * 10 // size)
        if tenths > reported:
            reported = tenths
            progress(f"{display_path(path)}: {tenths * 10}% read, {records():,} records")

    return report


# --------------------------------------------------------------------------- checking


def _model_of(record: _Record) -> type[models.Model]:
    """The model a record is for, once its shape has been checked."""
    data = record.data
    if not isinstance(data, dict):
        raise record.error(f"expected an object with “model” and “fields”, found {_kind_of(data)}.")
    if "pk" in data:
        raise record.error(
            "has a “pk”: rows are named by natural key, so primary keys never travel between "
            "databases (dumpdata --natural-foreign --natural-primary writes such files)."
        )
    unexpected = sorted(set(data) - RECORD_KEYS)
    if unexpected:
        raise record.error(
            f"unexpected key “{unexpected[0]}” (a record has only “model” and “fields”)."
        )
    if "model" not in data:
        raise record.error("no “model” given.")
    label = data["model"]
    if isinstance(label, str) and label.lower() in RENAMED_MODELS:
        # Files exported before the model moved still load, as the model it became.
        data["model"] = label = RENAMED_MODELS[label.lower()]
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError, TypeError):
        raise record.error(f"unknown model “{label}”.") from None
    if model._meta.label_lower not in LOADABLE_MODELS:
        raise record.error(
            f"“{model._meta.label_lower}” is not part of the catalogue; only "
            + ", ".join(LOADABLE_MODELS)
            + " records can be loaded."
        )
    if not isinstance(data.get("fields"), dict):
        raise record.error(
            f"“fields” must be an object, found {_kind_of(data.get('fields'))}.",
            model._meta.label_lower,
        )
    return model


def _guess_label(model: type[models.Model], fields: dict) -> str:
    """The model and, when the record shows it plainly, its natural key."""
    for name in ("slug", "key", "name"):
        if isinstance(fields.get(name), str):
            return f"{model._meta.label_lower} “{fields[name]}”"
    return model._meta.label_lower


def _label(obj: models.Model) -> str:
    """The model and natural key of an object, e.g. campaigns.source “cnnic-2020”."""
    return f"{obj._meta.label_lower} “{' / '.join(str(part) for part in _natural_key(obj))}”"


def _natural_key(obj: models.Model) -> tuple:
    """The natural key of an object as a tuple (tags, on taggit's base, give a list)."""
    if hasattr(obj, "natural_key"):
        return tuple(obj.natural_key())
    return (obj.pk,)


def _check_fields(record: _Record, model: type[models.Model], label: str) -> None:
    """Refuse unknown fields and values of the wrong sort before Django reads them."""
    loadable = _loadable_fields(model)
    for name, value in record.data["fields"].items():
        model_field = loadable.get(name)
        if model_field is None:
            raise record.error(_unknown_field(model, name, loadable), label)
        if model_field.many_to_many:
            if not isinstance(value, list) or not all(_is_natural_key(key) for key in value):
                raise record.error(
                    f"{name}: expected a list of natural keys such as [[“a-slug”]], "
                    f"found {_kind_of(value)}.",
                    label,
                )
        elif model_field.is_relation:
            if value is not None and not _is_natural_key(value):
                raise record.error(
                    f"{name}: expected a natural key such as [“a-slug”] or null, "
                    f"found {_kind_of(value)}.",
                    label,
                )
        elif value is not None or not model_field.null:
            problem = _value_problem(model_field, value)
            if problem:
                raise record.error(f"{name}: {problem}", label)
    _forget_missing_curators(record.data["fields"], loadable)


def _forget_missing_curators(fields: dict, loadable: dict) -> None:
    """A curator named by a record (who first published a case, in files exported before
    exports left curators out) is kept where that account exists and left empty where it does
    not: accounts are not part of the catalogue, so a file loads into any database."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for name, value in fields.items():
        model_field = loadable[name]
        if value is None or not model_field.is_relation or model_field.many_to_many:
            continue
        if model_field.related_model is user_model:
            try:
                user_model._default_manager.get_by_natural_key(*value)
            except (ObjectDoesNotExist, TypeError, ValueError):
                fields[name] = None


def _value_problem(model_field: models.Field, value: Any) -> str | None:
    """Why a value cannot go into a (non-relational) field, or None if it can."""
    expected = _expected_json(model_field)
    if expected is not None:
        types, description = expected
        # true and false are ints to Python; only a BooleanField takes them.
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            return f"expected {description}, found {_kind_of(value)}."
    try:
        model_field.to_python(value)
    except ValidationError as error:
        return " ".join(error.messages)
    except (TypeError, ValueError):
        return f"{_kind_of(value)} is not a valid value."
    return None


def _expected_json(model_field: models.Field) -> tuple[tuple[type, ...], str] | None:
    """The JSON types a field's value may be written as, and how to say so; None for any."""
    expectations = [
        (models.BooleanField, (bool,), "true or false"),
        (models.DecimalField, (int, Decimal, str), "a number"),
        (models.IntegerField, (int,), "a whole number"),
        (models.DateTimeField, (str,), "a date and time such as “2020-04-01T09:30:00Z”"),
        (models.DateField, (str,), "a date such as “2020-04-01”"),
        (models.CharField | models.TextField | models.FileField, (str,), "text"),
    ]
    for field_class, types, description in expectations:
        if isinstance(model_field, field_class):
            return types, description
    return None


def _is_natural_key(value: Any) -> bool:
    """Whether a value is written as a natural key: a list of strings and numbers."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(part, str | int) and not isinstance(part, bool) for part in value)
    )


@cache
def _loadable_fields(model: type[models.Model]) -> dict[str, models.Field]:
    """The fields a record may give: concrete fields and plain many-to-many relations."""
    loadable = {}
    for model_field in model._meta.get_fields():
        if getattr(model_field, "primary_key", False):
            continue
        if model_field.concrete and not model_field.many_to_many:
            loadable[model_field.name] = model_field
        elif model_field.many_to_many and not model_field.auto_created:
            if model_field.remote_field.through._meta.auto_created:
                loadable[model_field.name] = model_field
    return loadable


def _unknown_field(model: type[models.Model], name: str, loadable: dict) -> str:
    """Why a field cannot be loaded: it does not exist, or it is loaded another way."""
    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:
        model_field = None
    if model_field is not None and model_field.many_to_many and not model_field.auto_created:
        through = model_field.remote_field.through._meta.label_lower
        return f"“{name}” is not loaded here; give them as {through} records."
    guesses = get_close_matches(name, loadable, n=1)
    hint = f"; did you mean “{guesses[0]}”?" if guesses else "."
    return f"unknown field “{name}” for {model._meta.label_lower}{hint}"


def _missing_reference(record: _Record, model: type[models.Model]) -> str | None:
    """The first natural key of a record that names no existing row, described; or None."""
    loadable = _loadable_fields(model)
    for name, value in record.data["fields"].items():
        model_field = loadable[name]
        if not model_field.is_relation or value is None:
            continue
        target = model_field.related_model
        for key in value if model_field.many_to_many else [value]:
            shown = f"{target._meta.label_lower} “{' / '.join(str(part) for part in key)}”"
            try:
                target._default_manager.get_by_natural_key(*key)
            except ObjectDoesNotExist:
                return f"{name}: there is no {shown}."
            except (TypeError, ValueError):
                shown = json.dumps(key, ensure_ascii=False)
                return f"{name}: {shown} is not a natural key of {target._meta.label_lower}."
    return None


def _validation_problem(error: ValidationError, fields: dict) -> str:
    """A ValidationError in one line, saying plainly when a required field is missing."""
    problems = []
    for name, errors in error.error_dict.items():
        if name != NON_FIELD_ERRORS and name not in fields:
            if any(e.code in MISSING_CODES for e in errors):
                problems.append(f"required field “{name}” is missing.")
                continue
        text = " ".join(message for e in errors for message in e.messages)
        problems.append(text if name == NON_FIELD_ERRORS else f"{name}: {text}")
    return " ".join(problems)


# --------------------------------------------------------------------------- saving


def _load_record(load: _Load, record: _Record) -> None:
    """Load one record; a database error (say, an unmigrated database) names the record too."""
    try:
        _check_and_save(load, record)
    except DatabaseError as error:
        raise record.error(f"the database refused it: {error}".strip()) from None


def _check_and_save(load: _Load, record: _Record) -> None:
    """Check one record and save it if it differs from the database; or set it aside."""
    model = _model_of(record)
    fields = record.data["fields"]
    label = _guess_label(model, fields)
    _check_fields(record, model, label)
    try:
        deserialized = next(
            serializers.deserialize("python", [record.data], handle_forward_references=True)
        )
    except ObjectDoesNotExist:
        # Its natural key is made of rows that do not exist yet.
        deserialized = None
    except DeserializationError as error:
        raise record.error(_missing_reference(record, model) or str(error), label) from None
    if deserialized is None or deserialized.deferred_fields:
        load.waiting.append(record)
        return
    _save(load, record, deserialized)


def _load_waiting(load: _Load) -> None:
    """Save the records that referred to rows created later in the load, as those appear."""
    while load.waiting:
        waiting, load.waiting = load.waiting, []
        for record in waiting:
            _load_record(load, record)
        if len(load.waiting) == len(waiting):
            record = load.waiting[0]
            model = _model_of(record)
            label = _guess_label(model, record.data["fields"])
            problem = _missing_reference(record, model) or "it refers to a row that is missing."
            raise record.error(problem, label)


def _save(load: _Load, record: _Record, deserialized: DeserializedObject) -> None:
    """Validate the object, compare it with its row and save it only if something differs."""
    obj = deserialized.object
    model = type(obj)
    fields = record.data["fields"]
    label = _label(obj)
    if obj.pk is None and isinstance(obj, Tag) and obj.slug:
        # A curator may have renamed a seeded tag; its slug still says which row it is.
        obj.pk = Tag.objects.filter(slug=obj.slug).values_list("pk", flat=True).first()
    existing = model._default_manager.filter(pk=obj.pk).first() if obj.pk is not None else None
    if existing is not None:
        if load.met_before(model, existing.pk):
            raise record.error(f"repeats {_first_naming(load, record, obj)}.", label)
        load.meet(model, existing.pk)
    managed = [f for f in model._meta.concrete_fields if not f.editable and not f.primary_key]
    if existing is not None:
        # The database's own fields (created_at, updated_at, published_at) are kept as they are.
        for model_field in managed:
            setattr(obj, model_field.attname, getattr(existing, model_field.attname))
        obj._state.adding = False
        obj._state.db = existing._state.db

    m2m = deserialized.m2m_data or {}
    try:
        obj.full_clean()
        named_images = _check_named_images(obj, existing)
    except ValidationError as error:
        raise record.error(_validation_problem(error, fields), label) from None
    except OSError as error:
        raise record.error(f"cannot read the file {error.filename}.", label) from None
    for model_field in model._meta.many_to_many:
        if not model_field.blank and (existing is None or model_field.name in m2m):
            if not m2m.get(model_field.name):
                raise record.error(f"{model_field.name}: at least one is required.", label)

    if existing is None:
        outcome = "created"
        changed_m2m = m2m
    else:
        changed_m2m = {
            name: pks
            for name, pks in m2m.items()
            if set(pks) != set(getattr(existing, name).values_list("pk", flat=True))
        }
        differs = any(
            _comparable(f, obj) != _comparable(f, existing)
            for f in model._meta.concrete_fields
            if f.editable and not f.primary_key
        )
        outcome = "updated" if differs or changed_m2m else "unchanged"
    load.report.count(model._meta.label_lower, outcome)
    if outcome == "unchanged":
        return

    readers_saw = services.public_statements([existing.pk]) if model is Figure and existing else {}
    obj.save()  # a new row keeps the times the file gives; an updated one is stamped now
    if existing is not None and existing.pk in readers_saw:
        services.record_correction(figure=obj, before=readers_saw[existing.pk])
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


def _names_an_image(record: _Record, model: type[models.Model]) -> bool:
    """Whether a record names a file for one of its model's image fields (a logo)."""
    fields = record.data["fields"]
    return any(
        fields.get(f.name) for f in model._meta.concrete_fields if isinstance(f, SafeImageField)
    )


def _check_named_images(obj: models.Model, existing: models.Model | None) -> list[tuple]:
    """The image files a record names anew (the row is new, or named another file), checked
    as an upload is: an image in the media folder gets no laxer a check than one uploaded.
    Raises ``ValidationError`` naming the field, or ``OSError`` for a file not there."""
    named = []
    for model_field in type(obj)._meta.concrete_fields:
        if not isinstance(model_field, SafeImageField):
            continue
        stored = getattr(obj, model_field.attname)
        before = getattr(existing, model_field.attname).name if existing is not None else None
        if not stored or stored.name == before:
            continue
        try:
            with stored.storage.open(stored.name, "rb") as file:
                images.clean_image(file)
        except ValidationError as error:
            raise ValidationError({model_field.name: error.error_list}) from None
        named.append((stored.storage, stored.name))
    return named


def _clean_stored_image(storage, name: str) -> None:
    """Write a loaded image file again from its pixels (after its load was committed)."""
    try:
        images.clean_stored(storage, name)
    except (OSError, ValidationError) as error:  # checked in the load; changed since
        logger.warning("could not write %s again: %s", name, error)


def _first_naming(load: _Load, record: _Record, obj: models.Model) -> str:
    """Where the first record naming the same row as ``record`` is, found by reading the
    files again up to it (only when a load fails, so nothing is kept for it meanwhile)."""
    model = type(obj)
    key = _natural_key(obj)
    for path in load.report.files[: load.report.files.index(record.path) + 1]:
        for earlier in _read_records(path):
            if earlier.path == record.path and earlier.position >= record.position:
                break
            if _record_names(earlier, model, key):
                return earlier.where()
    return "an earlier record"


def _record_names(record: _Record, model: type[models.Model], key: tuple) -> bool:
    """Whether a record is of ``model`` and names the row of natural key ``key``."""
    data = record.data
    if not isinstance(data, dict) or not isinstance(data.get("fields"), dict):
        return False
    label = str(data.get("model", "")).lower()
    if RENAMED_MODELS.get(label, label) != model._meta.label_lower:
        return False
    fields = data["fields"]
    named = []
    for path in getattr(model, "natural_key_fields", ()):
        name, _, through = path.partition("__")
        value = fields.get(name)
        named.append(value[0] if through and isinstance(value, list) and value else value)
    if named:
        return tuple(str(part) for part in named) == tuple(str(part) for part in key)
    try:
        deserialized = next(serializers.deserialize("python", [data]))
    except (DeserializationError, ObjectDoesNotExist, ValueError, TypeError):
        return False
    return _natural_key(deserialized.object) == key


def _comparable(model_field: models.Field, obj: models.Model) -> Any:
    """A field's value as the database stores it, so 2234 and 2234.0000 compare equal."""
    return model_field.get_prep_value(model_field.value_from_object(obj))


# --------------------------------------------------------------------------- loading in batches

ONE_AT_A_TIME = {"campaigns.tag", "campaigns.campaignimage"}
"""Models always loaded a record at a time: a tag renamed by a curator is found by its slug,
and an image's file is opened to check it (``_check_named_images``; so is a logo's, whose
batch loads a record at a time). There are few of either."""

CLEAN_READS = {"campaigns.figure": {"campaign": ("sources",)}}
"""The rows a model's ``clean()`` reads through its foreign keys, with what to prefetch for
it, fetched once per batch: a figure checks that its source is among its campaign's."""


@dataclass
class _Entry:
    """One record of a batch, built into an unsaved object."""

    record: _Record
    key: tuple  # its natural key, as ``natural_key()`` gives it
    identity: tuple  # the same with related rows as ids, as the database holds them
    obj: models.Model
    m2m: dict[str, list[Any]]
    outcome: str = "created"


@dataclass
class _Plan:
    """How a batch loads in bulk: the rows to insert, and the records to count as unchanged
    or to load one at a time (updates, which go through ``save()`` and its signals)."""

    model: type[models.Model]
    entries: list[_Entry]
    later: list[_Record] = field(default_factory=list)  # records naming a row of their model


def _batches(records: Iterator[_Record]) -> Iterator[list[_Record]]:
    """Consecutive records naming the same model, up to ``BATCH_SIZE`` at a time."""
    batch: list[_Record] = []
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


def _load_batch(load: _Load, batch: list[_Record]) -> None:
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
            _load_record(load, record)
        return
    label = plan.model._meta.label_lower
    for entry in plan.entries:
        if entry.outcome != "changed":
            load.meet(plan.model, entry.obj.pk)
            load.report.count(label, entry.outcome)
    for entry in plan.entries:
        if entry.outcome == "changed":
            _load_record(load, entry.record)
    for record in plan.later:
        _load_record(load, record)


def _plan(load: _Load, batch: list[_Record]) -> _Plan | None:
    """How to load a batch in bulk, with a few queries for all of it; or None when a record
    needs the one-at-a-time path: it fails a check, refers to a row that is not there (yet),
    repeats a row, or is of a model loaded one at a time."""
    try:
        found = {_checked_model(record) for record in batch}
    except LoadError:
        return None
    model = found.pop()
    key_fields = getattr(model, "natural_key_fields", None)
    if found or not key_fields or model._meta.label_lower in ONE_AT_A_TIME:
        return None
    if any(_names_an_image(record, model) for record in batch):
        return None  # its file is opened and checked, a record at a time
    # A record naming another row of its own model (a figure's conversion names its figure,
    # perhaps in this batch) loads a record at a time once the batch's rows are in.
    later = [record for record in batch if _names_own_model(record, model)]
    batch = [record for record in batch if not _names_own_model(record, model)]
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
        _take_over(entry.obj, existing[entry.identity])
    # Rows that turn out unchanged are checked too: a record may break a rule that a later
    # record's row depends on (a figure's source must stay among its campaign's).
    if not _valid(model, entries):
        return None
    _compare(model, named, existing)
    return _Plan(model, entries, later)


def _names_own_model(record: _Record, model: type[models.Model]) -> bool:
    """Whether a record names a row of its own model through a foreign key."""
    loadable = _loadable_fields(model)
    return any(
        value is not None
        and loadable[name].is_relation
        and not loadable[name].many_to_many
        and loadable[name].related_model is model
        for name, value in record.data["fields"].items()
    )


def _take_over(obj: models.Model, row: models.Model) -> None:
    """Make an unsaved object the existing ``row`` with the record's values: its id, its
    database-kept fields (``created_at``, ``updated_at``, ``published_at``) and its state."""
    obj.pk = row.pk
    for model_field in row._meta.concrete_fields:
        if not model_field.editable and not model_field.primary_key:
            setattr(obj, model_field.attname, getattr(row, model_field.attname))
    obj._state.adding = False
    obj._state.db = row._state.db


def _checked_model(record: _Record) -> type[models.Model]:
    """The model of a record whose shape and fields pass the checks (else a LoadError)."""
    model = _model_of(record)
    _check_fields(record, model, _guess_label(model, record.data["fields"]))
    return model


def _references(batch: list[_Record], model: type[models.Model]) -> dict[tuple, Any] | None:
    """The ids of the rows the batch's records name by natural key, one query per model
    named: ``{(model, natural key): id}``; None if one is missing or not a plain key."""
    loadable = _loadable_fields(model)
    wanted: dict[type[models.Model], set[tuple]] = {}
    for record in batch:
        for name, value in record.data["fields"].items():
            model_field = loadable[name]
            if not model_field.is_relation or value is None:
                continue
            if not model_field.many_to_many and not model_field.target_field.primary_key:
                return None
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


def _build(record: _Record, model: type[models.Model], references: dict) -> _Entry | None:
    """The record as an unsaved object, its many-to-many ids and its natural key; None if its
    natural key is incomplete."""
    loadable = _loadable_fields(model)
    fields = record.data["fields"]
    values, m2m = {}, {}
    for name, value in fields.items():
        model_field = loadable[name]
        target = model_field.related_model
        if model_field.many_to_many:
            m2m[name] = [references[target, tuple(key)] for key in value]
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
    """Mark each entry whose row exists "unchanged" or "changed"; one query per
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
    editable = [f for f in model._meta.concrete_fields if f.editable and not f.primary_key]
    for entry, row in zip(entries, rows, strict=True):
        differs = any(_comparable(f, entry.obj) != _comparable(f, row) for f in editable) or any(
            set(pks) != linked[name].get(row.pk, set()) for name, pks in entry.m2m.items()
        )
        entry.outcome = "changed" if differs else "unchanged"


def _loadable_links(model: type[models.Model]) -> list[models.ManyToManyField]:
    """The many-to-many fields records give (not tags, which have records of their own)."""
    return [f for f in _loadable_fields(model).values() if f.many_to_many]


def _through(model_field: models.ManyToManyField) -> tuple[type[models.Model], str, str]:
    """A many-to-many field's table and its two id columns (this side's first)."""
    through = model_field.remote_field.through
    source = through._meta.get_field(model_field.m2m_field_name()).attname
    target = through._meta.get_field(model_field.m2m_reverse_field_name()).attname
    return through, source, target


def _valid(model: type[models.Model], entries: list[_Entry]) -> bool:
    """Whether every row passes its model's checks, save those the database makes anyway at
    the INSERT (unique fields and constraints; a changed row is saved one at a time, with
    all of them). Foreign keys are not looked up
    again, row by row: ``_references`` found them."""
    foreign_keys = [
        f
        for f in model._meta.concrete_fields
        if f.is_relation and not f.get_limit_choices_to() and not f.primary_key
    ]
    _fetch_what_clean_reads(model, entries)
    for entry in entries:
        obj = entry.obj
        if any(not f.blank and getattr(obj, f.attname) is None for f in foreign_keys):
            return False
        try:
            obj.full_clean(
                exclude=[f.name for f in foreign_keys],
                validate_unique=False,
                validate_constraints=False,
            )
        except (ValidationError, OSError):
            return False
        for model_field in model._meta.many_to_many:
            given = entry.obj._state.adding or model_field.name in entry.m2m
            if not model_field.blank and given and not entry.m2m.get(model_field.name):
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
