"""
Backing up the site and restoring it: the whole database (catalogue, curators, history) and the
media files, into one folder, and back.

PostgreSQL is dumped with its own ``pg_dump`` (custom format) and restored with ``pg_restore``
in one transaction; SQLite is copied with its online backup API. The media files (uploads,
renditions, staged imports) are copied beside it from the media storage, whichever it is: the
media folder or the bucket (``media_storage.py``), through the storage API, so a backup made
with one restores into the other. A backup is written to a temporary folder and renamed when
complete, so a folder named ``backup.json`` inside it is a whole backup; a failed one leaves
nothing behind. A restore checks the folder first and changes nothing when it cannot be
restored; the media files are put back only after the database is: each file written back,
then those made since the backup deleted, so a restore cut short loses no file.

After a restore, cached pages need no flush: the catalogue's version drawn by the next change
has a new epoch (``models/version.py``).
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from .media_storage import STORAGE_ERRORS, describe, replace, stored_files

MANIFEST = "backup.json"
POSTGRES_DUMP = "database.pgdump"
SQLITE_COPY = "database.sqlite3"
MEDIA = "media"


class BackupError(Exception):
    """A backup or restore that cannot be made, with a message an operator can act on."""


@dataclass(frozen=True)
class Backup:
    """A backup folder and what its manifest says."""

    folder: Path
    engine: str
    created_at: str
    migrations: int
    media_files: int


def engine():
    """ "postgresql" or "sqlite", the database the site runs on."""
    vendor = connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"Backups cover PostgreSQL and SQLite, not {vendor}.")
    return vendor


def postgres_environment():
    """The environment ``pg_dump`` and ``pg_restore`` read the connection from."""
    database = settings.DATABASES["default"]
    environment = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if database.get(key):
            environment[variable] = str(database[key])
    return environment


def run(command):
    """Run a PostgreSQL tool; its own error message, if it fails, becomes the BackupError."""
    try:
        finished = subprocess.run(
            command, env=postgres_environment(), capture_output=True, text=True
        )
    except FileNotFoundError as missing:
        raise BackupError(
            f"{command[0]} was not found: install PostgreSQL's client tools "
            "(e.g. apt-get install postgresql-client) on this server."
        ) from missing
    if finished.returncode != 0:
        raise BackupError(f"{command[0]} failed: {finished.stderr.strip()}")


def copy_media_to(folder: Path) -> int:
    """Copy every file of the media storage into ``folder``; return how many there were."""
    copied = 0
    for name in stored_files():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as stored, open(target, "wb") as copy:
            shutil.copyfileobj(stored, copy)
        copied += 1
    return copied


def put_media_back(folder: Path) -> None:
    """Make the media storage hold the files in ``folder`` and no others: each written back
    first, then those the backup does not have deleted."""
    kept = set()
    for path in sorted(path for path in folder.rglob("*") if path.is_file()):
        name = path.relative_to(folder).as_posix()
        with open(path, "rb") as saved:
            replace(default_storage, name, saved)
        kept.add(name)
    for name in [name for name in stored_files() if name not in kept]:
        default_storage.delete(name)


def back_up(folder) -> Backup:
    """Write a backup of the database and the media files to ``folder`` (which must not
    exist yet, or be empty)."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BackupError(f"{folder} already holds files: back up to a new folder.")
    kind = engine()
    folder.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        if kind == "postgresql":
            run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
                 f"--file={partial / POSTGRES_DUMP}"])  # fmt: skip
        else:
            connection.ensure_connection()
            with sqlite3.connect(partial / SQLITE_COPY) as copy:
                connection.connection.backup(copy)
            copy.close()
        (partial / MEDIA).mkdir()
        copied = copy_media_to(partial / MEDIA)
        backup = Backup(
            folder=folder,
            engine=kind,
            created_at=timezone.now().isoformat(timespec="seconds"),
            migrations=MigrationRecorder(connection).migration_qs.count(),
            media_files=copied,
        )
        manifest = {
            "engine": backup.engine,
            "created_at": backup.created_at,
            "migrations": backup.migrations,
            "media_files": backup.media_files,
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        if folder.exists():
            folder.rmdir()
        partial.rename(folder)
    except OSError as error:
        shutil.rmtree(partial, ignore_errors=True)
        raise BackupError(f"The backup could not be written to {folder}: {error}.") from error
    except STORAGE_ERRORS as error:  # a bucket's (a disk's are OSErrors, above)
        shutil.rmtree(partial, ignore_errors=True)
        raise BackupError(
            f"The media files could not be read from {describe()}: {error}. Nothing was "
            "backed up; try again once it can be reached."
        ) from error
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return backup


def read_backup(folder) -> Backup:
    """The backup in ``folder``, checked: a whole backup of this site's kind of database."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except FileNotFoundError:
        raise BackupError(f"{folder} is not a backup: it has no {MANIFEST}.") from None
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder / MANIFEST} cannot be read: {error}.") from None
    kind = engine()
    if manifest.get("engine") != kind:
        raise BackupError(
            f"{folder} is a backup of a {manifest.get('engine')} database; this site runs on "
            f"{kind}. Restore it into a site on {manifest.get('engine')}, or move the data with "
            "export_catalogue and load_catalogue."
        )
    database = folder / (POSTGRES_DUMP if kind == "postgresql" else SQLITE_COPY)
    if not database.is_file():
        raise BackupError(f"{folder} is not a whole backup: {database.name} is missing.")
    return Backup(
        folder=folder,
        engine=kind,
        created_at=manifest.get("created_at", ""),
        migrations=manifest.get("migrations", 0),
        media_files=manifest.get("media_files", 0),
    )


def restore(folder) -> Backup:
    """Put the database and the media files back as the backup in ``folder`` holds them."""
    backup = read_backup(folder)
    if backup.engine == "postgresql":
        connections.close_all()
        run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
             "--single-transaction", f"--dbname={postgres_environment()['PGDATABASE']}",
             str(backup.folder / POSTGRES_DUMP)])  # fmt: skip
    else:
        connection.ensure_connection()
        with sqlite3.connect(backup.folder / SQLITE_COPY) as copy:
            copy.backup(connection.connection)
        copy.close()
    if (backup.folder / MEDIA).is_dir():
        try:
            put_media_back(backup.folder / MEDIA)
        except STORAGE_ERRORS as error:
            raise BackupError(
                f"The database was restored, but the media files could not all be put back "
                f"into {describe()}: {error}. Run restore_site again once it can be reached."
            ) from error
    return backup
