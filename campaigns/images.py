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

Renditions: every campaign image has a thumbnail (``THUMBNAIL_WIDTH``) and a page-width
version (``PAGE_WIDTH``), each in WebP and in PNG (JPEG when the original is a JPEG), made
once when the image is saved (``refresh_renditions``, from ``signals.py``; the
``make_renditions`` command makes those of images stored before renditions existed), next to
it with names derived from its own (``campaigns/2024/apples.w400.webp``), made again when the
image changes and deleted with its row. Pages show them in a ``<picture>``.
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
        clean = CleanImage(_encode(pixels, fmt), fmt, *pixels.size)
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


TRANSPOSITIONS = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
"""How an image of each EXIF orientation is turned upright (as ``ImageOps.exif_transpose``)."""

STRIP_ROWS = 64
"""Rows of the decoded image converted at a time for the renditions."""


def _reduced(image, factor, mode):
    """The decoded ``image`` in ``mode``, ``factor`` times smaller each way, converted and
    reduced a strip of rows at a time, so no second copy of the whole image is held."""
    width, height = image.size
    reduced = Image.new(mode, (-(-width // factor), -(-height // factor)))
    rows = STRIP_ROWS * factor
    for top in range(0, height, rows):
        strip = image.crop((0, top, width, min(height, top + rows))).convert(mode)
        reduced.paste(strip.reduce(factor) if factor > 1 else strip, (0, top // factor))
    return reduced


def make_renditions(storage, name):
    """Make every rendition of a stored image, replacing any of the same names; return its
    size (width, height).

    The renditions are at most ``PAGE_WIDTH`` wide, so the whole image is held once, briefly:
    a JPEG is decoded at the smallest of a half, a quarter or an eighth of its size still as
    wide and as high as ``PAGE_WIDTH`` (``Image.draft``); the decoded image is converted and
    reduced by a whole factor to at least that width a strip at a time (``Image.reduce``),
    then let go of before the renditions are resized from the reduced one and written."""
    with storage.open(name, "rb") as stored:
        stream = io.BytesIO(stored.read())
    with open_header(stream) as image:
        check_header(image)
        full_size = image.size
        if image.format == "JPEG":
            image.draft(None, (PAGE_WIDTH, PAGE_WIDTH))
        fit_memory(image)
        image.load()
        orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
        turned = orientation in (5, 6, 7, 8)
        width, height = full_size[::-1] if turned else full_size
        factor = max(1, (image.height if turned else image.width) // PAGE_WIDTH)
        has_alpha = "A" in image.getbands() or "transparency" in image.info
        base = _reduced(image, factor, "RGBA" if has_alpha else "RGB")
    del stream
    if orientation in TRANSPOSITIONS:
        base = base.transpose(TRANSPOSITIONS[orientation])
    for target in RENDITION_WIDTHS:
        size = rendition_size(width, height, target)
        resized = base if size == base.size else base.resize(size, Image.Resampling.LANCZOS)
        for fmt in ("WEBP", fallback_format(format_from_name(name))):
            pixels = resized.convert("RGB") if fmt == "JPEG" else resized
            replace(storage, rendition_name(name, target, fmt), _encode(pixels, fmt))
    return width, height


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
