"""
The downloads' content: every column of the campaign and figure downloads, defined once, written
as CSV or JSON, and the codebook that explains them.

Each column has one value function; what it returns is written by its type, so the CSV and the
JSON always agree: text as it is, a number in plain digits in the CSV and as a number in JSON,
a date as YYYY-MM-DD, nothing as an empty cell or ``null``, a list joined by "; " in the CSV and
as a list in JSON. The CSV and JSON writers and the codebook page all read the same columns.
"""

import csv
import datetime
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .display import decimal_text, json_number
from .models import (
    Approach,
    Cause,
    CaveatKind,
    DatePrecision,
    FigureKind,
    Qualifier,
    Role,
    Scope,
    Unit,
    kind_of_unit,
)

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


class Participant(NamedTuple):
    """An organisation's part in a campaign, as a download writes it."""

    organisation: str
    role: str


def csv_text(value):
    """A column's value as a CSV cell: "" for nothing, plain digits, YYYY-MM-DD, "a; b"."""
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
    """A column's value in JSON: null for nothing, a number, YYYY-MM-DD, a list or object."""
    if isinstance(value, Participant):
        return value._asdict()
    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [json_value(item) for item in value]
    return value


@dataclass(frozen=True)
class Column:
    """One column of a download: its name, what it holds (for the codebook) and its value."""

    name: str
    description: str
    value: Callable[[Any, "RowContext"], Any]

    def csv(self, row, context):
        """The cell's text in the CSV."""
        return csv_text(self.value(row, context))

    def json(self, row, context):
        """The value in the JSON download."""
        return json_value(self.value(row, context))


class RowContext:
    """What a column needs besides its row: how a path on this site becomes an address."""

    def __init__(self, absolute):
        self.absolute = absolute
        self._campaign_url_parts = None

    @classmethod
    def for_request(cls, request):
        """Addresses on the host the request came to."""
        return cls(request.build_absolute_uri)

    @classmethod
    def for_files(cls, base_url):
        """Addresses for files on disk: the site's paths after ``base_url`` (may be empty)."""
        base_url = base_url.rstrip("/")
        return cls(lambda path: f"{base_url}{path}")

    def campaign_url(self, campaign):
        """The absolute address of a campaign's page (reversed once per download)."""
        if self._campaign_url_parts is None:
            url = self.absolute(reverse("campaigns:campaign_detail", args=["SLUG"]))
            self._campaign_url_parts = url.rsplit("SLUG", 1)
        before, after = self._campaign_url_parts
        return f"{before}{campaign.slug}{after}"


# --------------------------------------------------------------------------- columns


def platform_slugs(campaign):
    """The slugs of a campaign's platforms, from the list prefetched as ``platform_list``."""
    return [platform.slug for platform in campaign.platform_list]


def participants(campaign):
    """A campaign's participants, in their display order."""
    return [Participant(p.organisation.slug, p.role) for p in campaign.participations.all()]


def tag_slugs(campaign):
    """The slugs of a campaign's tags, sorted."""
    return sorted(tag.slug for tag in campaign.tags.all())


def when_dated(date, precision):
    """A date's precision, or nothing when the date is unknown."""
    return precision if date else None


CAMPAIGN_COLUMNS = [
    Column("slug", _("The case study's stable identifier."), lambda c, x: c.slug),
    Column("title", _("Its title in English."), lambda c, x: c.title),
    Column("title_zh", _("Its title in Chinese, when it has one."), lambda c, x: c.title_zh),
    Column(
        "summary", _("One or two sentences, in the catalogue's own words."), lambda c, x: c.summary
    ),
    Column(
        "summary_zh",
        _("The summary in Chinese, when it has been written."),
        lambda c, x: c.summary_zh,
    ),
    Column(
        "start_date",
        _("When it started, YYYY-MM-DD; read with start_precision."),
        lambda c, x: c.start_date,
    ),
    Column(
        "start_precision",
        _("How much of the start date is known: year, month or day (see date precisions)."),
        lambda c, x: when_dated(c.start_date, c.start_precision),
    ),
    Column(
        "end_date",
        _("When it ended, YYYY-MM-DD; empty when ongoing or unknown."),
        lambda c, x: c.end_date,
    ),
    Column(
        "end_precision",
        _("How much of the end date is known: year, month or day."),
        lambda c, x: when_dated(c.end_date, c.end_precision),
    ),
    Column("location", _("Where it took place, in words."), lambda c, x: c.location),
    Column("location_zh", _("The place in Chinese, when known."), lambda c, x: c.location_zh),
    Column(
        "country",
        _("The country, as an ISO 3166-1 alpha-2 code (CN, GB, US …)."),
        lambda c, x: c.country.code or "",
    ),
    Column(
        "scope",
        _(
            "Social good, or a commercial or marketing campaign a source lists beside them: a "
            "scope code. Downloads hold social-good cases unless asked (scope=all)."
        ),
        lambda c, x: c.scope,
    ),
    Column("cause", _("The public cause it served: a cause code."), lambda c, x: c.cause),
    Column("approach", _("How it used social media: an approach code."), lambda c, x: c.approach),
    Column(
        "platforms",
        _("The slugs of the platforms it ran on (separated by “; ” in the CSV, a list in JSON)."),
        lambda c, x: platform_slugs(c),
    ),
    Column(
        "organisations",
        _(
            "Who took part and how: organisation slug and role code, written “slug:role” and "
            "separated by “; ” in the CSV, a list of {organisation, role} in JSON."
        ),
        lambda c, x: participants(c),
    ),
    Column(
        "tags",
        _(
            "The slugs of its tags, as the tag filter takes them (separated by “; ” in the CSV, "
            "a list in JSON); /tags/ names them in English and Chinese."
        ),
        lambda c, x: tag_slugs(c),
    ),
    Column(
        "figure_count",
        _("How many figures the catalogue records for it."),
        lambda c, x: c.figure_count,
    ),
    Column(
        "updated_at",
        _(
            "When it last changed (UTC, ISO 8601): any edit, correction or change to its "
            "figures, participants or tags; cite this version by it."
        ),
        lambda c, x: c.updated_at,
    ),
    Column(
        "url",
        _("The address of its page in the catalogue."),
        lambda c, x: x.campaign_url(c),
    ),
]


def of_campaign(figure, value):
    """``value(campaign)`` for a figure's campaign, or nothing for a figure about none."""
    return value(figure.campaign) if figure.campaign else None


FIGURE_COLUMNS = [
    Column("key", _("The figure's stable identifier."), lambda f, x: f.key),
    Column("label", _("What the figure counts, in English."), lambda f, x: f.label),
    Column("label_zh", _("What the figure counts, in Chinese."), lambda f, x: f.label_zh),
    Column(
        "value",
        _(
            # xgettext:no-python-format ("5.36% is" is not a placeholder)
            "The absolute number, without thousands separators: 110 million is 110000000, "
            "5.36% is 5.36. Read with unit and qualifier."
        ),
        lambda f, x: f.value,
    ),
    Column("unit", _("The unit the value is counted in: a unit code."), lambda f, x: f.unit),
    Column(
        "kind",
        _("What the figure measures: a kind code."),
        lambda f, x: f.kind or kind_of_unit(f.unit),
    ),
    Column(
        "qualifier",
        _("How exact the figure is, as the source states it: a qualifier code."),
        lambda f, x: f.qualifier,
    ),
    Column("stated_as", _("The figure exactly as the source writes it."), lambda f, x: f.stated_as),
    Column(
        "period", _("The period it covers, in words, when the source says."), lambda f, x: f.period
    ),
    Column("period_zh", _("The period in Chinese, when written."), lambda f, x: f.period_zh),
    Column(
        "as_of",
        _("The date the figure was true, YYYY-MM-DD; read with as_of_precision."),
        lambda f, x: f.as_of,
    ),
    Column(
        "as_of_precision",
        _("How much of the as-of date is known: year, month or day."),
        lambda f, x: when_dated(f.as_of, f.as_of_precision),
    ),
    Column(
        "caveat_kind",
        _(
            "Why to take care with the figure, when there is a reason: a caveat kind code "
            "(derived from words, unit assumed, source inconsistent, as-of date estimated)."
        ),
        lambda f, x: f.caveat_kind or None,
    ),
    Column(
        "caveat",
        _("What a reader citing the figure should know, in English; empty when nothing."),
        lambda f, x: f.caveat,
    ),
    Column("caveat_zh", _("The caveat in Chinese, when written."), lambda f, x: f.caveat_zh),
    Column(
        "conversion_of",
        _(
            "The key of the figure this one states again in another unit (the same amount in "
            "USD, or in tonnes), as the source does; empty for a figure that is no conversion. "
            "Count a conversion once, with its figure."
        ),
        lambda f, x: f.conversion_of.key if f.conversion_of_id else None,
    ),
    Column(
        "campaign",
        _(
            "The slug of the case study whose outcome this is; empty for figures about a platform, "
            "an organisation or the whole sector."
        ),
        lambda f, x: of_campaign(f, lambda campaign: campaign.slug),
    ),
    Column(
        "campaign_title",
        _("That case study's title in English."),
        lambda f, x: of_campaign(f, lambda campaign: campaign.title),
    ),
    Column(
        "campaign_platforms",
        _("The slugs of the platforms that case study ran on (“; ” in the CSV, a list in JSON)."),
        lambda f, x: of_campaign(f, platform_slugs) or [],
    ),
    Column(
        "platform",
        _("The slug of the platform the figure describes, when it is not a campaign's outcome."),
        lambda f, x: f.platform.slug if f.platform else None,
    ),
    Column(
        "organisation",
        _(
            "The slug of the organisation the figure describes, when it is not a "
            "campaign's outcome."
        ),
        lambda f, x: f.organisation.slug if f.organisation else None,
    ),
    Column(
        "source", _("The slug of the document that states the figure."), lambda f, x: f.source.slug
    ),
    Column("source_title", _("That document's title."), lambda f, x: f.source.title),
    Column(
        "source_url",
        _("That document's address on the web, when it has one."),
        lambda f, x: f.source.url,
    ),
    Column(
        "campaign_url",
        _("The address of the case study's page in the catalogue."),
        lambda f, x: of_campaign(f, x.campaign_url),
    ),
    Column(
        "updated_at",
        _("When the figure last changed (UTC, ISO 8601)."),
        lambda f, x: f.updated_at,
    ),
]

CODE_LISTS = [
    ("cause", _("Causes"), Cause),
    ("approach", _("Approaches"), Approach),
    ("role", _("Roles"), Role),
    ("unit", _("Units"), Unit),
    ("kind", _("Kinds of figure"), FigureKind),
    ("qualifier", _("Qualifiers"), Qualifier),
    ("caveat_kind", _("Kinds of caveat"), CaveatKind),
    ("scope", _("Scopes"), Scope),
    ("precision", _("Date precisions"), DatePrecision),
]
"""The code lists the codebook explains: (anchor, heading, choices)."""


def codebook():
    """What the codebook page explains: each download's columns and every code list.

    ``downloads`` is a list of (heading, name, columns); ``code_lists`` a list of
    (anchor, heading, [(code, label, kind)]), where a unit's kind says what it measures.
    """
    return {
        "downloads": [
            (_("Case studies"), "campaigns", CAMPAIGN_COLUMNS),
            (_("Figures"), "figures", FIGURE_COLUMNS),
        ],
        "code_lists": [
            (
                anchor,
                heading,
                [
                    (code, label, kind_of_unit(code) if anchor == "unit" else "")
                    for code, label in choices.choices
                ],
            )
            for anchor, heading, choices in CODE_LISTS
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


def csv_chunks(rows, columns, context):
    """The CSV text in chunks: a UTF-8 byte-order mark, the header, then the rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")  # so spreadsheets read the file as UTF-8 and keep Chinese intact
    writer.writerow([column.name for column in columns])
    # The header goes out at once: the first rows wait for a whole chunk to be fetched.
    yield buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    pending = 0
    for row in rows:
        writer.writerow([spreadsheet_safe(column.csv(row, context)) for column in columns])
        pending += 1
        if pending >= ROWS_PER_WRITE:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            pending = 0
    yield buffer.getvalue()


def json_chunks(rows, columns, context, key):
    """The JSON text in chunks: the licence and codebook address, then one object per row."""
    head = {"licence": LICENCE_NOTE, "codebook": context.absolute(reverse("campaigns:data"))}
    yield json.dumps(head, ensure_ascii=False)[:-1] + f', "{key}": [\n'
    first = True
    for row in rows:
        item = {column.name: column.json(row, context) for column in columns}
        yield ("" if first else ",\n") + json.dumps(item, ensure_ascii=False)
        first = False
    yield "\n]}\n"
