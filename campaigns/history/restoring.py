"""
Restoring: putting a case with its parts, or one row, back as it was at an earlier revision
(``restore``), or recovering what a revision deleted (``restore(recover=True)``), as a new
revision; nothing earlier is changed or lost. ``prepare`` says what would be put back,
``plan`` what that does to each row and ``corrections`` what readers will be told of it,
for the curator to confirm.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from reversion.models import Version

from .. import registry
from ..models import Campaign, Figure, Organisation, Platform, Source, Status, Tag
from .reading import FieldChange, History, Names, Stored, read_fields, row_change
from .recording import recording
from .versions import DERIVED_FIELDS, versions_of


class RestoreError(Exception):
    """A version cannot be restored; the message says why, in words a curator can act on."""


def prepare(history: History, revision_id: int, *, recover: bool = False) -> dict:
    """The state ``restore`` would put back (``History.state_at``, with every stored row's
    fields read), less the parts of a case that it must leave alone: a figure, participant,
    image or tag now on another case, or one on this case that was on another case then."""
    state = history.state_at(revision_id, removals_before=recover)
    read_fields([s for s in state.values() if s is not None])
    if history.campaign_id is None:
        return state
    parts = defaultdict(list)
    for model, object_id in state:
        if model in registry.CAMPAIGN_PARTS:
            parts[model].append(object_id)
    leave = set()
    for model, object_ids in parts.items():
        field = registry.CAMPAIGN_PARTS[model]
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
    history: History,
    revision_id: int,
    *,
    user=None,
    comment: str = "",
    recover: bool = False,
    note=None,
) -> int:
    """Put the rows of ``history`` back as they were just after ``revision_id`` (with
    ``recover``: just before it deleted them), as a new revision. Rows made since are
    deleted; rows removed since are made again; parts now on another case are left there.
    A figure of a published case that then states something else is a correction readers
    see, with the public ``note`` (``services.Note``). Returns how many rows were written or
    deleted.

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
                saved.append(_put_back(s, note))
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


def _stored_object(s: Stored):
    """The row of a stored version, as Django's deserializer makes it (unsaved)."""
    data = json.dumps([{"model": s.model._meta.label_lower, "pk": s.object_id, "fields": s.fields}])
    (deserialized,) = serializers.deserialize("json", data, ignorenonexistent=True)
    return deserialized


def _put_back(s: Stored, note) -> models.Model:
    model = s.model
    current = model._base_manager.filter(pk=s.object_id).first()
    deserialized = _stored_object(s)
    obj = deserialized.object
    for model_field in model._meta.concrete_fields:
        if model_field.name in DERIVED_FIELDS and current is not None:
            setattr(obj, model_field.attname, getattr(current, model_field.attname))
        elif _dangling(model_field, getattr(obj, model_field.attname)):
            # Who first published it, say, is a person who has since been removed: their
            # account is not part of the history, so the restored row names nobody.
            setattr(obj, model_field.attname, None)
    from .. import services  # services record their moves in the revision being made here

    obj._state.adding = current is None
    readers_saw = services.public_statements([current.pk]) if model is Figure and current else {}
    with transaction.atomic():  # a savepoint: a clash is reported, not left half-written
        obj.save()
        for name, pks in (deserialized.m2m_data or {}).items():
            getattr(obj, name).set(pks)
    if current is not None and current.pk in readers_saw:
        services.record_correction(
            figure=obj, before=readers_saw[current.pk], note=note or services.Note()
        )
    return obj


def corrections(state: dict) -> list:
    """The corrections readers would see if ``state`` (from ``prepare``) were put back
    (unsaved ``Correction`` rows, without their note): the figures of a case that is published
    then, and now, that would state something else. ``restore`` puts the case back before its
    figures, so one it takes off the public site makes none."""
    from .. import services

    figures = {
        int(object_id): s for (model, object_id), s in state.items() if model is Figure and s
    }
    readers_saw = services.public_statements(list(figures))
    if not readers_saw:
        return []
    cases = {
        int(object_id): s.fields.get("status")
        for (model, object_id), s in state.items()
        if model is Campaign and s is not None
    }
    found = []
    for pk, before in readers_saw.items():
        figure = _stored_object(figures[pk]).object
        if figure.campaign_id in cases and cases[figure.campaign_id] != Status.PUBLISHED:
            continue
        correction = services.correction_of(figure=figure, before=before)
        if correction is not None:
            found.append(correction)
    return sorted(found, key=lambda correction: correction.label)


def _dangling(model_field, value) -> bool:
    """Whether ``value`` points, through a nullable foreign key outside the catalogue (a user),
    to a row that no longer exists."""
    if value is None or not model_field.is_relation or not model_field.null:
        return False
    target = model_field.related_model
    if target in registry.MODELS:
        return False
    return not target._base_manager.filter(pk=value).exists()


def _restore_problem(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def deleted_campaigns() -> models.QuerySet:
    """The last stored version of every case that has been deleted, newest first."""
    return Version.objects.get_deleted(Campaign).select_related("revision__user").order_by("-pk")


@dataclass
class Step:
    """What restoring will do to one row, with its fields from what they are now to what
    they will be (``fields``: those that change; of a row made again, those it holds)."""

    action: str  # "restore", "recreate" or "delete"
    kind: str
    name: str
    fields: list[FieldChange] = field(default_factory=list)


def plan(state: dict) -> list[Step]:
    """What ``restore`` would do with ``state`` (from ``prepare``), row by row, field by field
    from the rows as they are now."""
    keys_by_model = defaultdict(list)
    for model, object_id in state:
        keys_by_model[model].append(object_id)
    existing = {}
    for model, object_ids in keys_by_model.items():
        for obj in model._base_manager.filter(pk__in=object_ids):
            existing[(model, str(obj.pk))] = obj
    present = _as_stored(existing.values())
    names = Names()
    for stored in (*state.values(), *present.values()):
        if stored is not None:
            names.collect(stored.model, stored.fields)
    names.fetch()
    steps = []
    for (model, object_id), s in state.items():
        kind = str(model._meta.verbose_name)
        now = existing.get((model, object_id))
        if s is None and now is not None:
            steps.append(Step("delete", kind, str(now)))
        elif s is not None:
            change = row_change(s, present.get((model, object_id)), names)
            action = "restore" if now is not None else "recreate"
            steps.append(Step(action, kind, s.name, change.fields))
    case = str(Campaign._meta.verbose_name)
    return sorted(steps, key=lambda step: (step.kind != case, step.kind, step.name))


def _as_stored(rows) -> dict:
    """The rows as they are now, each as a version of itself would store it (no revision)."""
    present = {}
    for version in versions_of(list(rows)):
        model = version.content_type.model_class()
        (item,) = json.loads(version.serialized_data)
        present[(model, version.object_id)] = Stored(
            0, 0, model, version.object_id, fields=item["fields"], name=version.object_repr
        )
    return present
