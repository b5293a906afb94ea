"""
The downloads: the campaign and figure records (``records.py``, which the API's schemas are made
from too) written as CSV or JSON, and the codebook that explains them.

Each field's value is written by its type, so the CSV and the JSON always agree: text as it is,
a number in plain digits in the CSV and as a number in JSON, a date as YYYY-MM-DD, nothing as an
empty cell or ``null``, a list joined by "; " in the CSV and as a list in JSON. The CSV and JSON
writers and the codebook page all read the same fields.
"""

import csv
import datetime
import io
import json
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import places, records
from .display import both_names, decimal_text, json_number, unit_names
from .models import (
    Approach,
    Cause,
    CaveatKind,
    DatePrecision,
    DivisionLevel,
    FigureKind,
    Format,
    Outcome,
    Qualifier,
    Role,
    Scope,
)
from .record_lists import Participant
from .records import download_fields
from .units import units

LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_NOTE = (
    "The catalogue's own text and data are licensed CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/). Source documents remain their owners'."
)

ROWS_PER_WRITE = 500
"""CSV rows gathered into one chunk of a streamed download."""

LIST_SEPARATOR = "; "
"""How the CSV joins several values in one cell (platforms, organisations, tags)."""


# --------------------------------------------------------------------------- values by type


def csv_text(value):
    """A field's value as a CSV cell: "" for nothing, plain digits, YYYY-MM-DD, "a; b"."""
    if value is None:
        return ""
    if isinstance(value, Participant):
        return f"{value.organisation}:{value.role}"
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return LIST_SEPARATOR.join(csv_text(item) for item in value)
    return value


def json_value(value):
    """A field's value in JSON: null for nothing, a number, YYYY-MM-DD, a list or object."""
    if isinstance(value, Participant):
        return value._asdict()
    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [json_value(item) for item in value]
    return value


CAMPAIGN_COLUMNS = download_fields(records.CAMPAIGN)
"""The campaign download's columns (``records.py``)."""

CAMPAIGN_JSON_COLUMNS = download_fields(records.CAMPAIGN, json=True)
"""The campaign JSON download's fields: the columns and the evidence."""

FIGURE_COLUMNS = download_fields(records.FIGURE)
"""The figure download's columns (``records.py``)."""


CODE_LISTS = [
    ("cause", _("Causes"), Cause),
    ("approach", _("Approaches"), Approach),
    ("format", _("Formats"), Format),
    ("role", _("Roles"), Role),
    ("unit", _("Units"), None),
    ("kind", _("Kinds of figure"), FigureKind),
    ("qualifier", _("Qualifiers"), Qualifier),
    ("outcome", _("Kinds of outcome"), Outcome),
    ("caveat_kind", _("Kinds of caveat"), CaveatKind),
    ("scope", _("Scopes"), Scope),
    ("precision", _("Date precisions"), DatePrecision),
    ("division_level", _("Levels of China's administrative divisions"), DivisionLevel),
]
"""The code lists the codebook explains: (anchor, heading, choices); the units, which curators
extend, from their table (choices None)."""


def code_list(choices):
    """A code list as the codebook shows it: [(code, label, kind)], where a unit's kind says
    what it measures; the units from their table, with their names in both languages."""
    if choices is None:
        return [(unit.code, unit_names(unit), unit.kind) for unit in units()]
    return [(code, label, "") for code, label in choices.choices]


def codebook():
    """What the codebook page explains: each download's columns and every code list.

    ``downloads`` is a list of (heading, name, columns); ``code_lists`` a list of
    (anchor, heading, [(code, label, kind)]), where a unit's kind says what it measures.
    """
    return {
        "downloads": [
            (_("Case studies"), "campaigns", CAMPAIGN_JSON_COLUMNS),
            (_("Figures"), "figures", FIGURE_COLUMNS),
        ],
        "code_lists": [
            (anchor, heading, code_list(choices)) for anchor, heading, choices in CODE_LISTS
        ]
        + [
            (
                "province",
                _("China's province-level divisions"),
                [(code, both_names(names), "") for code, names in places.provinces().items()],
            )
        ],
        "licence_name": LICENCE_NAME,
        "licence_url": LICENCE_URL,
    }


# --------------------------------------------------------------------------- writing


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula rather than as text."""


def spreadsheet_safe(value):
    """A CSV cell a spreadsheet shows as text: a quote ' before text that would start a formula.

    A title such as ``=HYPERLINK(…)`` would otherwise run when the file is opened. No value
    the downloads hold starts with these characters legitimately (figures are never negative,
    dates start with the year), so every such cell is quoted; the JSON keeps the text as is.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def in_chunks(queryset, size):
    """The rows of ``queryset`` in lists of ``size``, prefetching a chunk at a time: memory
    that does not grow with the catalogue."""
    chunk = []
    for row in queryset.iterator(chunk_size=size):
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def row_chunks(queryset, *, lists, context, size):
    """The rows of ``queryset`` in chunks of ``size``, each with the context its rows are
    written in: what they list (``lists(rows)``: ``record_lists.case_lists`` or
    ``figure_lists``)."""
    for rows in in_chunks(queryset, size):
        yield rows, context.with_lists(lists(rows))


def csv_cell(value):
    """A field's value as a spreadsheet-safe CSV cell (``csv_text``, ``spreadsheet_safe``),
    text, the most common value, taken the short way."""
    if value.__class__ is str:
        return f"'{value}" if value.startswith(FORMULA_STARTS) else value
    return spreadsheet_safe(csv_text(value))


def csv_chunks(chunks, columns):
    """The CSV text in chunks: a UTF-8 byte-order mark, the header, then the rows of
    ``chunks`` (``row_chunks``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")  # so spreadsheets read the file as UTF-8 and keep Chinese intact
    writer.writerow([column.name for column in columns])
    # The header goes out at once: the first rows wait for a whole chunk to be fetched.
    yield buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    pending = 0
    readers = [column.reading() for column in columns]
    for rows, context in chunks:
        for row in rows:
            writer.writerow([csv_cell(read(row, context)) for read in readers])
            pending += 1
            if pending >= ROWS_PER_WRITE:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
                pending = 0
    yield buffer.getvalue()


def json_chunks(chunks, columns, context, key):
    """The JSON text in chunks: the licence and codebook address, then one object per row of
    ``chunks`` (``row_chunks``)."""
    head = {"licence": LICENCE_NOTE, "codebook": context.absolute(reverse("campaigns:data"))}
    yield json.dumps(head, ensure_ascii=False)[:-1] + f', "{key}": [\n'
    first = True
    readers = [(column.name, column.reading()) for column in columns]
    for rows, context in chunks:
        for row in rows:
            item = {name: json_value(read(row, context)) for name, read in readers}
            yield ("" if first else ",\n") + json.dumps(item, ensure_ascii=False)
            first = False
    yield "\n]}\n"
