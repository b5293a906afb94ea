"""
Checking records before anything is saved: a record's shape and model, its fields and their
values, the rows it names by natural key, the rules a row must pass (``validate``, the same for
a record alone and for a batch) and the messages that say, in one line, what is wrong.
"""

import errno
import json
from decimal import Decimal
from difflib import get_close_matches
from functools import cache
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    FieldDoesNotExist,
    ObjectDoesNotExist,
    ValidationError,
)
from django.core.serializers.base import DeserializationError
from django.db import models

from .. import images, registry
from ..media_storage import STORAGE_ERRORS, describe, is_missing
from ..models import Unit
from ..models.base import SafeImageField
from ..units import units
from .reading import Record, kind_of, read_records

LOADABLE_MODELS = tuple(model._meta.label_lower for model in registry.LOADABLE)
"""Only the catalogue's own rows can be loaded: never users or sessions, nor what the site keeps
about the catalogue (its history, corrections, readers' suggestions, its version)."""

RENAMED_MODELS = {"taggit.tag": "campaigns.tag", "campaigns.metric": "campaigns.figure"}
"""Models that older exports name differently: tags were taggit's before they had Chinese names,
and figures were called metrics (in ``metrics.json``) until the code took the site's word."""

RECORD_KEYS = {"model", "fields"}
MISSING_CODES = {"blank", "null", "required"}


# --------------------------------------------------------------------------- shape and fields


def model_of(record: Record) -> type[models.Model]:
    """The model a record is for, once its shape has been checked."""
    data = record.data
    if not isinstance(data, dict):
        raise record.error(f"expected an object with “model” and “fields”, found {kind_of(data)}.")
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
            f"“fields” must be an object, found {kind_of(data.get('fields'))}.",
            model._meta.label_lower,
        )
    return model


def checked_model(record: Record) -> type[models.Model]:
    """The model of a record whose shape and fields pass the checks (else a LoadError)."""
    model = model_of(record)
    check_fields(record, model, guess_label(model, record.data["fields"]))
    return model


def guess_label(model: type[models.Model], fields: dict) -> str:
    """The model and, when the record shows it plainly, its natural key."""
    for name in ("slug", "key", "name"):
        if isinstance(fields.get(name), str):
            return f"{model._meta.label_lower} “{fields[name]}”"
    return model._meta.label_lower


def label_of(obj: models.Model) -> str:
    """The model and natural key of an object, e.g. campaigns.source “cnnic-2020”."""
    return f"{obj._meta.label_lower} “{' / '.join(str(part) for part in natural_key(obj))}”"


def natural_key(obj: models.Model) -> tuple:
    """The natural key of an object as a tuple (tags, on taggit's base, give a list)."""
    if hasattr(obj, "natural_key"):
        return tuple(obj.natural_key())
    return (obj.pk,)


def check_fields(record: Record, model: type[models.Model], label: str) -> None:
    """Refuse unknown fields and values of the wrong sort before Django reads them."""
    loadable = loadable_fields(model)
    for name, value in record.data["fields"].items():
        model_field = loadable.get(name)
        if model_field is None:
            raise record.error(_unknown_field(model, name, loadable), label)
        if model_field.many_to_many:
            if not isinstance(value, list) or not all(_is_natural_key(key) for key in value):
                raise record.error(
                    f"{name}: expected a list of natural keys such as [[“a-slug”]], "
                    f"found {kind_of(value)}.",
                    label,
                )
        elif named_by_code(model_field):
            if value is not None and not isinstance(value, str):
                raise record.error(
                    f"{name}: expected a code such as “CNY”, found {kind_of(value)}.", label
                )
        elif model_field.is_relation:
            if value is not None and not _is_natural_key(value):
                raise record.error(
                    f"{name}: expected a natural key such as [“a-slug”] or null, "
                    f"found {kind_of(value)}.",
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
            return f"expected {description}, found {kind_of(value)}."
    try:
        model_field.to_python(value)
    except ValidationError as error:
        return " ".join(error.messages)
    except (TypeError, ValueError):
        return f"{kind_of(value)} is not a valid value."
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


def named_by_code(model_field: models.Field) -> bool:
    """Whether a foreign key is written as a code, not as a natural key: a figure's unit
    ("CNY"), checked against the units as kept (``units.py``)."""
    return model_field.many_to_one and model_field.related_model is Unit


def _unknown_unit(name: str, code: str) -> str:
    """Why a code names no unit, and which units there are."""
    known = ", ".join(units().codes)
    return f"{name}: There is no unit “{code}”. The units are: {known}."


def _is_natural_key(value: Any) -> bool:
    """Whether a value is written as a natural key: a list of strings and numbers."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(part, str | int) and not isinstance(part, bool) for part in value)
    )


@cache
def loadable_fields(model: type[models.Model]) -> dict[str, models.Field]:
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


# --------------------------------------------------------------------------- references


def missing_reference(record: Record, model: type[models.Model]) -> str | None:
    """The first natural key of a record that names no existing row, described; or None."""
    loadable = loadable_fields(model)
    for name, value in record.data["fields"].items():
        model_field = loadable[name]
        if not model_field.is_relation or value is None:
            continue
        target = model_field.related_model
        if named_by_code(model_field):
            if value not in units():
                return _unknown_unit(name, value)
            continue
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


def names_own_model(record: Record, model: type[models.Model]) -> bool:
    """Whether a record names a row of its own model through a foreign key."""
    loadable = loadable_fields(model)
    return any(
        value is not None
        and loadable[name].is_relation
        and not loadable[name].many_to_many
        and loadable[name].related_model is model
        for name, value in record.data["fields"].items()
    )


def names_an_image(record: Record, model: type[models.Model]) -> bool:
    """Whether a record names a file for one of its model's image fields (a logo)."""
    fields = record.data["fields"]
    return any(
        fields.get(f.name) for f in model._meta.concrete_fields if isinstance(f, SafeImageField)
    )


def first_naming(files: list[Path], record: Record, obj: models.Model) -> str:
    """Where the first record naming the same row as ``record`` is, found by reading the
    files again up to it (only when a load fails, so nothing is kept for it meanwhile)."""
    model = type(obj)
    key = natural_key(obj)
    for path in files[: files.index(record.path) + 1]:
        for earlier in read_records(path):
            if earlier.path == record.path and earlier.position >= record.position:
                break
            if _record_names(earlier, model, key):
                return earlier.where()
    return "an earlier record"


def _record_names(record: Record, model: type[models.Model], key: tuple) -> bool:
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
    return natural_key(deserialized.object) == key


# --------------------------------------------------------------------------- rules of a row


def validate(
    obj: models.Model,
    m2m: dict[str, list[Any]],
    existing: models.Model | None,
    *,
    in_bulk: bool = False,
) -> list[tuple]:
    """Run the checks a row passes before it is saved, a record alone or in a batch: its
    model's ``full_clean()``, the image files it names anew (``check_named_images``), then a
    value for each required many-to-many field that the record gives or the new row needs.
    Returns the image files named anew; raises ``ValidationError`` naming the field, or
    ``OSError`` for an image file that is not there.

    ``in_bulk`` leaves out what the database checks at the INSERT anyway (unique fields and
    constraints; a changed row is saved one at a time, with all of them), and looks no foreign
    key up again, row by row (the batch found them all at once): only an empty required one
    is refused."""
    model = type(obj)
    exclude = []
    if in_bulk:
        foreign_keys = [
            f
            for f in model._meta.concrete_fields
            if f.is_relation and not f.get_limit_choices_to() and not f.primary_key
        ]
        for model_field in foreign_keys:
            if not model_field.blank and getattr(obj, model_field.attname) is None:
                raise ValidationError({model_field.name: model_field.error_messages["null"]})
        exclude = [f.name for f in foreign_keys]
    obj.full_clean(exclude=exclude, validate_unique=not in_bulk, validate_constraints=not in_bulk)
    named_images = check_named_images(obj, existing)
    for model_field in model._meta.many_to_many:
        given = obj._state.adding or model_field.name in m2m
        if not model_field.blank and given and not m2m.get(model_field.name):
            raise ValidationError({model_field.name: "at least one is required."})
    return named_images


def check_named_images(obj: models.Model, existing: models.Model | None) -> list[tuple]:
    """The image files a record names anew (the row is new, or named another file), checked
    as an upload is: an image in the media storage gets no laxer a check than one uploaded.
    Raises ``ValidationError`` naming the field, or ``OSError`` for a file that cannot be read
    (not there, or in a bucket that cannot be reached), named with the storage."""
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
        except STORAGE_ERRORS as error:  # named by the storage's own name, whichever it is
            raise OSError(
                errno.ENOENT if is_missing(error) else errno.EIO,
                str(error),
                f"{stored.name} in {describe(stored.storage)}",
            ) from None
        named.append((stored.storage, stored.name))
    return named


def validation_problem(error: ValidationError, fields: dict) -> str:
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
