"""
The whole published catalogue written to a folder: natural-key fixtures that load into an empty
database (with ``load_catalogue`` or Django's ``loaddata``) and the two CSVs, deterministically,
so exporting the same catalogue twice gives the same bytes. ``export_catalogue`` (the command)
calls ``export_catalogue()`` here.
"""

import datetime
import json
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import translation

from .display import decimal_text
from .downloads import CAMPAIGN_COLUMNS, FIGURE_COLUMNS, csv_chunks, in_chunks, row_chunks
from .loading import FIXTURE_FILES
from .models import (
    Campaign,
    Evidence,
    Figure,
    Organisation,
    Participation,
    Platform,
    SearchAlias,
    Source,
    SubjectEvidence,
    Tag,
    TaggedCampaign,
)
from .record_lists import case_lists, figure_lists
from .records import RowContext
from .registry import CURATION_FIELDS

TIMESTAMP_FIELDS = {"created_at", "updated_at"}
"""The database's bookkeeping, left out of the catalogue export (the fixtures and the CSV
files): a database loaded from the export keeps its own. ``published_at`` stays: when a case was
first published is part of the catalogue (the feed is ordered by it), and it does not change,
so exporting the same catalogue twice still gives the same bytes."""

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


def fixture_records(objects):
    """Natural-key fixture records of ``objects``, without primary keys or timestamps."""
    records = serializers.serialize(
        "python", objects, use_natural_foreign_keys=True, use_natural_primary_keys=True
    )
    for record in records:
        record.pop("pk", None)
        for name in TIMESTAMP_FIELDS:
            record["fields"].pop(name, None)
        # The curators' own records, written empty: who published a case names an account
        # that is not part of the catalogue, and a reviewer's note is never public.
        for name, empty in CURATION_FIELDS.get(apps.get_model(record["model"]), {}).items():
            if name in record["fields"]:
                record["fields"][name] = empty
        for name, value in record["fields"].items():
            if isinstance(value, Decimal):
                record["fields"][name] = decimal_text(value)
            elif isinstance(value, datetime.date):  # datetimes as Django's JSON fixtures write them
                if isinstance(value, datetime.datetime):  # to the millisecond they keep, always
                    value = value.replace(microsecond=value.microsecond // 1000 * 1000)
                record["fields"][name] = DjangoJSONEncoder().default(value)
            elif isinstance(value, list) and value and isinstance(value[0], list | tuple):
                record["fields"][name] = sorted(list(key) for key in value)
            elif isinstance(value, tuple):
                record["fields"][name] = list(value)
    return records


CHUNK_SIZE = 2000
"""Rows read (and prefetched for) at a time: an export's memory does not grow with the
catalogue."""


def catalogue_sections():
    """The published catalogue as {fixture file name: querysets, in order}, each sorted by
    natural key.

    Only published campaigns and what they need: their sources (with the documents citing
    those, and their numbered references), participants, platforms and platform operators,
    tags, every public figure, including those about a platform, an organisation or the
    whole sector, and the evidence for the published cases' sentences and for the public
    organisations' and platforms' descriptions; and the search aliases, all of them (every one
    changes what readers' searches find). Images are left out: they are media files
    their owners licence.
    """
    campaigns = Campaign.objects.public().order_by("slug")
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
    return {
        "sources.json": [Source.objects.public().select_related("cited_by").order_by("slug")],
        "organisations.json": [Organisation.objects.public().order_by("slug")],
        "platforms.json": [Platform.objects.public().select_related("operator").order_by("slug")],
        "campaigns.json": [
            Tag.objects.filter(pk__in=tagged.values("tag_id")).order_by("name"),
            campaigns.prefetch_related("platforms", "sources"),
            participations,
            tagged,
        ],
        "figures.json": [
            Figure.objects.public()
            .select_related(
                "campaign", "platform", "organisation", "source", "conversion_of", "same_measure_as"
            )
            .order_by("key")
        ],
        "evidence.json": [
            Evidence.objects.filter(campaign__in=campaigns)
            .select_related("campaign", "participation__campaign", "participation__organisation")
            .select_related("source")
            .order_by("key"),
            SubjectEvidence.objects.public()
            .select_related("organisation", "platform", "source")
            .order_by("key"),
        ],
        "search_aliases.json": [SearchAlias.objects.order_by("slug")],
    }


def fixture_chunks(querysets, counter):
    """A fixture file's text, a record at a time, exactly as ``json.dumps(records, indent=2,
    ensure_ascii=False)`` writes the whole list, and a final newline; ``counter[0]`` counts
    the records."""
    first = True
    for queryset in querysets:
        for chunk in in_chunks(queryset, CHUNK_SIZE):
            for record in fixture_records(chunk):
                text = json.dumps(record, indent=2, ensure_ascii=False).replace("\n", "\n  ")
                yield ("[\n  " if first else ",\n  ") + text
                first = False
                counter[0] += 1
    yield "[]\n" if first else "\n]\n"


def counted(chunks, counter):
    """``chunks`` (``downloads.row_chunks``), counting their rows in ``counter[0]``."""
    for rows, context in chunks:
        counter[0] += len(rows)
        yield rows, context


def csv_file_chunks(name, base_url, counter):
    """The text of campaigns.csv or figures.csv, rows sorted by slug and key."""
    context = RowContext.for_files(base_url)
    if name == "campaigns.csv":
        rows = Campaign.objects.public().for_download().order_by("slug")
        lists = case_lists
        columns = [c for c in CAMPAIGN_COLUMNS if c.name not in TIMESTAMP_FIELDS]
    else:
        rows = Figure.objects.public().for_download().order_by("key")
        lists = figure_lists
        columns = [c for c in FIGURE_COLUMNS if c.name not in TIMESTAMP_FIELDS]
    with translation.override(settings.LANGUAGE_CODE):
        chunks = row_chunks(rows, lists=lists, context=context, size=CHUNK_SIZE)
        yield from csv_chunks(counted(chunks, counter), columns)


@contextmanager
def one_snapshot():
    """Read the whole export from one snapshot of the database, on PostgreSQL, so a curator's
    edit made while it runs is in every file or in none. (Inside a transaction already, such
    as a test's, the export reads what that transaction sees.)"""
    if connection.in_atomic_block:
        yield
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


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

    sections = catalogue_sections()
    written = []
    replaced = []
    try:
        with one_snapshot():
            for name in EXPORT_FILES:
                counter = [0]
                if name in sections:
                    chunks = fixture_chunks(sections[name], counter)
                else:
                    chunks = csv_file_chunks(name, base_url, counter)
                handle, temporary = tempfile.mkstemp(
                    dir=directory, prefix=f".{name}.", suffix=".tmp"
                )
                written.append([temporary, name, 0])
                with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
                    for chunk in chunks:
                        file.write(chunk)
                written[-1][2] = counter[0]
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
