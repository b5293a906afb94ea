"""
Keyset ("cursor") pages: the page after a given row, found by the row's place in the list's own
order rather than by counting the rows before it, so that page 2,500 of a list costs what page 1
costs (an offset makes the database walk every row it skips).

A cursor names the last row of a page by the values of the list's ordering (``start_date``,
``title``, ``pk`` …) and the ordering itself, signed so that it cannot be forged into another
query; the next page is every row after those values in that order. It works with any order
made of fields and expressions (``nulls_last`` respected), except a search's relevance, whose
scores are not exact enough to compare (a page of a ranked search is reached by offset).
"""

import json

from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, OrderBy, Q
from django.db.models.expressions import BaseExpression

SALT = "campaigns.api.keyset"

RANK = "search_rank"
"""The relevance annotation of a search, which cannot be paged by keys."""


class CursorError(ValueError):
    """A cursor that is not one of ours, or is for another list or order."""


def _orderings(queryset):
    """The list's order as (expression, descending, nulls_last) triples."""
    orderings = []
    for item in queryset.query.order_by:
        if isinstance(item, OrderBy):
            orderings.append((item.expression, item.descending, bool(item.nulls_last)))
        elif isinstance(item, BaseExpression):
            orderings.append((item, False, False))
        else:
            name = str(item)
            descending = name.startswith("-")
            name = name.lstrip("-")
            orderings.append((F("pk" if name == "pk" else name), descending, False))
    return orderings


def _signature(queryset, orderings):
    """What a cursor is for: the model and its ordering, as text."""
    return f"{queryset.model._meta.label_lower}|{orderings!r}"


def pageable(queryset):
    """Whether pages of ``queryset`` can be found by key (not a search ranked by relevance)."""
    return not any(
        getattr(expression, "name", None) == RANK for expression, _d, _n in _orderings(queryset)
    )


def keyed(queryset):
    """``queryset`` with its ordering's values as annotations ``_key0`` … ``_keyN``."""
    orderings = _orderings(queryset)
    return queryset.annotate(
        **{f"_key{index}": expression for index, (expression, _d, _n) in enumerate(orderings)}
    )


def cursor_after(queryset, row):
    """The cursor of the page after ``row`` (a row of ``keyed(queryset)``)."""
    orderings = _orderings(queryset)
    values = [getattr(row, f"_key{index}") for index in range(len(orderings))]
    payload = {"s": _signature(queryset, orderings), "v": values}
    return signing.dumps(
        json.loads(json.dumps(payload, cls=DjangoJSONEncoder)), salt=SALT, compress=True
    )


def after(queryset, cursor):
    """The rows of ``keyed(queryset)`` after the row the cursor names, in the same order."""
    orderings = _orderings(queryset)
    try:
        payload = signing.loads(cursor, salt=SALT)
    except signing.BadSignature:
        raise CursorError("This cursor is not one this API gave, or it was changed.") from None
    if payload.get("s") != _signature(queryset, orderings):
        raise CursorError(
            "This cursor is for another list or order: ask again with the filters and sort "
            "it was given for."
        )
    values = payload["v"]
    found = Q(pk__in=[])
    same = Q()
    for index, ((_expression, descending, nulls_last), value) in enumerate(
        zip(orderings, values, strict=True)
    ):
        key = f"_key{index}"
        if value is None:
            # Only NULLs are equal to NULL, and nothing but NULLs comes after it (nulls last).
            later = Q(pk__in=[])
            equal = Q(**{f"{key}__isnull": True})
        else:
            later = Q(**{f"{key}__lt" if descending else f"{key}__gt": value})
            if nulls_last:
                later |= Q(**{f"{key}__isnull": True})
            equal = Q(**{key: value})
        found |= same & later
        same &= equal
    return queryset.filter(found)
