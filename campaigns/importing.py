"""
Importing a catalogue file in the admin: the upload is kept until the curator has seen what it
would do (a dry run of ``load_catalogue``, with the command's own messages) and confirms; then it
is loaded in one transaction, as one revision, and thrown away.

Uploads wait in ``MEDIA_ROOT/imports/<token>/``: shared by every app server when the media
folder is, as it must be for images. An upload never confirmed is removed after a day.
"""

import re
import secrets
import shutil
import time
from pathlib import Path

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .loading import LoadError, LoadReport, display_path, load_catalogue

TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
"""What a staged upload's token looks like; anything else is refused before touching files."""

KEEP_SECONDS = 24 * 3600
"""How long an upload waits to be confirmed."""

UPLOAD, NAME = "upload.json", "name.txt"
"""A staged upload's file, and the file holding the name it was uploaded as."""


class UploadError(Exception):
    """An upload that cannot be imported, with a message a curator can act on."""


def staging_root() -> Path:
    """Where uploads wait to be confirmed."""
    return Path(settings.MEDIA_ROOT) / "imports"


def stage(upload) -> tuple[str, str]:
    """Keep an uploaded file until it is confirmed; return its token and its name.

    Raises ``UploadError`` for a file over ``settings.IMPORT_MAX_BYTES`` or not named .json.
    """
    limit = settings.IMPORT_MAX_BYTES
    if upload.size > limit:
        raise UploadError(
            _(
                "The file is %(size)s; the admin takes files up to %(limit)s. Load a larger "
                "catalogue with manage.py load_catalogue."
            )
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    name = Path(upload.name or "").name
    if not name.lower().endswith(".json"):
        raise UploadError(
            _("Upload a .json file as export_catalogue writes them (%(name)s is not one).")
            % {"name": name or _("the file")}
        )
    name = re.sub(r"[^\w.\- ]", "_", name)[:100]
    _remove_stale()
    token = secrets.token_urlsafe(24)
    folder = staging_root() / token
    folder.mkdir(parents=True)
    with open(folder / UPLOAD, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    (folder / NAME).write_text(name, encoding="utf-8")
    return token, name


def staged(token: str) -> tuple[Path, str]:
    """The staged file of ``token`` and the name it was uploaded as. Raises ``UploadError``
    if there is none."""
    if not TOKEN.match(token or ""):
        raise UploadError(_("That upload is not known. Upload the file again."))
    folder = staging_root() / token
    if not (folder / UPLOAD).is_file():
        raise UploadError(_("That upload has expired or was imported already. Upload it again."))
    name_file = folder / NAME
    name = name_file.read_text(encoding="utf-8") if name_file.is_file() else UPLOAD
    return folder / UPLOAD, name


def check(token: str) -> LoadReport:
    """What importing the staged file would do (nothing is saved). Raises ``LoadError`` or
    ``UploadError``."""
    path, name = staged(token)
    try:
        return load_catalogue(paths=[path], dry_run=True)
    except LoadError as error:
        raise LoadError(_named(str(error), path, name)) from None


def run(token: str, *, user) -> tuple[LoadReport, str]:
    """Import the staged file for ``user``, in one transaction and one revision, and discard
    it; return the report and the file's name. Raises ``LoadError`` (nothing changed) if it
    cannot be loaded, ``UploadError`` if it is not staged."""
    path, name = staged(token)
    try:
        report = load_catalogue(paths=[path], user=user, comment=f"Imported {name} in the admin")
    except LoadError as error:
        raise LoadError(_named(str(error), path, name)) from None
    discard(token)
    return report, name


def discard(token: str) -> None:
    """Throw a staged upload away."""
    if TOKEN.match(token or ""):
        shutil.rmtree(staging_root() / token, ignore_errors=True)


def _named(message: str, path: Path, name: str) -> str:
    """A loader message naming the upload by its own name, not where it waits."""
    for form in (str(path), display_path(path)):
        message = message.replace(form, name)
    return message


def _remove_stale() -> None:
    root = staging_root()
    if not root.is_dir():
        return
    cutoff = time.time() - KEEP_SECONDS
    for folder in root.iterdir():
        if folder.is_dir() and folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
