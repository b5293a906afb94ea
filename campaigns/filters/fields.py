"""The filter forms' fields: they never fail. A value a field does not know becomes nothing
and is kept in ``rejected``, for the form to explain in its notes; and the chips of the filters
in use (``ActiveFilter``)."""

from dataclasses import dataclass

from django import forms
from django.utils.text import Truncator

FIRST_YEAR, LAST_YEAR = 1900, 2100
"""The years a year filter accepts."""


@dataclass(frozen=True)
class ActiveFilter:
    """A filter in use, shown as a chip the reader can remove."""

    name: str
    label: str
    value: str
    remove_url: str


def shorten(value):
    """A rejected value short enough to quote back to the reader."""
    return Truncator(value).chars(40)


class ForgivingChoiceField(forms.ChoiceField):
    """A choice that never fails: an unknown value becomes "" and is kept in ``rejected``."""

    def clean(self, value):
        value = self.to_python(value).strip()
        self.rejected = []
        if value and not self.valid_value(value):
            self.rejected = [value]
            return ""
        return value

    def valid_value(self, value):
        return value in {str(key) for key, _label in self.choices}


class ForgivingLookupChoiceField(ForgivingChoiceField):
    """A forgiving choice among more rows than a menu can list: the menu offers the most used
    (set as ``choices``), and any other value is looked up with ``lookup(value)``, which
    returns the label of a row that may be chosen, or None. A value found is added to the menu,
    so the menu shows what is chosen."""

    lookup = None

    def valid_value(self, value):
        if super().valid_value(value):
            return True
        label = self.lookup(value) if self.lookup is not None else None
        if label is None:
            return False
        self.choices = [*self.choices, (value, label)]
        return True


class ForgivingMultipleChoiceField(forms.MultipleChoiceField):
    """Several choices that never fail: known values are kept, unknown ones go to ``rejected``."""

    def clean(self, value):
        values = [item.strip() for item in self.to_python(value) if item.strip()]
        known = {str(key) for key, _label in self.choices}
        self.rejected = list(dict.fromkeys(item for item in values if item not in known))
        return list(dict.fromkeys(item for item in values if item in known))


class SearchTextField(forms.CharField):
    """Free text that never fails: control characters (NUL, which PostgreSQL refuses) go."""

    default_validators = []

    def to_python(self, value):
        value = super().to_python(value)
        return "".join(char if char.isprintable() else " " for char in value)


class ForgivingYearField(forms.CharField):
    """A year that never fails: anything but a year from 1900 to 2100 becomes None."""

    def clean(self, value):
        value = (self.to_python(value) or "").strip()
        self.rejected = []
        if not value:
            return None
        if value.isascii() and value.isdigit() and FIRST_YEAR <= int(value) <= LAST_YEAR:
            return int(value)
        self.rejected = [value]
        return None
