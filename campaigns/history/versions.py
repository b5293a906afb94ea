"""
A catalogue row as a stored version: which of its fields a version holds, how it is serialized
(as django-reversion serializes it), which case it belongs to, and when two stored values are
the same.
"""

import json
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import prefetch_related_objects
from reversion.models import Version

from .. import registry
from ..models import Campaign, Participation, TaggedCampaign

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


NAMED_BY = {Participation: ["organisation"], TaggedCampaign: ["content_object", "tag"]}
"""The rows a model's name (``str()``) reads, fetched once for a batch of versions."""


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


def campaign_of(model: type[models.Model], fields: dict, pk: Any) -> int | None:
    """The case a row belongs to, read from its stored fields (None: no case): a case's own
    row, a part of it, or a correction readers see under it (shown in the case's history,
    never put back by a restore)."""
    if model is Campaign:
        return int(pk)
    field = registry.campaign_field(model)  # a part, or a correction under the case
    return fields.get(field) if field else None


def versions_of(objs: list[models.Model]) -> list[Version]:
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


def campaign_of_version(version: Version) -> int | None:
    """The case a stored version's row belongs to (None: no case)."""
    model = version.content_type.model_class()
    if model is not Campaign and registry.campaign_field(model) is None:
        return None
    (item,) = json.loads(version.serialized_data)
    return campaign_of(model, item["fields"], version.object_id)


def same(model, name, old, new) -> bool:
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
