"""The API's pages: limit with offset or a cursor (``keyset.py``), and what a page of a list
holds besides its items."""

from typing import Any

from ninja import Field, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination
from pydantic import ConfigDict

from ..models.base import COUNTED_EXACTLY_UP_TO
from . import keyset
from .parameters import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, TEXT_PATTERN

MAX_CURSOR_LENGTH = 2000
"""A cursor is a few hundred characters; anything much longer is not one."""

COUNTED = "list_count"
"""The request's attribute holding its list's count when the endpoint knows it without
counting (``counted_already``)."""


def counted_already(request, count):
    """Tell the page of ``request``'s list that the list holds ``count`` items, known without
    counting them: the catalogue's summary counts every published case of each scope, which
    the whole list's ``COUNT`` read again (0.19 s at 100,000 cases on SQLite)."""
    setattr(request, COUNTED, count)


class CataloguePagination(LimitOffsetPagination):
    """Pages of a list: by ``offset``, or after a ``cursor`` the previous page gave (as fast
    deep in the list as at its start), answering with the page's limit, offset and the cursor
    of the next page."""

    class Input(Schema):
        limit: int = Field(
            DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Items per page, 1 to {MAX_LIMIT}."
        )
        offset: int = Field(
            0,
            ge=0,
            le=MAX_OFFSET,
            description="How many items to skip. Deep in a long list, prefer cursor.",
        )
        cursor: str = Field(
            None,
            max_length=MAX_CURSOR_LENGTH,
            pattern=TEXT_PATTERN,
            description="The next_cursor of the previous page: the page after it, found by key "
            "(as fast on page 2,500 as on page 1). Give the same filters and sort, and no "
            "offset.",
        )

    class Output(Schema):
        # ninja gives each list a page schema of its own, whose ``items`` lose the description
        # given here; the schema's own hook writes it back into each page's JSON schema.
        model_config = ConfigDict(
            json_schema_extra=lambda schema, model: schema["properties"]["items"].setdefault(
                "description", "This page's items."
            )
        )

        count: int = Field(
            ...,
            description="How many items the whole list holds: for a search matching more than "
            f"{COUNTED_EXACTLY_UP_TO:,} items, the database's estimate (count_estimated).",
        )
        count_estimated: bool = Field(
            ...,
            description="Whether count is an estimate (rounded to two significant digits) "
            "rather than counted: only for a search matching more than "
            f"{COUNTED_EXACTLY_UP_TO:,} items on PostgreSQL.",
        )
        limit: int = Field(..., description="The page size used.")
        offset: int = Field(
            ..., description="How many items were skipped (0 for a page found by cursor)."
        )
        next_cursor: str | None = Field(
            ...,
            description="Give it as cursor for the next page; null on the last page, and for a "
            "search ordered by relevance, which pages by offset only.",
        )
        items: list[Any] = Field(..., description="This page's items.")

    def __init__(self, **kwargs):
        super().__init__(max_limit=MAX_LIMIT, **kwargs)

    def paginate_queryset(self, queryset, pagination, request, **params):
        """One page of ``queryset`` with the list's count, limit, offset and next cursor."""
        limit, offset, cursor = pagination.limit, pagination.offset, pagination.cursor
        by_key = keyset.pageable(queryset)
        if keyset.RANK in queryset.query.annotations:  # a search: counted about, if broad,
            count, estimated = queryset.count_matches()  # and ranked by its titles
        else:
            count = getattr(request, COUNTED, None)
            count, estimated = self._items_count(queryset) if count is None else count, False
        if estimated:
            queryset = queryset.ranked_by_titles()
        rows = keyset.keyed(queryset) if by_key else queryset
        if cursor:
            if offset:
                raise HttpError(422, "Give either offset or cursor, not both.")
            if not by_key:
                raise HttpError(
                    422, "A search ordered by relevance pages by offset: give offset, not cursor."
                )
            try:
                rows = keyset.after(rows, cursor)
            except keyset.CursorError as error:
                raise HttpError(422, str(error)) from None
        start = 0 if cursor else offset
        stop = start + limit + 1  # one more than the page: is there a next one?
        if estimated:  # from the cases whose titles hold the words first
            items = rows.page_of_broad_search(start, stop)
        else:
            items = list(rows[start:stop])
        more, items = len(items) > limit, items[:limit]
        return {
            "count": count,
            "count_estimated": estimated,
            "limit": limit,
            "offset": offset,
            "next_cursor": keyset.cursor_after(queryset, items[-1]) if by_key and more else None,
            "items": items,
        }
