"""
The renditions pages show of an uploaded image: every campaign image has a thumbnail
(``THUMBNAIL_WIDTH``) and a page-width version (``PAGE_WIDTH``), each in WebP and in PNG (JPEG
when the original is a JPEG), made once when the image is saved (``refresh_renditions``, from
``derived.py``; the ``make_renditions`` command makes those of images stored before renditions
existed), next to it with names derived from its own (``campaigns/2024/apples.w400.webp``),
made again when the image changes and deleted with its row. Pages show them in a
``<picture>`` (``Picture``). They are made from the clean stored file within the same memory
budget as the upload's checks (``images.py``).
"""

import io
import logging
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from PIL import ExifTags, Image

from .images import EXTENSIONS, check_header, encode, fit_memory, open_header
from .media_storage import STORAGE_ERRORS, replace

logger = logging.getLogger(__name__)

THUMBNAIL_WIDTH = 400
PAGE_WIDTH = 1200
RENDITION_WIDTHS = (THUMBNAIL_WIDTH, PAGE_WIDTH)


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
            replace(storage, rendition_name(name, target, fmt), encode(pixels, fmt))
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
