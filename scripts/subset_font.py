"""Make the CJK fonts the share images are drawn with: Noto Sans CJK SC, Regular and Bold
(SIL Open Font License 1.1), cut down to the characters the catalogue can need.

Kept: Basic Latin and Latin-1, general punctuation, currency symbols, CJK symbols and
punctuation, fullwidth forms, the 6,763 hanzi of GB 2312, and every character in
fixtures/*.json. Hinting and layout features other than kerning are dropped (the images are
drawn large, one glyph after another); names and licence are kept.

The full fonts come from Debian's fonts-noto-cjk (``apt-get install fonts-noto-cjk``), only as
the source here; the site ships the subsets in campaigns/fonts/. Needs fontTools, e.g.

    python -m venv /tmp/fonts && /tmp/fonts/bin/pip install "fonttools>=4.50,<5"
    /tmp/fonts/bin/python scripts/subset_font.py

Running it again on the same fonts and fixtures writes the same files.
"""

import argparse
import json
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/opentype/noto")
FAMILY = "Noto Sans CJK SC"
WEIGHTS = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}
OUTPUT = ROOT / "campaigns" / "fonts"

RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x20A0, 0x20CF),  # Currency Symbols
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]


def gb2312_hanzi():
    """The 6,763 hanzi of GB 2312: rows 16 to 87 (bytes 0xB0 to 0xF7) of its table."""
    hanzi = set()
    for row in range(0xB0, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                hanzi.add(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # row 55 (0xD7) ends at 0xF9
    return hanzi


def fixture_characters():
    """Every character in the seed catalogue's files, whatever field it is in."""
    characters = set()
    for path in sorted((ROOT / "fixtures").glob("*.json")):
        characters.update(json.dumps(json.loads(path.read_text("utf-8")), ensure_ascii=False))
    return {char for char in characters if char.isprintable()}


def wanted():
    """The code points to keep, sorted."""
    characters = {chr(code) for start, end in RANGES for code in range(start, end + 1)}
    characters |= gb2312_hanzi() | fixture_characters()
    return sorted(ord(char) for char in characters)


def font_in_collection(path, family):
    """The font of ``family`` in a .ttc collection."""
    for font in TTCollection(path).fonts:
        if font["name"].getDebugName(1) == family or font["name"].getDebugName(16) == family:
            return font
    raise SystemExit(f"{path}: no font named {family!r} in this collection")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="folder of the .ttc files")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    arguments = parser.parse_args()
    unicodes = wanted()
    options = subset.Options()
    options.hinting = False
    # Pillow lays text out one glyph after another (with kerning), so the alternates that
    # other features would pull in (vertical forms, other locales' shapes) are dead weight.
    options.layout_features = ["kern"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    for weight, filename in WEIGHTS.items():
        font = font_in_collection(arguments.source / filename, FAMILY)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        target = arguments.output / f"NotoSansCJKsc-{weight}-subset.otf"
        font.recalcTimestamp = False  # the same bytes each time, not stamped with today
        font.save(target)
        print(
            f"{target.relative_to(ROOT)}: {len(font.getGlyphOrder())} glyphs, "
            f"{target.stat().st_size:,} bytes"
        )


if __name__ == "__main__":
    main()
