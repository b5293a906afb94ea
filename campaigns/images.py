"""Uploaded images made safe, and the renditions pages show.

An upload is never stored as it came. Its header is read first (Pillow's ``Image.open`` is
lazy, and decodes nothing), so an image of more than ``settings.MAX_IMAGE_PIXELS`` pixels is
refused by its size before a byte of it is decoded; then it is decoded and written again in
its own format family (PNG, JPEG, WebP or GIF) from its pixels alone: metadata (EXIF, text
chunks, colour profiles, comments) and whatever followed the image's end are left behind,
and a JPEG is turned the way its EXIF orientation says first. Animated images are refused:
a first frame kept silently would not be what the curator meant to show.

Where it happens (``SafeImageField``, on every image field of the catalogue):
- the checks run in the field's validator, so in ``full_clean()``: the admin's forms, the
  loader and the shell; the admin's form field runs them before Django's own, so a
  decompression bomb gets its own message rather than "not an image";
- the bytes are replaced in the field's ``pre_save``, so a ``save()`` without
  ``full_clean()`` stores a clean file too (or is refused with the same message).

The loader names files already in the media folder: it runs the same checks on them and,
once its load is committed, writes them again the same way (``clean_stored``).

Renditions: every campaign image has a thumbnail (``THUMBNAIL_WIDTH``) and a page-width
version (``PAGE_WIDTH``), each in WebP and in PNG (JPEG when the original is a JPEG), made
once when the image is saved (``refresh_renditions``, from ``signals.py``; the
``make_renditions`` command makes those of images stored before renditions existed), next to
it with names derived from its own (``campaigns/2024/apples.w400.webp``), made again when the
image changes and deleted with its row. Pages show them in a ``<picture>``.
"""

import io
import logging
import struct
import warnings
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from .media_storage import STORAGE_ERRORS, replace

logger = logging.getLogger(__name__)

ACCEPTED_FORMATS = ("PNG", "JPEG", "WEBP", "GIF")
"""The formats taken, as Pillow names them; anything else is refused by name."""

EXTENSIONS = {"PNG": ".png", "JPEG": ".jpg", "WEBP": ".webp", "GIF": ".gif"}

JPEG_QUALITY = 88
WEBP_QUALITY = 82

THUMBNAIL_WIDTH = 400
PAGE_WIDTH = 1200
RENDITION_WIDTHS = (THUMBNAIL_WIDTH, PAGE_WIDTH)

WHICH_FORMATS = _("Upload a PNG, JPEG, WebP or GIF image.")


@dataclass(frozen=True)
class CleanImage:
    """An image written again from its pixels: its bytes, format and size."""

    content: bytes
    format: str  # as Pillow names it: PNG, JPEG, WEBP or GIF
    width: int
    height: int

    @property
    def extension(self):
        return EXTENSIONS[self.format]


def _not_an_image():
    return ValidationError(
        "%(problem)s %(formats)s",
        params={
            "problem": _("The file is not an image, or it is damaged."),
            "formats": WHICH_FORMATS,
        },
        code="invalid_image",
    )


def _format_of_other_image(stream):
    """The name of the format of an image that is none of the accepted ones, or None."""
    stream.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(stream) as image:
                return image.format
    except Exception:  # noqa: BLE001 - whatever Pillow makes of it, it is refused as not an image
        return None


def open_header(stream):
    """Open an image by its header alone, only in an accepted format, whatever its size.

    ``Image.open`` would refuse an image of more than twice Pillow's own limit with the same
    error as a damaged file; here each accepted format's reader is tried in turn (as
    ``Image.open`` does), so the size can be read and named in the message.
    """
    Image.init()
    stream.seek(0)
    prefix = stream.read(16)
    for name in ACCEPTED_FORMATS:
        factory, accept = Image.OPEN[name]
        accepted = accept(prefix) if accept else True
        if not accepted or isinstance(accepted, str):
            continue
        stream.seek(0)
        try:
            return factory(stream, "")
        except (SyntaxError, IndexError, TypeError, ValueError, struct.error, OSError):
            continue
    other = _format_of_other_image(stream)
    if other:
        raise ValidationError(
            "%(problem)s %(formats)s",
            params={
                "problem": _("A %(format)s image is not accepted.") % {"format": other},
                "formats": WHICH_FORMATS,
            },
            code="unsupported_image_format",
        )
    raise _not_an_image()


def check_header(image):
    """Refuse an opened (not yet decoded) image that is too large or animated."""
    width, height = image.size
    limit = settings.MAX_IMAGE_PIXELS
    if width * height > limit:
        raise ValidationError(
            _("The image is %(width)s × %(height)s pixels; the limit is %(limit)s megapixels."),
            params={
                "width": f"{width:,}",
                "height": f"{height:,}",
                "limit": f"{limit / 1_000_000:g}",
            },
            code="image_too_many_pixels",
        )
    if width < 1 or height < 1:
        raise _not_an_image()
    frames = getattr(image, "n_frames", 1)
    if frames > 1:
        raise ValidationError(
            _(
                "The image is animated (%(frames)s frames); animated images are not accepted. "
                "Upload a still image."
            ),
            params={"frames": frames},
            code="animated_image",
        )


def _pixels(image):
    """The decoded image turned upright, in a mode its format can write, without metadata."""
    upright = ImageOps.exif_transpose(image)
    fmt = image.format
    if fmt == "JPEG" and upright.mode not in ("L", "RGB"):
        upright = upright.convert("RGB")
    elif fmt == "WEBP" and upright.mode not in ("RGB", "RGBA"):
        upright = upright.convert("RGBA" if "A" in upright.getbands() else "RGB")
    elif fmt == "PNG" and upright.mode not in ("1", "L", "LA", "P", "RGB", "RGBA", "I;16", "I"):
        upright = upright.convert("RGBA")
    elif fmt == "GIF" and upright.mode not in ("1", "L", "P"):
        upright = upright.convert("P", palette=Image.Palette.ADAPTIVE)
    # The pixels and palette alone: what the writers would copy from ``info`` (EXIF, text,
    # colour profile, comment, XMP) is dropped, but for which colour is transparent.
    bare = upright.copy()
    bare.info = {k: v for k, v in upright.info.items() if k == "transparency"}
    return bare


def _encode(image, fmt):
    buffer = io.BytesIO()
    options = {
        "JPEG": {"quality": JPEG_QUALITY, "optimize": True},
        "WEBP": {"quality": WEBP_QUALITY, "method": 4},
        "PNG": {"optimize": True},
        "GIF": {},
    }[fmt]
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def clean_image(file):
    """Check an image file and write it again from its pixels; raise ``ValidationError`` with
    a message a curator can act on when it is refused. The result is kept on the file, so
    the form field, the validator and ``pre_save`` decode it once (the model's field wraps
    the form's upload in a ``FieldFile``)."""
    kept = getattr(file, "_clean_image", None) or getattr(
        getattr(file, "file", None), "_clean_image", None
    )
    if kept is not None:
        return kept
    file.seek(0)
    stream = io.BytesIO(file.read())
    image = open_header(stream)
    try:
        check_header(image)
        try:
            with warnings.catch_warnings():
                # Checked against MAX_IMAGE_PIXELS above, which is what counts here.
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                image.load()
                pixels = _pixels(image)
        except (OSError, SyntaxError, ValueError, struct.error):
            raise ValidationError(
                "%(problem)s %(formats)s",
                params={
                    "problem": _("The image could not be read to its end: it is damaged."),
                    "formats": WHICH_FORMATS,
                },
                code="damaged_image",
            ) from None
        fmt = image.format
    finally:
        image.close()
    clean = CleanImage(_encode(pixels, fmt), fmt, *pixels.size)
    try:
        file._clean_image = clean
    except AttributeError:
        pass
    return clean


def clean_name(name, clean):
    """The file's name with the extension of the format it was written in."""
    path = PurePosixPath(name)
    suffix = path.suffix.lower()
    if suffix in (".jpeg", ".jpg") and clean.format == "JPEG":
        return str(path.with_suffix(".jpg"))
    if suffix == clean.extension:
        return str(path)
    return str(path.with_suffix(clean.extension))


def clean_stored(storage, name):
    """Write a stored image again, under its own name, the way an upload is (for the loader,
    whose records name files already in the media folder)."""
    with storage.open(name, "rb") as stored:
        clean = clean_image(stored)
    if not replace(storage, name, clean.content):
        logger.warning("could not write %s again: its name was taken", name)
    return clean


# --------------------------------------------------------------------------- renditions


def rendition_size(width, height, target):
    """The size of a rendition ``target`` pixels wide at most (never enlarged)."""
    if width <= target:
        return width, height
    return target, max(1, round(height * target / width))


def fallback_format(original_format):
    """The format of the renditions for browsers without WebP: JPEG for a photograph stored
    as a JPEG, PNG for everything else (it keeps transparency)."""
    return "JPEG" if original_format == "JPEG" else "PNG"


def rendition_name(name, target, fmt):
    """Where the rendition of the stored image ``name`` at ``target`` pixels in ``fmt`` is."""
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}.w{target}{EXTENSIONS[fmt]}"))


def format_from_name(name):
    """The format of a stored (clean) image, from its extension."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".jpeg":
        return "JPEG"
    return next((fmt for fmt, extension in EXTENSIONS.items() if suffix == extension), "PNG")


@dataclass(frozen=True)
class Picture:
    """An image as a page shows it: ``srcset`` values for its WebP renditions and for their
    PNG or JPEG fallbacks, the fallback page-width rendition's address and its size (for the
    ``<img>``'s width and height, so the page does not move as it loads)."""

    webp_srcset: str
    fallback_srcset: str
    src: str
    width: int
    height: int

    @classmethod
    def of(cls, storage, name, width, height):
        """The picture of stored image ``name`` of size ``width`` × ``height``."""
        fallback = fallback_format(format_from_name(name))
        sizes = {target: rendition_size(width, height, target) for target in RENDITION_WIDTHS}

        def srcset(fmt):
            return ", ".join(
                f"{storage.url(rendition_name(name, target, fmt))} {sizes[target][0]}w"
                for target in RENDITION_WIDTHS
            )

        page_width, page_height = sizes[PAGE_WIDTH]
        return cls(
            webp_srcset=srcset("WEBP"),
            fallback_srcset=srcset(fallback),
            src=storage.url(rendition_name(name, PAGE_WIDTH, fallback)),
            width=page_width,
            height=page_height,
        )


def make_renditions(storage, name):
    """Make every rendition of a stored image, replacing any of the same names; return its
    size (width, height)."""
    with storage.open(name, "rb") as stored:
        stream = io.BytesIO(stored.read())
    with open_header(stream) as image:
        check_header(image)
        image.load()
        upright = ImageOps.exif_transpose(image)
        has_alpha = "A" in upright.getbands() or "transparency" in upright.info
        base = upright.convert("RGBA" if has_alpha else "RGB")
    for target in RENDITION_WIDTHS:
        size = rendition_size(*base.size, target)
        resized = base if size == base.size else base.resize(size, Image.Resampling.LANCZOS)
        for fmt in ("WEBP", fallback_format(format_from_name(name))):
            pixels = resized.convert("RGB") if fmt == "JPEG" else resized
            replace(storage, rendition_name(name, target, fmt), _encode(pixels, fmt))
    return base.size


def delete_renditions(storage, name):
    """Delete a stored image's renditions (not the image, which history may bring back)."""
    for target in RENDITION_WIDTHS:
        for fmt in ("WEBP", "PNG", "JPEG"):
            storage.delete(rendition_name(name, target, fmt))


def refresh_renditions(campaign_image):
    """Make a campaign image's renditions if its file is not the one they were made from,
    dropping the old file's, and keep its size and the file's name on its row. A file that
    cannot be read (missing from the media storage, or in a bucket that cannot be reached)
    leaves it without renditions: its page shows the stored file. Returns whether renditions
    were made."""
    name = campaign_image.image.name if campaign_image.image else ""
    if name == campaign_image.renditions_of:
        return False
    storage = campaign_image.image.storage
    if campaign_image.renditions_of:
        delete_renditions(storage, campaign_image.renditions_of)
    width = height = None
    try:
        width, height = make_renditions(storage, name)
    except (*STORAGE_ERRORS, ValidationError) as error:
        logger.warning("no renditions for %s: %s", name, error)
        name = ""
    campaign_image.width, campaign_image.height = width, height
    campaign_image.renditions_of = name
    type(campaign_image)._default_manager.filter(pk=campaign_image.pk).update(
        width=width, height=height, renditions_of=name
    )
    return bool(name)
