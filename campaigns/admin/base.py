"""
What several of the catalogue's admins are built from: a sortable column of counted rows,
autocompletes labelled from the admin's own queryset, address fields that assume https, and
English and Chinese fields set side by side.
"""

from collections.abc import Callable
from typing import NamedTuple

from django.contrib import admin
from django.contrib.admin import widgets
from django.db import models

from ..forms import PrefetchedAutocompleteSelect, PrefetchedChoicesForm

HTTPS_URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}
"""An address typed without a scheme is taken to be https://, as Django 6 will."""


class CountColumn(NamedTuple):
    """A list column counting the rows that point at each row listed."""

    name: str
    """The annotation's name, which is also the column's (in ``list_display``)."""
    count: Callable[[], models.Expression]
    """Makes the count, as a subquery (``models.count_of``)."""
    header: str
    """The column's header."""


class CountedAdminMixin:
    """An admin with one ``counted`` column (a ``CountColumn``): its queryset annotates the
    count, and the column shows it and sorts by it. A subquery per row, so a list costs the
    same at any size."""

    counted: CountColumn

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        name, _count, header = cls.counted

        @admin.display(description=header, ordering=name)
        def column(self, obj):
            return getattr(obj, name)

        column.__name__ = column.__qualname__ = name
        setattr(cls, name, column)

    def get_queryset(self, request):
        name, count, _header = self.counted
        return super().get_queryset(request).annotate(**{name: count()})


class PrefetchedAutocompleteMixin:
    """Autocomplete foreign keys whose chosen objects arrive with the admin's own queryset."""

    form = PrefetchedChoicesForm

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.autocomplete_fields)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request) and "widget" not in kwargs:
            kwargs["widget"] = PrefetchedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


LONG_TEXT = 500
"""A text field this long (or longer) holds sentences: both languages get a text area."""


class BilingualAdminMixin:
    """An admin whose Chinese fields (``title_zh`` beside ``title``) are marked as Chinese
    (``lang="zh-Hans"``: the right glyphs, and admin.css sets a line holding one as two columns,
    English and Chinese), and whose long texts get a text area in both languages."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if (
            isinstance(db_field, models.CharField)
            and (db_field.max_length or 0) >= LONG_TEXT
            and "widget" not in kwargs
            and not db_field.choices
        ):
            kwargs["widget"] = widgets.AdminTextareaWidget(attrs={"rows": 2})
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and db_field.name.endswith("_zh"):
            formfield.widget.attrs["lang"] = "zh-Hans"
        return formfield
