"""Where the media files live, and how the code reaches them whichever place that is.

Media (uploaded images and logos, their renditions, staged admin imports) go to Django's default
storage: the ``DJANGO_MEDIA_ROOT`` folder, or, when ``AWS_STORAGE_BUCKET_NAME`` is set, a bucket
of S3-compatible object storage (AWS S3, MinIO, Ceph RGW …) that every app server shares
(``BucketStorage``, django-storages underneath; ``socialgood/settings.py``). Code reaches media
through the storage API alone — ``open``, ``save``, ``delete``, ``listdir`` — never through a
path on disk, so the same code works on both.

A bucket's files keep this site's own addresses (``/media/…``) and are streamed by
``views/media.py`` rather than linked as signed bucket URLs: a cached page (kept for up to an
hour, and by browsers and proxies) never holds a link that has expired since, the bucket stays
private with its keys on the app servers alone, images stay within the pages' ``img-src
'self'``, and every file is sent with ``MEDIA_HEADERS`` whatever the bucket says its type is.
"""

import posixpath
from urllib.parse import urljoin

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage

CONNECT_TIMEOUT_SECONDS = 3
READ_TIMEOUT_SECONDS = 10
ATTEMPTS = 2
"""A bucket that cannot be reached costs a request a few seconds, not the minutes botocore's
defaults would wait (60 s each, five attempts): the reader gets a 503 and the worker is free."""

STORAGE_ERRORS = (OSError, BotoCoreError, ClientError)
"""What a storage raises when it cannot do what was asked: ``OSError`` from a disk (and
``FileNotFoundError`` for a file that is not there, on both), botocore's errors from a bucket."""


class BucketStorage(S3Storage):
    """Media in a private bucket of S3-compatible object storage, configured by django-storages'
    own settings (``AWS_STORAGE_BUCKET_NAME``, ``AWS_S3_ENDPOINT_URL`` …), behaving as the media
    folder does: a second ``apples.png`` is saved beside the first, never over it; objects get
    no ACL (the bucket's policy decides, and it should let nobody but the site read); a bucket
    that does not answer is given up on within seconds; and a file's address is this site's
    ``/media/…``, served by ``views/media.py``."""

    def get_default_settings(self):
        defaults = super().get_default_settings()
        return {
            **defaults,
            "file_overwrite": False,
            "default_acl": None,
            "client_config": Config(
                connect_timeout=CONNECT_TIMEOUT_SECONDS,
                read_timeout=READ_TIMEOUT_SECONDS,
                retries={"max_attempts": ATTEMPTS, "mode": "standard"},
                s3={"addressing_style": defaults["addressing_style"]},
                signature_version=defaults["signature_version"],
            ),
        }

    def url(self, name, parameters=None, expire=None, http_method=None):
        """This site's address of the file, as the media folder's storage gives it."""
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name).lstrip("/"))


def in_bucket(storage=default_storage) -> bool:
    """Whether media live in a bucket (rather than in the media folder on this server's disk)."""
    return isinstance(storage, S3Storage)


def is_missing(error) -> bool:
    """Whether a storage error means the file is not there (rather than that the storage
    cannot be reached): a missing file or a folder's name on disk, a 404 from a bucket."""
    if isinstance(error, FileNotFoundError | IsADirectoryError | NotADirectoryError):
        return True
    if isinstance(error, ClientError):
        return error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") == 404
    return False


def unreachable(error) -> bool:
    """Whether an error means a bucket cannot be reached or refuses (a missing file is not
    that): a request it fails is a 503, not a fault of the site."""
    return isinstance(error, BotoCoreError | ClientError) and not is_missing(error)


def describe(storage=default_storage) -> str:
    """The media store in words, for messages to an operator."""
    if in_bucket(storage):
        return f"the bucket {storage.bucket_name}"
    return f"the media folder {storage.location}"


def stored_files(storage=default_storage, folder=""):
    """The names of every file in the storage (or under ``folder``), folder by folder."""
    try:
        folders, names = storage.listdir(folder)
    except FileNotFoundError:  # a media folder not made yet holds nothing
        return
    for name in sorted(names):
        yield posixpath.join(folder, name)
    for sub in sorted(folders):
        yield from stored_files(storage, posixpath.join(folder, sub))


def replace(storage, name, content) -> bool:
    """Write ``content`` (bytes or a file) under exactly ``name``, in place of what is there.
    Returns False, keeping what another process wrote meanwhile, if the name was taken between
    the delete and the save (storages never overwrite a name; they pick another)."""
    storage.delete(name)
    saved = storage.save(name, content if hasattr(content, "read") else ContentFile(content))
    if saved != name:
        storage.delete(saved)
        return False
    return True
