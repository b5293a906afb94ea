"""Uploaded images made safe, and the renditions pages show.

An upload is never stored as it came. Its header is read first (Pillow's ``Image.open`` is
lazy, and decodes nothing), so an image of more than ``settings.MAX_IMAGE_PIXELS`` pixels is
refused by its size before a byte of it is decoded; then it is decoded and written again in
its own format family (PNG, JPEG, WebP or GIF) from its pixels alone: metadata (EXIF, text
chunks, colour profiles, comments) and whatever followed the image's end are left behind,
and a JPEG is turned the way its EXIF orientation says first. Animated images are refused:
a first frame kept silently would not be what the curator meant to show.

Memory: decoding is the costly part (a 40-megapixel colour image is 160 MB of pixels however
small its file), so the memory an image's pixels will take is worked out from its header too
(``memory_needed``: width × height × the bytes Pillow keeps a pixel in, twice that when the
pixels must be converted, turned or copied by the encoder) and must fit
``settings.IMAGE_MEMORY_BYTES``. A JPEG that does not fit is decoded smaller by the JPEG decoder
itself (``Image.draft``: a half, a quarter or an eighth of its width and height) and stored at
that size; any other image that does not fit is refused, with the size that would fit. Each
step then holds as few copies of the pixels as it can: converted in place where possible, the
decoded image let go of before the converted one is written.

Where it happens (``SafeImageField``, on every image field of the catalogue):
- the checks run in the field's validator, so in ``full_clean()``: the admin's forms, the
  loader and the shell; the admin's form field runs them before Django's own, so a
  decompression bomb gets its own message rather than "not an image";
- the bytes are replaced in the field's ``pre_save``, so a ``save()`` without
  ``full_clean()`` stores a clean file too (or is refused with the same message).

The loader names files already in the media folder: it runs the same checks on them and,
once its load is committed, writes them again the same way (``clean_stored``).

Renditions, the smaller copies pages show, are made from the clean file by ``renditions.py``.
"""

import io
import logging
import math
import struct
import warnings
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import ExifTags, Image, ImageOps

from .media_storage import replace

logger = logging.getLogger(__name__)

ACCEPTED_FORMATS = ("PNG", "JPEG", "WEBP", "GIF")
"""The formats taken, as Pillow names them; anything else is refused by name."""

EXTENSIONS = {"PNG": ".png", "JPEG": ".jpg", "WEBP": ".webp", "GIF": ".gif"}

JPEG_QUALITY = 88
WEBP_QUALITY = 82


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


# --------------------------------------------------------------------------- memory

ONE_BYTE_MODES = ("1", "L", "P")
TWO_BYTE_MODES = ("I;16", "I;16L", "I;16B", "I;16N")

WRITABLE_MODES = {
    "JPEG": ("L", "RGB"),
    "WEBP": ("RGB", "RGBA"),
    "PNG": ("1", "L", "LA", "P", "RGB", "RGBA", "I;16", "I"),
    "GIF": ("1", "L", "P"),
}
"""The modes each format is written again in as they are; any other is converted first."""

ENCODERS_THAT_COPY = ("JPEG", "WEBP")
"""Formats whose encoder holds about as much again as the pixels while it writes them."""


def bytes_per_pixel(mode):
    """The bytes Pillow keeps one pixel of ``mode`` in: one for one-bit, grey and palette
    images, two for 16-bit grey, four for everything else (RGB is stored as four too)."""
    if mode in ONE_BYTE_MODES:
        return 1
    return 2 if mode in TWO_BYTE_MODES else 4


def _orientation(image):
    """The EXIF orientation of an opened image (1, upright, when it gives none). A PNG's EXIF
    may follow its pixels, so until it is decoded a PNG without EXIF before them is taken to
    be upright (``clean_image`` checks again once it is decoded)."""
    if image.format == "PNG" and "exif" not in image.info:
        return 1
    try:
        return image.getexif().get(ExifTags.Base.Orientation, 1)
    except Exception:  # noqa: BLE001 - damaged EXIF is dropped with the rest of it
        return 1


def memory_needed(image, size=None):
    """The bytes decoding and writing an opened image of ``size`` (its own by default) takes
    at its peak: its pixels, twice when they are turned by EXIF, converted to another mode or
    held again by the encoder (WebP's copies the picture; JPEG's, optimising its Huffman
    tables, keeps every coefficient)."""
    width, height = size or image.size
    copies = 1
    if (
        _orientation(image) != 1
        or image.mode not in WRITABLE_MODES.get(image.format, ())
        or image.format in ENCODERS_THAT_COPY
    ):
        copies = 2
    return width * height * bytes_per_pixel(image.mode) * copies


def _megabytes(size):
    return f"{math.ceil(size / 1024 / 1024):,}"


def fit_memory(image):
    """Make sure decoding an opened (not yet decoded) image fits ``IMAGE_MEMORY_BYTES``: a
    JPEG that does not is set to be decoded at the largest of a half, a quarter or an eighth
    of its size that does (``Image.draft``); any other image is refused, with how many
    megapixels of it would fit."""
    budget = settings.IMAGE_MEMORY_BYTES
    needed = memory_needed(image)
    if needed <= budget:
        return
    width, height = image.size
    if image.format == "JPEG":
        for scale in (2, 4, 8):
            size = (math.ceil(width / scale), math.ceil(height / scale))
            if memory_needed(image, size) <= budget:
                image.draft(None, size)
                return
    per_pixel = needed / (width * height)
    raise ValidationError(
        _(
            "The image is %(width)s × %(height)s pixels; decoding it would take %(needed)s MB "
            "of memory, more than the %(budget)s MB this site allows for one image. Upload it "
            "at %(megapixels)s megapixels or fewer."
        ),
        params={
            "width": f"{width:,}",
            "height": f"{height:,}",
            "needed": _megabytes(needed),
            "budget": _megabytes(budget),
            "megapixels": f"{math.floor(budget / per_pixel / 100_000) / 10:g}",
        },
        code="image_too_much_memory",
    )


def _pixels(image):
    """The decoded image turned upright, in a mode its format can write, without metadata;
    ``image`` itself when nothing had to be converted (turning it is done in place)."""
    ImageOps.exif_transpose(image, in_place=True)
    fmt = image.format
    pixels = image
    if image.mode not in WRITABLE_MODES[fmt]:
        if fmt == "JPEG":
            pixels = image.convert("RGB")
        elif fmt == "WEBP":
            pixels = image.convert("RGBA" if "A" in image.getbands() else "RGB")
        elif fmt == "PNG":
            pixels = image.convert("RGBA")
        else:
            pixels = image.convert("P", palette=Image.Palette.ADAPTIVE)
    # The pixels and palette alone: what the writers would copy from ``info`` (EXIF, text,
    # colour profile, comment, XMP) is dropped, but for which colour is transparent.
    pixels.info = {k: v for k, v in image.info.items() if k == "transparency"}
    return pixels


def encode(image, fmt):
    """An image written in ``fmt`` with the catalogue's settings for it, as bytes."""
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
    fmt = image.format
    pixels = None
    try:
        check_header(image)
        fit_memory(image)
        try:
            with warnings.catch_warnings():
                # Checked against MAX_IMAGE_PIXELS above, which is what counts here.
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                image.load()
                if fmt == "PNG":
                    fit_memory(image)  # again: its EXIF, read with its pixels, may turn it
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
    finally:
        if pixels is not image:
            image.close()  # the decoded pixels, once converted: one copy fewer while writing
    del stream
    try:
        clean = CleanImage(encode(pixels, fmt), fmt, *pixels.size)
    finally:
        pixels.close()
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
