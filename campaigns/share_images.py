"""
The picture a link to a case shows where it is shared (OpenGraph and Twitter cards): 1200×630
PNG with the case's title, its headline figure and its platforms, in the page's language.

The text is drawn with Noto Sans CJK SC (cut down to the characters the catalogue needs by
``scripts/subset_font.py``; SIL Open Font License, see ``fonts/``), so Chinese reads on any
server. A text with a character the font lacks is drawn in English instead, never as boxes.

An image depends only on what it draws: it is cached (in Django's default cache, Redis when
``REDIS_URL`` is set) under a hash of that text and ``RENDERER_VERSION``, which is also its
ETag. A new title makes a new image; an edit elsewhere in the catalogue leaves it cached.
"""

import dataclasses
import functools
import hashlib
import io
import json
import re
from pathlib import Path

from django.core.cache import cache
from django.utils.translation import get_language
from PIL import Image, ImageDraw, ImageFont

from .display import SITE_NAME, figure_text, name_pair, primary_name

RENDERER_VERSION = 1
"""Raise it when the drawing changes, so images cached by the old drawing are not served."""

WIDTH, HEIGHT = 1200, 630
CACHE_SECONDS = 30 * 24 * 3600
"""How long a drawn image stays in the cache; what it draws is in its key, so it is never
stale, only evicted."""

FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR = FONTS / "NotoSansCJKsc-Regular-subset.otf"
BOLD = FONTS / "NotoSansCJKsc-Bold-subset.otf"

ACCENT = (11, 90, 107)
TEXT = (27, 27, 27)
MUTED = (85, 85, 85)
BACKGROUND = (255, 255, 255)
PANEL = (244, 246, 247)

MARGIN = 72
TEXT_WIDTH = WIDTH - 2 * MARGIN
ELLIPSIS = "…"


@dataclasses.dataclass(frozen=True)
class ShareCard:
    """What a case's share image says, in one language."""

    title: str
    figure: str
    figure_label: str
    platforms: tuple[str, ...]
    site_name: str
    language: str

    @property
    def key(self):
        """A hash of everything drawn and of the drawing's version."""
        drawn = json.dumps([RENDERER_VERSION, dataclasses.astuple(self)], ensure_ascii=False)
        return hashlib.sha256(drawn.encode()).hexdigest()

    @property
    def alt_text(self):
        """The image's text alternative: what it says, in the order it says it."""
        parts = [
            self.title,
            f"{self.figure} {self.figure_label}".strip(),
            " · ".join(self.platforms),
        ]
        return " — ".join(part for part in parts if part)


# --------------------------------------------------------------------------- what to draw


def share_card(campaign):
    """A case's share image in the page's language: its title, its headline figure (the first
    of ``figure_list``, as the home page picks it, written as pages write it) and its
    platforms. Needs ``figure_list`` and the platforms fetched (``for_detail()`` or
    ``for_share_image()``)."""
    figures = campaign.figure_list
    figure = figures[0] if figures else None
    return ShareCard(
        title=drawable_name(campaign),
        figure=readable_or(figure_text(figure), "") if figure else "",
        figure_label=drawable_name(figure) if figure else "",
        platforms=tuple(drawable_name(platform) for platform in campaign.platforms.all()),
        site_name=readable_or(str(SITE_NAME), "Social Media for Social Good"),
        language=get_language() or "en",
    )


def drawable_name(entity):
    """An entity's name in the page's language, or its English name if the font cannot draw
    the other."""
    return readable_or(primary_name(entity), name_pair(entity)[0])


def readable_or(text, fallback):
    """``text`` if the font has every character of it, else ``fallback``."""
    return text if all(has_glyph(char) for char in text) else fallback


@functools.lru_cache(maxsize=16384)  # bounded: titles may hold any of Unicode's characters
def has_glyph(char):
    """Whether the font draws ``char`` as itself rather than as its "missing" box."""
    if char.isspace():
        return True
    return glyph(char) != missing_glyph()


@functools.lru_cache(maxsize=1)
def missing_glyph():
    """How the font draws a character it lacks."""
    return glyph("\U0010fffd")  # a private-use character no font maps


def glyph(char):
    """``char`` drawn small, as bytes to compare."""
    canvas = Image.new("L", (48, 48))
    ImageDraw.Draw(canvas).text((4, 0), char, font=font(BOLD, 32), fill=255)
    return canvas.tobytes()


# --------------------------------------------------------------------------- drawing


@functools.cache
def font(path, size):
    """A font at a size, laid out one glyph after another (the same with or without libraqm)."""
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


TOKENS = re.compile(
    r"[0-9A-Za-z\u00c0-\u024f'’&%.,:;!?()\-/+]+[ \t]*"  # a Latin word, with what follows it
    r"|\s+"
    r"|.[，。、；：？！）」』”’》〉,.;:!?)]*"  # one character, with closing punctuation
)
"""Where a line may break: between Latin words, and between any two Chinese characters except
before closing punctuation."""


def wrap(text, face, width):
    """``text`` in lines no wider than ``width``; a word too long for a line is broken."""
    lines, line = [], ""
    for token in TOKENS.findall(" ".join(text.split())):
        if face.getlength(line + token.rstrip()) <= width:
            line += token
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = token.lstrip()
        while face.getlength(line.rstrip()) > width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and face.getlength(line[:cut]) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip():
        lines.append(line.rstrip())
    return lines


def ellipsised(text, face, width):
    """``text`` cut short with "…" so that it fits ``width``."""
    if face.getlength(text) <= width:
        return text
    while text and face.getlength(text.rstrip() + ELLIPSIS) > width:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS


def fitted(text, path, sizes, width, max_lines):
    """The largest of ``sizes`` at which ``text`` fits in ``max_lines`` lines, and the lines;
    at the smallest size, the lines that fit with the last one ellipsised."""
    for size in sizes:
        face = font(path, size)
        lines = wrap(text, face, width)
        if len(lines) <= max_lines:
            return face, lines
    kept = lines[:max_lines]
    kept[-1] = ellipsised(kept[-1] + ELLIPSIS, face, width)
    return face, kept


def draw(card):
    """The share image of ``card`` as PNG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    canvas = ImageDraw.Draw(image)
    canvas.rectangle((0, 0, WIDTH, 14), fill=ACCENT)
    canvas.rectangle((0, HEIGHT - 96, WIDTH, HEIGHT), fill=PANEL)

    site = font(BOLD, 30)
    canvas.text((MARGIN, 50), ellipsised(card.site_name, site, TEXT_WIDTH), font=site, fill=ACCENT)

    top = 112
    face, lines = fitted(card.title, BOLD, range(64, 39, -4), TEXT_WIDTH, 3)
    line_height = round(face.size * 1.25)
    for line in lines:
        canvas.text((MARGIN, top), line, font=face, fill=TEXT)
        top += line_height

    if card.figure:
        top += 24
        face, lines = fitted(card.figure, BOLD, range(76, 43, -4), TEXT_WIDTH, 1)
        canvas.text((MARGIN, top), lines[0], font=face, fill=ACCENT)
        top += round(face.size * 1.3)
        if card.figure_label and top < HEIGHT - 140:
            label = font(REGULAR, 32)
            text = ellipsised(card.figure_label, label, TEXT_WIDTH)
            canvas.text((MARGIN, top), text, font=label, fill=MUTED)

    if card.platforms:
        face = font(REGULAR, 30)
        platforms = ellipsised(" · ".join(card.platforms), face, TEXT_WIDTH)
        canvas.text((MARGIN, HEIGHT - 66), platforms, font=face, fill=TEXT)

    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def share_image(card):
    """The PNG of ``card``, drawn once and then taken from the cache."""
    key = f"share-image:{card.key}"
    png = cache.get(key)
    if png is None:
        png = draw(card)
        cache.set(key, png, CACHE_SECONDS)
    return png
