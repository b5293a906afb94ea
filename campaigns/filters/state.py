"""What a filter form holds as the address says it: the valid filters as query-string pairs,
links that add, change or drop one (pages, sort links, chips), and notes on what was ignored."""

from django import forms
from django.utils.http import urlencode
from django.utils.translation import ngettext

from .fields import ActiveFilter, shorten

MAX_NOTES_PER_FIELD = 3
"""More ignored values than this in one field are summed up in one note."""


class ForgivingFilterForm(forms.Form):
    """A GET form that applies what it understands and explains what it ignored.

    Subclasses list in ``unknown_messages`` the note for an unknown value of each field, and
    in ``defaults`` the values that are left out of URLs.
    """

    unknown_messages = {}
    defaults = {}

    def __init__(self, data=None, **kwargs):
        # Always bound, so an empty query string is simply "no filters".
        super().__init__(data if data is not None else {}, **kwargs)
        self.load_choices()
        self.extra_notes = []
        self.full_clean()

    def load_choices(self):
        """Fill the choices that come from the database (one query per field)."""

    @property
    def notes(self):
        """Human-readable messages about the values that were ignored."""
        notes = list(self.extra_notes)
        for name, field in self.fields.items():
            rejected = getattr(field, "rejected", [])
            message = self.unknown_messages.get(name)
            if not rejected or message is None:
                continue
            if len(rejected) > MAX_NOTES_PER_FIELD:
                notes.append(
                    ngettext(
                        "%(count)d unknown value of “%(field)s” was ignored.",
                        "%(count)d unknown values of “%(field)s” were ignored.",
                        len(rejected),
                    )
                    % {"count": len(rejected), "field": field.label}
                )
            else:
                notes.extend(message % {"value": shorten(value)} for value in rejected)
        return notes

    def state(self):
        """The valid filters as (name, value) pairs, in field order, defaults left out."""
        pairs = []
        for name in self.fields:
            value = self.cleaned_data.get(name)
            if value in (None, "", []) or value == self.defaults.get(name):
                continue
            for item in value if isinstance(value, list) else [value]:
                pairs.append((name, str(item)))
        return pairs

    def query_string(self, without=None, **replace):
        """This query as "?…", less the (name, value) pair ``without``, with ``replace`` set.

        Pagination, sort links and the removable chips all build on it.
        """
        pairs = [pair for pair in self.state() if pair != without and pair[0] not in replace]
        pairs += [(name, str(value)) for name, value in replace.items() if value not in ("", None)]
        return "?" + urlencode(pairs) if pairs else "?"

    @property
    def query(self):
        """This query as "?…" for links to other views (downloads), or "" when there is none."""
        return self.query_string() if self.state() else ""

    def display_value(self, name, value):
        """How a chip shows a filter's value: the choice's label, or the value itself."""
        field = self.fields[name]
        for key, label in getattr(field, "choices", []):
            if str(key) == value:
                return getattr(label, "name", None) or str(label)
        return value

    @property
    def active_filters(self):
        """The filters in use, each with the URL of the same query without it."""
        return [
            ActiveFilter(
                name=name,
                label=str(self.fields[name].label),
                value=self.display_value(name, value),
                remove_url=self.query_string(without=(name, value)),
            )
            for name, value in self.state()
            if name != "sort"
        ]

    def has_filters(self):
        """Whether any filter (not counting the sort order) is in use."""
        return bool(self.active_filters)

    @property
    def filters_in_use(self):
        """How many filters of the filter panel are in use (the search and the sort order are
        not in the panel)."""
        return sum(1 for name, _value in self.state() if name not in ("q", "sort"))
