"""
Loading the catalogue from JSON files in Django's fixture format, with natural keys.

``load_catalogue`` reads the files in order, checks every record (its shape, its model and
fields, its references, then ``full_clean()``), saves only what differs from the database and
counts what it created, updated and left unchanged. The whole load is one transaction: a bad
record anywhere stops it with a ``LoadError`` naming the file, the record and the problem, and
the database is left exactly as it was (asked to ``keep_going``, as the admin's dry run is,
it goes on to find every bad record, then fails naming each). Loading the same files twice
changes nothing the second time.

Files are read a record at a time and loaded in batches of consecutive records of one model
(``bulk.py``): new rows are checked like any other and written with one INSERT per batch, and
rows that match the database are counted without a write, so a catalogue of 100,000 cases
loads in minutes and in bounded memory. Anything out of the ordinary in a batch sends the whole
batch through the record-by-record path (``saving.py``), which says exactly what is wrong and
where.

A file holds a list of records such as::

    {"model": "campaigns.source", "fields": {"slug": "cnnic-2020", "title": "…", "kind": "report"}}

Foreign keys and many-to-many values are natural keys (``["cnnic-2020"]``). A record may refer
to a row that a later record in the same load creates; it is saved once that row exists.

As with ``loaddata``, a record describes its whole row: a field it leaves out takes the field's
default. A many-to-many field it leaves out is left alone, and so are the fields the database
keeps itself (``created_at``, ``updated_at``, ``published_at``) once a row exists.

A load that changes anything is one revision of the catalogue's history (``history.py``): the
rows it created or updated, with a comment naming the files and the user, if any, who ran it.

The package, one job a module: ``report`` (what a load did), ``reading`` (files into records),
``checks`` (what a record must pass), ``changes`` (what a load does to each row, described),
``rules`` (what a load may do for the curator who runs it), ``saving`` (a record at a time,
and the steps every save takes) and ``bulk`` (a batch at once). This module is its public
face.
"""

from collections.abc import Callable, Sequence
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .. import history, kept
from .bulk import batches, load_batch
from .reading import display_path, read_records
from .report import CorrectionNoteMissing, LoadError, LoadProblems, LoadReport, ModelCounts
from .rules import EDITOR, Rules
from .saving import Load, load_waiting

__all__ = [
    "FIXTURE_FILES",
    "EDITOR",
    "CorrectionNoteMissing",
    "LoadError",
    "LoadProblems",
    "LoadReport",
    "ModelCounts",
    "Rules",
    "display_path",
    "load_catalogue",
    "seed_fixture_paths",
]

FIXTURE_FILES = (
    "sources.json",
    "organisations.json",
    "platforms.json",
    "campaigns.json",
    "figures.json",
    "evidence.json",
    "search_aliases.json",
)
"""The catalogue's fixture files, in the order they load: each refers only to the ones before
it. The seed catalogue in ``fixtures/`` and every export are these files."""


def seed_fixture_paths() -> list[Path]:
    """The seed fixtures, each found in the first of settings.FIXTURE_DIRS that holds it."""
    folders = [Path(folder) for folder in settings.FIXTURE_DIRS]
    paths = []
    for name in FIXTURE_FILES:
        found = [folder / name for folder in folders if (folder / name).is_file()]
        paths.append(found[0] if found else folders[0] / name)
    return paths


def load_catalogue(
    *,
    paths: Sequence[Path],
    dry_run: bool = False,
    progress: Callable[[str], None] | None = None,
    user=None,
    comment: str = "",
    note=None,
    require_note: bool = False,
    keep_going: bool = False,
    describe: bool = False,
    rules: Rules | None = None,
) -> LoadReport:
    """Load the files in order, in one transaction, and report what changed.

    Raises ``LoadError`` (and changes nothing) at the first file or record that cannot be
    loaded. With ``dry_run`` everything is checked and counted, then rolled back. ``progress``
    is called with a line of text every tenth of the way through a file of more than
    ``reading.PROGRESS_ABOVE`` bytes. What changed is one revision, by ``user`` (None: the
    command line), whose comment is ``comment`` or names the files.

    A figure of a published case that comes to state something else is a correction readers
    see (``report.corrections``), with the public ``note`` (``services.Note``); with
    ``require_note``, a correction without the note in both languages stops the load with
    ``CorrectionNoteMissing``.

    With ``keep_going`` a record that cannot be loaded does not stop the load: every such
    record is found, and the load then raises ``LoadProblems`` naming each (and changes
    nothing). A file that cannot be read still stops it at once. With ``describe`` each row
    created or updated is described in ``report.changes`` (``changes.RowChange``). ``rules``
    say what the load may do for the curator who runs it (``rules.Rules``; None: anything).
    """
    load = Load(
        report=LoadReport(files=[Path(path) for path in paths], dry_run=dry_run),
        require_note=require_note,
        keep_going=keep_going,
        describe=describe,
        rules=rules or Rules(),
    )
    if note is not None:
        load.note = note
    comment = comment or "Loaded " + ", ".join(display_path(path) for path in load.report.files)
    # The units a load checks figures against are read once (``kept.py``): a load adds none.
    with kept.one_version(), transaction.atomic():
        with history.recording(user=user, comment=comment, manual=True) as recording:
            load.recording = recording
            # What follows the load (counts, documents, the version) is brought in step once,
            # when every record is in: the recording is one unit of work (``derived.py``).
            for path in load.report.files:
                for batch in batches(read_records(path, progress)):
                    load_batch(load, batch)
            load_waiting(load)
            if load.report.problems:
                raise LoadProblems(load.report.problems)
        if dry_run:
            transaction.set_rollback(True)
    return load.report
