"""The API's pages: limit and offset, and what a page of a list holds besides its items."""

from typing import Any

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from pydantic import ConfigDict

from .parameters import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET


class CataloguePagination(LimitOffsetPagination):
    """ninja's limit/offset pagination, answering with the page's limit and offset too."""

    class Input(Schema):
        limit: int = Field(
            DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Items per page, 1 to {MAX_LIMIT}."
        )
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="How many items to skip.")

    class Output(Schema):
        # ninja gives each list a page schema of its own, whose ``items`` lose the description
        # given here; the schema's own hook writes it back into each page's JSON schema.
        model_config = ConfigDict(
            json_schema_extra=lambda schema, model: schema["properties"]["items"].setdefault(
                "description", "This page's items."
            )
        )

        count: int = Field(..., description="How many items the whole list holds.")
        limit: int = Field(..., description="The page size used.")
        offset: int = Field(..., description="How many items were skipped.")
        items: list[Any] = Field(..., description="This page's items.")

    def __init__(self, **kwargs):
        super().__init__(max_limit=MAX_LIMIT, **kwargs)

    def paginate_queryset(self, queryset, pagination, request, **params):
        """One page of ``queryset`` with the list's count, limit and offset."""
        page = super().paginate_queryset(queryset, pagination, request, **params)
        return {**page, "limit": pagination.limit, "offset": pagination.offset}
