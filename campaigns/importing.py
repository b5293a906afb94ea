"""
Importing a catalogue file in the admin: the upload is kept until the curator has seen what it
would do (a dry run of ``load_catalogue``, with the command's own messages) and confirms; then it
is loaded in one transaction, as one revision, and thrown away.

Uploads wait in the media storage (``imports/<token>.json``, with the name they were uploaded
as in ``imports/<token>.name``), so every app server finds them: the media folder, or the bucket
when there is one (``media_storage.py``). They are never served at ``/media/``. The loader
reads a copy in a temporary folder of the server that checks or imports it. An upload never
confirmed is removed after a day.
"""

import re
import secrets
import tempfile
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from .loading import LoadError, LoadReport, display_path, load_catalogue
from .media_storage import STORAGE_ERRORS, is_missing

TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
"""What a staged upload's token looks like; anything else is refused before touching files."""

KEEP = timedelta(days=1)
"""How long an upload waits to be confirmed."""

STAGING = "imports"
"""The media storage's folder where uploads wait."""


class UploadError(Exception):
    """An upload that cannot be imported, with a message a curator can act on."""


def _upload(token):
    """The staged file of ``token`` in the media storage."""
    return f"{STAGING}/{token}.json"


def _name(token):
    """The file holding the name the upload of ``token`` was uploaded as."""
    return f"{STAGING}/{token}.name"


def staged_uploads() -> list[str]:
    """The tokens of the uploads waiting to be confirmed."""
    try:
        _folders, names = default_storage.listdir(STAGING)
    except FileNotFoundError:  # nothing was ever staged on this media folder
        return []
    return sorted(name.removesuffix(".json") for name in names if name.endswith(".json"))


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
    default_storage.save(_upload(token), upload)
    default_storage.save(_name(token), ContentFile(name.encode()))
    return token, name


@contextmanager
def staged(token: str):
    """The staged file of ``token``, copied to a temporary file for the loader, and the name
    it was uploaded as. Raises ``UploadError`` if there is none."""
    if not TOKEN.match(token or ""):
        raise UploadError(_("That upload is not known. Upload the file again."))
    with tempfile.TemporaryDirectory(prefix="import-") as folder:
        path = Path(folder) / "upload.json"
        try:
            with default_storage.open(_name(token), "rb") as name_file:
                name = name_file.read().decode()
            with default_storage.open(_upload(token), "rb") as stored, open(path, "wb") as copy:
                for chunk in stored.chunks():
                    copy.write(chunk)
        except STORAGE_ERRORS as error:
            if not is_missing(error):
                raise
            raise UploadError(
                _("That upload has expired or was imported already. Upload it again.")
            ) from None
        yield path, name


def check(token: str) -> LoadReport:
    """What importing the staged file would do (nothing is saved). Raises ``LoadError`` or
    ``UploadError``."""
    with staged(token) as (path, name):
        try:
            return load_catalogue(paths=[path], dry_run=True)
        except LoadError as error:
            raise LoadError(_named(str(error), path, name)) from None


def run(token: str, *, user, note=None) -> tuple[LoadReport, str]:
    """Import the staged file for ``user``, in one transaction and one revision, and discard
    it; return the report and the file's name. A figure of a published case it changes is a
    correction readers see, which needs ``note`` (``services.Note``) in both languages.
    Raises ``LoadError`` (nothing changed) if it cannot be loaded — ``CorrectionNoteMissing``
    if it makes a correction without its note — and ``UploadError`` if it is not staged."""
    with staged(token) as (path, name):
        try:
            report = load_catalogue(
                paths=[path],
                user=user,
                comment=f"Imported {name} in the admin",
                note=note,
                require_note=True,
            )
        except LoadError as error:
            raise type(error)(_named(str(error), path, name)) from None
    discard(token)
    return report, name


def discard(token: str) -> None:
    """Throw a staged upload away."""
    if TOKEN.match(token or ""):
        default_storage.delete(_upload(token))
        default_storage.delete(_name(token))


def _named(message: str, path: Path, name: str) -> str:
    """A loader message naming the upload by its own name, not where it waits."""
    for form in (str(path), display_path(path)):
        message = message.replace(form, name)
    return message


def _remove_stale() -> None:
    cutoff = timezone.now() - KEEP
    for token in staged_uploads():
        try:
            stale = default_storage.get_modified_time(_upload(token)) < cutoff
        except STORAGE_ERRORS:  # discarded by another server meanwhile
            continue
        if stale:
            discard(token)
