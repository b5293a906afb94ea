"""
What a load does to each row, described for a person (the admin's dry run): the row by its
title, the case it belongs to, each field that changes (before → after, as curators read
them), whether the case is published and whether a case's status changes.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils.text import Truncator

from ..models import Campaign, Status

LONGEST = 160
"""The most characters of a value shown (a summary is cut, with an ellipsis)."""


@dataclass(frozen=True)
class Difference:
    """One field of a row that a load changes, as a curator reads it."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class RowChange:
    """A row a load creates or updates (in a dry run, would), described."""

    kind: str
    """The model's name, as the admin says it (“campaign”, “figure”)."""
    title: str
    outcome: str
    """"created" or "updated"."""
    case: str = ""
    """The title of the case the row is part of (a figure's, a participant's)."""
    published: bool = False
    """Whether the row is a published case or part of one: readers see the change."""
    status: Difference | None = None
    """A case's status, when the load sets it anew (“” before, for a new case)."""
    differences: list[Difference] = field(default_factory=list)
    """The fields of an updated row that change."""
    asked: str = ""
    """The status a new case's record gave, when it is created as a draft instead."""


def case_of(obj: models.Model, cases: dict[Any, Campaign]) -> Campaign | None:
    """The case a row is or is part of (through its foreign key to a case), or None; the
    cases read are kept in ``cases`` (by id), so a load reads each once."""
    if isinstance(obj, Campaign):
        return obj
    for model_field in obj._meta.concrete_fields:
        if model_field.is_relation and model_field.related_model is Campaign:
            pk = getattr(obj, model_field.attname)
            if pk is not None and pk not in cases:
                cases[pk] = Campaign.objects.only("title", "status").get(pk=pk)
            return cases.get(pk)
    return None


def describe(
    obj: models.Model,
    existing: models.Model | None,
    m2m: dict[str, list[Any]],
    cases: dict[Any, Campaign],
    asked: str = "",
) -> RowChange:
    """The change of a row ``obj`` (unsaved, with the record's values) makes to ``existing``
    (None: a new row); ``m2m`` holds the many-to-many ids it sets anew, ``cases`` the cases
    read so far (``case_of``); ``asked``: the status a new case's record gave, when it is
    created as a draft instead (``rules.as_new_row``)."""
    case = case_of(existing if existing is not None else obj, cases)
    published = case is not None and case.status == Status.PUBLISHED
    status = None
    if isinstance(obj, Campaign):
        before = existing.status if existing is not None else ""
        if obj.status != before and (before or obj.status != Status.DRAFT):
            status = Difference(
                str(Campaign._meta.get_field("status").verbose_name),
                _choice(Status, before),
                _choice(Status, obj.status),
            )
        published = published or obj.status == Status.PUBLISHED
    differences = []
    if existing is not None:
        for model_field in type(obj)._meta.concrete_fields:
            if not model_field.editable or model_field.primary_key:
                continue
            if model_field.name == "status" and isinstance(obj, Campaign):
                continue  # said apart
            if _stored(model_field, existing) != _stored(model_field, obj):
                before, after = _shown(model_field, existing), _shown(model_field, obj)
                differences.append(Difference(_name(model_field), before, after))
        for name, pks in m2m.items():
            model_field = type(obj)._meta.get_field(name)
            related = model_field.related_model._default_manager
            before = ", ".join(str(row) for row in getattr(existing, name).all())
            after = ", ".join(str(row) for row in related.filter(pk__in=pks))
            differences.append(Difference(_name(model_field), before, after))
    return RowChange(
        kind=str(obj._meta.verbose_name),
        title=_cut(str(obj)),
        outcome="created" if existing is None else "updated",
        case=case.title if case is not None and case is not obj and case is not existing else "",
        published=published,
        status=status,
        differences=differences,
        asked=_choice(Status, asked),
    )


def _stored(model_field: models.Field, obj: models.Model) -> Any:
    """A field's value as the database stores it, so 2234 and 2234.0000 compare equal."""
    return model_field.get_prep_value(model_field.value_from_object(obj))


def _shown(model_field: models.Field, obj: models.Model) -> str:
    """A field's value as a curator reads it: a choice's label, a related row's name."""
    value = model_field.value_from_object(obj)
    if value is None or value == "":
        return ""
    if model_field.is_relation:
        return _cut(str(getattr(obj, model_field.name)))
    if model_field.choices:
        return _cut(str(dict(model_field.flatchoices).get(value, value)))
    if isinstance(model_field, models.DecimalField):
        # As typed, whichever way it was stored: 2234.0000 and 2234 read 2234.
        return f"{Decimal(model_field.to_python(value)).normalize():f}"
    return _cut(str(value))


def _choice(choices, value: str) -> str:
    return str(choices(value).label) if value else ""


def _name(model_field: models.Field) -> str:
    return str(getattr(model_field, "verbose_name", model_field.name))


def _cut(text: str) -> str:
    return Truncator(text).chars(LONGEST)
