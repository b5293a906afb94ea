"""
Open data: the catalogue as downloads (CSV and JSON, streamed), its codebook page, the conditional
GET headers shared with the API, and the whole published catalogue as natural-key fixtures.

Every column of every download is defined once here, in ``CAMPAIGN_COLUMNS`` and
``FIGURE_COLUMNS``: the CSV writer, the JSON writer and the codebook page all read them.
"""

import csv
import datetime
import hashlib
import io
import json
import os
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, IntegerField, Max, Prefetch, Value
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import condition, require_safe

from .models import (
    Approach,
    Campaign,
    Cause,
    DatePrecision,
    Figure,
    FigureKind,
    Organisation,
    Participation,
    Platform,
    Qualifier,
    Role,
    Source,
    Tag,
    TaggedCampaign,
    Unit,
    kind_of_unit,
)

LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_NOTE = (
    "The catalogue's own text and data are licensed CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/). Source documents remain their owners'."
)

CHUNK_SIZE = 2000
"""Rows fetched from the database (and prefetched for) at a time while streaming a download."""

ROWS_PER_WRITE = 500
"""CSV rows gathered into one chunk of the streamed response."""

LIST_SEPARATOR = "; "
"""How the CSV joins several values in one cell (platforms, organisations, tags)."""


# --------------------------------------------------------------------------- values


def plain_number(value):
    """A decimal as a plain string without trailing zeros: 110000000.0000 → "110000000"."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text


def json_number(value):
    """A decimal as a JSON number: an int when whole, else a float (5.36)."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def iso_date(value):
    """A date as YYYY-MM-DD, or an empty string."""
    return value.isoformat() if value else ""


# --------------------------------------------------------------------------- columns


@dataclass(frozen=True)
class Column:
    """One column of a download: its name, what it holds (for the codebook) and its value."""

    name: str
    description: str
    csv_value: object  # callable(row_object, context) -> str
    json_value: object = None  # callable(row_object, context) -> JSON value; csv_value if None

    def for_csv(self, obj, context):
        """The cell's text in the CSV."""
        value = self.csv_value(obj, context)
        return "" if value is None else value

    def for_json(self, obj, context):
        """The value in the JSON download."""
        if self.json_value is not None:
            return self.json_value(obj, context)
        return self.csv_value(obj, context)


def _participants(campaign):
    """A campaign's participants as (organisation slug, role) pairs, in their display order."""
    return [(p.organisation.slug, p.role) for p in campaign.participations.all()]


def _platform_slugs(campaign):
    """The slugs of a campaign's platforms, from the list prefetched as ``platform_list``."""
    return [platform.slug for platform in campaign.platform_list]


def _tag_slugs(campaign):
    """The slugs of a campaign's tags, sorted."""
    return sorted(tag.slug for tag in campaign.tags.all())


CAMPAIGN_COLUMNS = [
    Column("slug", _("The case study's stable identifier."), lambda c, x: c.slug),
    Column("title", _("Its title in English."), lambda c, x: c.title),
    Column("title_zh", _("Its title in Chinese, when it has one."), lambda c, x: c.title_zh),
    Column(
        "summary", _("One or two sentences, in the catalogue's own words."), lambda c, x: c.summary
    ),
    Column(
        "start_date",
        _("When it started, YYYY-MM-DD; read with start_precision."),
        lambda c, x: iso_date(c.start_date),
        lambda c, x: iso_date(c.start_date) or None,
    ),
    Column(
        "start_precision",
        _("How much of the start date is known: year, month or day (see date precisions)."),
        lambda c, x: c.start_precision if c.start_date else "",
        lambda c, x: c.start_precision if c.start_date else None,
    ),
    Column(
        "end_date",
        _("When it ended, YYYY-MM-DD; empty when ongoing or unknown."),
        lambda c, x: iso_date(c.end_date),
        lambda c, x: iso_date(c.end_date) or None,
    ),
    Column(
        "end_precision",
        _("How much of the end date is known: year, month or day."),
        lambda c, x: c.end_precision if c.end_date else "",
        lambda c, x: c.end_precision if c.end_date else None,
    ),
    Column("location", _("Where it took place, in words."), lambda c, x: c.location),
    Column(
        "country",
        _("The country, as an ISO 3166-1 alpha-2 code (CN, GB, US …)."),
        lambda c, x: c.country.code or "",
    ),
    Column("cause", _("The public cause it served: a cause code."), lambda c, x: c.cause),
    Column("approach", _("How it used social media: an approach code."), lambda c, x: c.approach),
    Column(
        "platforms",
        _("The slugs of the platforms it ran on (separated by “; ” in the CSV, a list in JSON)."),
        lambda c, x: LIST_SEPARATOR.join(_platform_slugs(c)),
        lambda c, x: _platform_slugs(c),
    ),
    Column(
        "organisations",
        _(
            "Who took part and how: organisation slug and role code, written “slug:role” and "
            "separated by “; ” in the CSV, a list of {organisation, role} in JSON."
        ),
        lambda c, x: LIST_SEPARATOR.join(f"{slug}:{role}" for slug, role in _participants(c)),
        lambda c, x: [{"organisation": slug, "role": role} for slug, role in _participants(c)],
    ),
    Column(
        "tags",
        _(
            "The slugs of its tags, as the tag filter takes them (separated by “; ” in the CSV, "
            "a list in JSON); /tags/ names them in English and Chinese."
        ),
        lambda c, x: LIST_SEPARATOR.join(_tag_slugs(c)),
        lambda c, x: _tag_slugs(c),
    ),
    Column(
        "figure_count",
        _("How many figures the catalogue records for it."),
        lambda c, x: c.figure_count,
    ),
    Column(
        "url",
        _("The address of its page in the catalogue."),
        lambda c, x: x.campaign_url(c),
    ),
]


def _figure_campaign_platforms(figure):
    if figure.campaign is None:
        return []
    return _platform_slugs(figure.campaign)


FIGURE_COLUMNS = [
    Column("key", _("The figure's stable identifier."), lambda m, x: m.key),
    Column("label", _("What the figure counts, in English."), lambda m, x: m.label),
    Column("label_zh", _("What the figure counts, in Chinese."), lambda m, x: m.label_zh),
    Column(
        "value",
        _(
            # xgettext:no-python-format ("5.36% is" is not a placeholder)
            "The absolute number, without thousands separators: 110 million is 110000000, "
            "5.36% is 5.36. Read with unit and qualifier."
        ),
        lambda m, x: plain_number(m.value),
        lambda m, x: json_number(m.value),
    ),
    Column("unit", _("The unit the value is counted in: a unit code."), lambda m, x: m.unit),
    Column(
        "kind",
        _("What the figure measures: a kind code."),
        lambda m, x: m.kind or kind_of_unit(m.unit),
    ),
    Column(
        "qualifier",
        _("How exact the figure is, as the source states it: a qualifier code."),
        lambda m, x: m.qualifier,
    ),
    Column("stated_as", _("The figure exactly as the source writes it."), lambda m, x: m.stated_as),
    Column(
        "period", _("The period it covers, in words, when the source says."), lambda m, x: m.period
    ),
    Column(
        "as_of",
        _("The date the figure was true, YYYY-MM-DD; read with as_of_precision."),
        lambda m, x: iso_date(m.as_of),
        lambda m, x: iso_date(m.as_of) or None,
    ),
    Column(
        "as_of_precision",
        _("How much of the as-of date is known: year, month or day."),
        lambda m, x: m.as_of_precision if m.as_of else "",
        lambda m, x: m.as_of_precision if m.as_of else None,
    ),
    Column(
        "campaign",
        _(
            "The slug of the case study whose outcome this is; empty for figures about a platform, "
            "an organisation or the whole sector."
        ),
        lambda m, x: m.campaign.slug if m.campaign else "",
        lambda m, x: m.campaign.slug if m.campaign else None,
    ),
    Column(
        "campaign_title",
        _("That case study's title in English."),
        lambda m, x: m.campaign.title if m.campaign else "",
        lambda m, x: m.campaign.title if m.campaign else None,
    ),
    Column(
        "campaign_platforms",
        _("The slugs of the platforms that case study ran on (“; ” in the CSV, a list in JSON)."),
        lambda m, x: LIST_SEPARATOR.join(_figure_campaign_platforms(m)),
        lambda m, x: _figure_campaign_platforms(m),
    ),
    Column(
        "platform",
        _("The slug of the platform the figure describes, when it is not a campaign's outcome."),
        lambda m, x: m.platform.slug if m.platform else "",
        lambda m, x: m.platform.slug if m.platform else None,
    ),
    Column(
        "organisation",
        _(
            "The slug of the organisation the figure describes, when it is not a "
            "campaign's outcome."
        ),
        lambda m, x: m.organisation.slug if m.organisation else "",
        lambda m, x: m.organisation.slug if m.organisation else None,
    ),
    Column(
        "source", _("The slug of the document that states the figure."), lambda m, x: m.source.slug
    ),
    Column("source_title", _("That document's title."), lambda m, x: m.source.title),
    Column(
        "source_url",
        _("That document's address on the web, when it has one."),
        lambda m, x: m.source.url,
    ),
    Column(
        "campaign_url",
        _("The address of the case study's page in the catalogue."),
        lambda m, x: x.campaign_url(m.campaign) if m.campaign else "",
        lambda m, x: x.campaign_url(m.campaign) if m.campaign else None,
    ),
]

CODE_LISTS = [
    ("cause", _("Causes"), Cause),
    ("approach", _("Approaches"), Approach),
    ("role", _("Roles"), Role),
    ("unit", _("Units"), Unit),
    ("kind", _("Kinds of figure"), FigureKind),
    ("qualifier", _("Qualifiers"), Qualifier),
    ("precision", _("Date precisions"), DatePrecision),
]
"""The code lists the codebook page explains: (anchor, heading, choices)."""


# --------------------------------------------------------------------------- rows


def platforms_by_slug(lookup, queryset=None):
    """Prefetch the platforms at ``lookup`` in slug order, as the list ``platform_list``."""
    return Prefetch(
        lookup,
        queryset=(queryset if queryset is not None else Platform.objects).order_by("slug"),
        to_attr="platform_list",
    )


def campaign_rows():
    """Published campaigns with everything a download row shows, in a fixed number of queries."""
    return (
        Campaign.objects.published()
        .with_figure_count()
        .prefetch_related(platforms_by_slug("platforms"), "tags", "participations__organisation")
    )


def figure_rows():
    """Public figures with their campaign, subject and source, for download rows."""
    return (
        Figure.objects.published()
        .for_listing()
        .prefetch_related(
            platforms_by_slug("campaign__platforms", Platform.objects.only("pk", "slug"))
        )
    )


def exported_platforms():
    """Platforms the export holds: every platform, as the site lists them all."""
    return Platform.objects.all()


def exported_organisations():
    """Organisations the export holds: the ones the site shows."""
    return Organisation.objects.public()


def exported_sources():
    """Sources the export holds: the ones the site shows."""
    return Source.objects.public()


# --------------------------------------------------------------------------- conditional GET


TRACKED_MODELS = (Campaign, Figure, Source, Organisation, Platform)
"""The catalogue's models that record when a row last changed (``updated_at``)."""


def catalogue_state(request=None):
    """The newest change and the row count of every catalogue model, in one query per request.

    The counts catch deletions, which leave no change time behind.
    """
    cached = getattr(request, "_catalogue_state", None)
    if cached is not None:
        return cached
    per_model = [
        model.objects.order_by()
        .annotate(everything=Value(1, output_field=IntegerField()))
        .values("everything")
        .annotate(latest=Max("updated_at"), count=Count("pk"))
        .values_list("latest", "count")
        for model in TRACKED_MODELS
    ]
    rows = list(per_model[0].union(*per_model[1:], all=True))
    latest = max((row[0] for row in rows if row[0] is not None), default=None)
    state = latest, tuple(row[1] for row in rows)
    if request is not None:
        request._catalogue_state = state
    return state


def catalogue_last_modified(request, *args, **kwargs):
    """Last-Modified for downloads and the API: the newest change to the catalogue."""
    latest, _counts = catalogue_state(request)
    return latest


def catalogue_etag(request, *args, **kwargs):
    """ETag for downloads and the API: the catalogue's state and the exact address asked for.

    Saving any campaign, figure, source, organisation or platform, or adding or deleting one,
    gives a new ETag and a new Last-Modified.
    """
    latest, counts = catalogue_state(request)
    fingerprint = f"{latest.isoformat() if latest else '-'}|{counts}|{request.get_full_path()}"
    return hashlib.sha256(fingerprint.encode()).hexdigest()[:32]


conditional = condition(etag_func=catalogue_etag, last_modified_func=catalogue_last_modified)
"""Answer If-None-Match / If-Modified-Since with 304 when the catalogue has not changed."""


# --------------------------------------------------------------------------- streaming


class RowContext:
    """What a column needs besides its row: how to make an absolute address."""

    def __init__(self, request):
        self.request = request
        self._campaign_url_parts = None

    def absolute(self, path):
        """An absolute address for a path on this site."""
        return self.request.build_absolute_uri(path)

    def campaign_url(self, campaign):
        """The absolute address of a campaign's page (reversed once per download)."""
        if self._campaign_url_parts is None:
            url = self.absolute(reverse("campaigns:campaign_detail", args=["SLUG"]))
            self._campaign_url_parts = url.rsplit("SLUG", 1)
        before, after = self._campaign_url_parts
        return f"{before}{campaign.slug}{after}"


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
    pending = 1
    for obj in rows:
        writer.writerow([spreadsheet_safe(column.for_csv(obj, context)) for column in columns])
        pending += 1
        if pending >= ROWS_PER_WRITE:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            pending = 0
    yield buffer.getvalue()


def json_chunks(rows, columns, context, key):
    """The JSON text in chunks: the licence and codebook address, then one object per row."""
    head = {"licence": LICENCE_NOTE, "codebook": context.absolute(reverse("data"))}
    yield json.dumps(head, ensure_ascii=False)[:-1] + f', "{key}": [\n'
    first = True
    for obj in rows:
        row = {column.name: column.for_json(obj, context) for column in columns}
        yield ("" if first else ",\n") + json.dumps(row, ensure_ascii=False)
        first = False
    yield "\n]}\n"


def stream_download(request, *, rows, columns, name, fmt):
    """A streamed CSV or JSON download of ``rows`` (an iterator) as an attachment."""
    context = RowContext(request)
    filename = f"socialgood-{name}-{datetime.date.today().isoformat()}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(
            csv_chunks(rows, columns, context), content_type="text/csv; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(
            json_chunks(rows, columns, context, name),
            content_type="application/json; charset=utf-8",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def filtered_campaigns(request):
    """The published campaigns the list page would show for this request's filters and search."""
    from .filters import CampaignFilterForm

    return CampaignFilterForm(data=request.GET).filter(campaign_rows())


def filtered_figures(request):
    """The public figures the figures table would show for this request's filters."""
    from .filters import FigureFilterForm

    return FigureFilterForm(data=request.GET).filter(figure_rows())


@require_safe
@conditional
def export_campaigns(request, fmt):
    """The campaign list, with its current filters and search, as a CSV or JSON download."""
    rows = filtered_campaigns(request).iterator(chunk_size=CHUNK_SIZE)
    return stream_download(request, rows=rows, columns=CAMPAIGN_COLUMNS, name="campaigns", fmt=fmt)


@require_safe
@conditional
def export_figures(request, fmt):
    """The figures table, with its current filters, as a CSV or JSON download."""
    rows = filtered_figures(request).iterator(chunk_size=CHUNK_SIZE)
    return stream_download(request, rows=rows, columns=FIGURE_COLUMNS, name="figures", fmt=fmt)


def data(request):
    """The codebook: every column of every download, every code, and the licence."""
    downloads = [
        (_("Case studies"), "campaigns", CAMPAIGN_COLUMNS),
        (_("Figures"), "figures", FIGURE_COLUMNS),
    ]
    code_lists = [
        (
            anchor,
            heading,
            [
                (code, label, kind_of_unit(code) if anchor == "unit" else "")
                for code, label in choices.choices
            ],
        )
        for anchor, heading, choices in CODE_LISTS
    ]
    return render(
        request,
        "campaigns/data.html",
        {
            "downloads": downloads,
            "code_lists": code_lists,
            "licence_name": LICENCE_NAME,
            "licence_url": LICENCE_URL,
        },
    )


# --------------------------------------------------------------------------- catalogue export

TIMESTAMP_FIELDS = {"created_at", "updated_at"}
"""The database's bookkeeping, left out of the catalogue export. ``published_at`` stays: when a
case was first published is part of the catalogue (the feed is ordered by it), and it does not
change, so exporting the same catalogue twice still gives the same bytes."""

FIXTURE_FILES = (
    "sources.json",
    "organisations.json",
    "platforms.json",
    "campaigns.json",
    "figures.json",
)
"""The fixture files of an export: the seed's names, in the order they load."""

CSV_FILES = ("campaigns.csv", "figures.csv")
"""The spreadsheet files of an export."""

EXPORT_FILES = FIXTURE_FILES + CSV_FILES


class ExportError(Exception):
    """A folder the catalogue cannot be exported to, with a message a person can act on."""


@dataclass(frozen=True)
class ExportedFile:
    """One file an export wrote and how many records or rows it holds."""

    name: str
    rows: int


class _BaseUrlContext(RowContext):
    """Column context for files on disk: addresses are the site's paths after ``base_url``."""

    def __init__(self, base_url):
        super().__init__(request=None)
        self.base_url = base_url.rstrip("/")

    def absolute(self, path):
        return f"{self.base_url}{path}"


def fixture_records(objects):
    """Natural-key fixture records of ``objects``, without primary keys or timestamps."""
    records = serializers.serialize(
        "python", objects, use_natural_foreign_keys=True, use_natural_primary_keys=True
    )
    for record in records:
        record.pop("pk", None)
        for name in TIMESTAMP_FIELDS:
            record["fields"].pop(name, None)
        for name, value in record["fields"].items():
            if isinstance(value, Decimal):
                record["fields"][name] = plain_number(value)
            elif isinstance(value, datetime.date):  # datetimes as Django's JSON fixtures write them
                record["fields"][name] = DjangoJSONEncoder().default(value)
            elif isinstance(value, list) and value and isinstance(value[0], list | tuple):
                record["fields"][name] = sorted(list(key) for key in value)
            elif isinstance(value, tuple):
                record["fields"][name] = list(value)
    return records


def catalogue_fixtures():
    """The published catalogue as {file name: records}, each file sorted by natural key.

    Only published campaigns and what they need: their sources (with the documents citing
    those, and their numbered references), participants, platforms and platform operators,
    tags, and every public figure, including those about a platform, an organisation or the
    whole sector. Images are left out: they are media files their owners licence.
    """
    campaigns = Campaign.objects.published().order_by("slug")
    participations = (
        Participation.objects.filter(campaign__in=campaigns)
        .select_related("campaign", "organisation")
        .order_by("campaign__slug", "organisation__slug", "role")
    )
    tagged = (
        TaggedCampaign.objects.filter(content_object__in=campaigns)
        .select_related("content_object", "tag")
        .order_by("content_object__slug", "tag__name")
    )
    tags = Tag.objects.filter(pk__in=tagged.values("tag_id")).order_by("name")
    return {
        "sources.json": fixture_records(
            exported_sources().select_related("cited_by").order_by("slug")
        ),
        "organisations.json": fixture_records(exported_organisations().order_by("slug")),
        "platforms.json": fixture_records(
            exported_platforms().select_related("operator").order_by("slug")
        ),
        "campaigns.json": fixture_records(tags)
        + fixture_records(campaigns.prefetch_related("platforms", "sources"))
        + fixture_records(participations)
        + fixture_records(tagged),
        "figures.json": fixture_records(
            Figure.objects.published()
            .select_related("campaign", "platform", "organisation", "source")
            .order_by("key")
        ),
    }


def fixture_text(records):
    """Records as the export writes them: indent 2, Chinese as is, a final newline."""
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def catalogue_csv_texts(base_url=""):
    """The campaigns.csv and figures.csv of an export, rows sorted by slug and key."""
    context = _BaseUrlContext(base_url)
    with translation.override(settings.LANGUAGE_CODE):
        campaigns = list(campaign_rows().order_by("slug"))
        figures = list(figure_rows().order_by("key"))
        return {
            "campaigns.csv": ("".join(csv_chunks(campaigns, CAMPAIGN_COLUMNS, context)), campaigns),
            "figures.csv": ("".join(csv_chunks(figures, FIGURE_COLUMNS, context)), figures),
        }


def current_umask():
    """The process's file-creation mask (reading it means setting it, so set it back at once)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def export_catalogue(*, directory, force=False, base_url=""):
    """Write the published catalogue to ``directory``: fixtures and CSVs, deterministically.

    The folder is created if missing, but not its parents: a mistyped path is refused rather
    than built. Existing export files are refused unless ``force``, and anything at an export
    file's name that is not a regular file (a folder, a socket) is always refused, before
    anything is written. Everything is written to temporary files first and renamed into place
    only when all were written; the temporary files never outlive a failure. Returns the files
    written.
    """
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise ExportError(f"{directory} is a file, not a folder: give a folder to export to.")
    if not directory.exists() and not directory.parent.exists():
        raise ExportError(
            f"Cannot create the folder {directory}: {directory.parent} does not exist. "
            "Only the last folder of the path is created; check the path for a typo."
        )
    try:
        directory.mkdir(exist_ok=True)
    except OSError as error:
        raise ExportError(f"Cannot create the folder {directory}: {error.strerror}.") from None
    not_files = [
        name
        for name in EXPORT_FILES
        if os.path.lexists(directory / name) and not (directory / name).is_file()
    ]
    if not_files:
        raise ExportError(
            f"{directory} holds {', '.join(not_files)}, which "
            f"{'is not a file' if len(not_files) == 1 else 'are not files'}: "
            "move it away before exporting there. Nothing was written."
        )
    existing = [name for name in EXPORT_FILES if (directory / name).exists()]
    if existing and not force:
        raise ExportError(
            f"{directory} already holds {', '.join(existing)}: "
            "use --force to overwrite them, or choose an empty folder."
        )

    fixtures = catalogue_fixtures()
    texts = {name: (fixture_text(records), records) for name, records in fixtures.items()}
    texts.update(catalogue_csv_texts(base_url))

    written = []
    replaced = []
    try:
        for name in EXPORT_FILES:
            text, rows = texts[name]
            handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
            written.append((temporary, name, len(rows)))
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
                file.write(text)
        mode = 0o666 & ~current_umask()  # mkstemp makes owner-only files; exports are for sharing
        for temporary, name, _rows in written:
            os.chmod(temporary, mode)
            os.replace(temporary, directory / name)
            replaced.append(name)
    except OSError as error:
        problem = f"Cannot write to {directory}: {error.strerror}."
        if replaced:
            problem += f" Already replaced: {', '.join(replaced)}; the other files are unchanged."
        raise ExportError(problem) from None
    finally:
        for temporary, _name, _rows in written:
            Path(temporary).unlink(missing_ok=True)
    return [ExportedFile(name=name, rows=rows) for _temporary, name, rows in written]
