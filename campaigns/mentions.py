"""
The numbers and dates a text mentions, read into values, in English and Chinese alike: what the
audit compares with a case's figures and dates, and a Chinese text with its English.

What counts as a number, and what it is worth:

- digits, with thousands separators and a decimal point: "2,400,000", "35.5", "1,016";
- with a multiplier: "110 million", "20 billion", "1.1亿", "1800万", "100多万" (over a million;
  多 and 余 before the multiplier are read past), "3千万";
- a percentage: "5%", "5.36 per cent" (worth 5 and 5.36: the value, not the unit, is compared);
- a year: four digits from 1900 to 2099 standing alone ("in 2012", "1997 videos"), which may be
  a year or an amount, so it is both; "2012年" is a year;
- a date, as precisely as it is written: "April 2013", "2 March 2020", "March 2, 2020",
  "29 February" (no year), "2020-03-02", "2020年3月2日", "3月2日", "4月", "29日";
- a decade: "the 1980s", "80s", "80后", "1980年代" (a generation, never a figure).

What is not a number: digits joined to letters or to a hyphen after letters, which are part of
a name or an ordinal ("COVID-19", "5G", "44th", "COP25"); a number after 第 (an ordinal), in
square brackets (a reference, "[14]"), after "No." or "vol." (an issue), or in a time of day
("12:30").

Numbers written in words ("three days", "ten thousand", "三天", "十万") and a month named
alone ("in April") are read too, but marked ``spelled``: words are how a text avoids a number,
so they back a number elsewhere and are never held against one. ("一" is everywhere in Chinese;
"May" can be a verb.)
"""

import re
from dataclasses import dataclass
from decimal import Decimal

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
"""English month names and their abbreviations (written with a capital), by number."""

MULTIPLIERS = {
    "万亿": 10**12,
    "千万": 10**7,
    "百万": 10**6,
    "亿": 10**8,
    "万": 10**4,
    "千": 10**3,
    "百": 10**2,
    "trillion": 10**12,
    "billion": 10**9,
    "million": 10**6,
    "thousand": 10**3,
}

ENGLISH_UNITS = {
    word: number
    for number, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
} | {
    word: 10 * number
    for number, word in enumerate(
        "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2
    )
}
ENGLISH_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9}
ENGLISH_PLURAL_SCALES = {"hundreds": 100, "thousands": 10**3, "millions": 10**6}

CHINESE_DIGITS = dict(
    zip("零〇一二两三四五六七八九", [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9], strict=True)
)
CHINESE_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}

FULL_WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
"""Full-width digits, per cent sign and point, read as their ASCII forms (one for one, so a
mention's place in the text is kept)."""

_month = "|".join(sorted(MONTHS, key=len, reverse=True))
_english_number_word = "|".join(
    sorted([*ENGLISH_UNITS, *ENGLISH_SCALES, *ENGLISH_PLURAL_SCALES], key=len, reverse=True)
)
_not_in_a_name = r"(?<![A-Za-z0-9_.:#/])(?<![A-Za-z]-)(?<!第)"
_no_more_digits = r"(?![A-Za-z0-9]|[.,]\d|:\d)"

PATTERN = re.compile(
    rf"""
    (?P<iso>{_not_in_a_name}(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>0[1-9]|1[0-2])
        (?:-(?P<iso_day>[0-3]\d))?{_no_more_digits})
  | (?P<zh_date>{_not_in_a_name}(?:(?P<zh_year>\d{{4}})\s*年\s*)?(?P<zh_month>1[0-2]|0?[1-9])\s*月
        (?:\s*(?P<zh_day>[12]\d|3[01]|0?[1-9])\s*[日号])?)
  | (?P<zh_decade>{_not_in_a_name}(?P<zh_decade_digits>(?:19|20)?\d0)(?:\s*年代|后))
  | (?P<zh_year_alone>{_not_in_a_name}(?P<zh_year_digits>\d{{4}})\s*年(?!代))
  | (?P<zh_day_alone>{_not_in_a_name}(?P<zh_day_digits>[12]\d|3[01]|0?[1-9])\s*日)
  | (?P<en_decade>{_not_in_a_name}[’']?(?P<en_decade_digits>(?:19|20)?\d0)[’']?s\b)
  | (?P<en_dmy>{_not_in_a_name}(?P<dmy_day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+
        (?P<dmy_month>{_month})\b\.?(?:,?\s+(?P<dmy_year>(?:19|20)\d\d)(?!\d))?)
  | (?P<en_mdy>\b(?P<mdy_month>{_month})\.?\s+(?P<mdy_day>[12]\d|3[01]|0?[1-9])
        (?:st|nd|rd|th)?(?!\d)(?:,\s*(?P<mdy_year>(?:19|20)\d\d)(?!\d))?)
  | (?P<en_my>\b(?P<my_month>{_month})\.?(?:\s+of)?\s+(?P<my_year>(?:19|20)\d\d)(?!\d))
  | (?P<number>{_not_in_a_name}(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
        (?:(?:\s*[多余])?(?P<zh_multiplier>万亿|千万|百万|亿|万|千|百)
          |\s+(?P<en_multiplier>trillion|billion|million|thousand)\b)?
        (?P<percent>\s?%|\s?per\s?cent\b|\s?percent\b)?{_no_more_digits})
  | (?P<en_words>(?i:\b(?:(?:a|an)\s+(?=(?:hundred|thousand|million|billion)\b))?
        (?:{_english_number_word})(?:[\s-]+(?:and\s+)?(?:{_english_number_word}))*\b))
  | (?P<zh_numerals>[零〇一二两三四五六七八九十百千万亿]+)
  | (?P<en_month>\b(?P<month_alone>{_month})\b)
    """,
    re.VERBOSE,
)

NOT_A_QUANTITY_BEFORE = re.compile(r"(?:\b(?:no|nr|vol|issue|number)\.?\s*|\[\s*)$", re.I)
"""What before a number makes it an issue or a reference: "No. 3", "vol. 57", "[14]"."""


@dataclass(frozen=True)
class Mention:
    """A number or date a text mentions: how it is written, and what it is worth.

    ``value`` is an amount; ``date`` a date as (year, month, day), None for a part the text
    does not give; ``decade`` the first year of a decade. A year standing alone has both a
    value and a date. ``spelled``: written in words (or a month alone), so it only backs.
    """

    written: str
    value: Decimal | None = None
    date: tuple | None = None
    decade: int | None = None
    spelled: bool = False

    def __str__(self):
        """How a finding quotes it: as written, with its value when that reads differently."""
        if self.value is None or self.date is not None:
            return f"“{self.written}”"
        plain = f"{self.value.normalize():,f}"
        written = self.written.rstrip("%").strip()
        if written.replace(",", "") == plain.replace(",", ""):
            return f"“{self.written}”"
        return f"“{self.written}” ({plain})"


def mentions(text):
    """The numbers and dates ``text`` mentions, in order (see the module's docstring)."""
    text = (text or "").translate(FULL_WIDTH)
    found = []
    for match in PATTERN.finditer(text):
        mention = _read(match, text)
        if mention is not None:
            found.append(mention)
    return found


def _read(match, text):
    """The mention a match of ``PATTERN`` is, or None when it is not one."""
    group = match.group
    written = match.group(0).strip()
    if group("iso"):
        return Mention(written, date=_date(group("iso_year"), group("iso_month"), group("iso_day")))
    if group("zh_date"):
        return Mention(written, date=_date(group("zh_year"), group("zh_month"), group("zh_day")))
    if group("zh_decade"):
        return Mention(written, decade=_decade(group("zh_decade_digits")))
    if group("zh_year_alone"):
        year = int(group("zh_year_digits"))
        return Mention(written, value=Decimal(year), date=(year, None, None))
    if group("zh_day_alone"):
        return Mention(written, date=(None, None, int(group("zh_day_digits"))))
    if group("en_decade"):
        return Mention(written, decade=_decade(group("en_decade_digits")))
    if group("en_dmy"):
        return Mention(
            written,
            date=_date(group("dmy_year"), MONTHS[group("dmy_month")], group("dmy_day")),
        )
    if group("en_mdy"):
        return Mention(
            written,
            date=_date(group("mdy_year"), MONTHS[group("mdy_month")], group("mdy_day")),
        )
    if group("en_my"):
        return Mention(written, date=_date(group("my_year"), MONTHS[group("my_month")], None))
    if group("number"):
        return _number(match, text)
    if group("en_words"):
        value = _english_words(written)
        return None if value is None else Mention(written, value=value, spelled=True)
    if group("zh_numerals"):
        value = _chinese_numerals(written)
        return None if value is None else Mention(written, value=value, spelled=True)
    return Mention(written, date=(None, MONTHS[group("month_alone")], None), spelled=True)


def _number(match, text):
    """A number written in digits, or None when it is an issue or a reference number."""
    if NOT_A_QUANTITY_BEFORE.search(text[: match.start()]):
        return None
    digits = match.group("digits")
    value = Decimal(digits.replace(",", ""))
    multiplier = match.group("zh_multiplier") or match.group("en_multiplier")
    if multiplier:
        value *= MULTIPLIERS[multiplier]
    written = match.group(0).strip()
    plain_year = (
        not multiplier
        and not match.group("percent")
        and digits.isdigit()
        and len(digits) == 4
        and 1900 <= int(digits) <= 2099
    )
    if plain_year:
        return Mention(written, value=value, date=(int(digits), None, None))
    return Mention(written, value=value)


def _date(year, month, day):
    return (
        int(year) if year else None,
        int(month) if month else None,
        int(day) if day else None,
    )


def _decade(digits):
    """The first year of a decade written "1980", "80" or "00"."""
    number = int(digits)
    if len(digits) == 4:
        return number
    return (1900 if number >= 30 else 2000) + number


def _english_words(words):
    """The value of numbers written in English words ("ten thousand", "twenty-four",
    "thousands"), or None for words that are not one ("a" alone)."""
    total = current = 0
    counted = False
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("a", "an", "and", ""):
            continue
        counted = True
        if word in ENGLISH_UNITS:
            current += ENGLISH_UNITS[word]
        elif word == "hundred" or word == "hundreds":
            current = (current or 1) * 100
        elif word in ENGLISH_SCALES:
            total += (current or 1) * ENGLISH_SCALES[word]
            current = 0
        elif word in ENGLISH_PLURAL_SCALES:
            total += (current or 1) * ENGLISH_PLURAL_SCALES[word]
            current = 0
    return Decimal(total + current) if counted else None


def _chinese_numerals(numerals):
    """The value of numbers written in Chinese numerals ("三", "十万", "两千五百"), or None."""
    total = ten_thousands = section = digit = 0
    for char in numerals:
        if char in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[char]
        elif char in CHINESE_SMALL_UNITS:
            section += (digit or 1) * CHINESE_SMALL_UNITS[char]
            digit = 0
        elif char == "万":
            ten_thousands += (section + digit or 1) * 10**4
            section = digit = 0
        else:  # 亿
            total += (ten_thousands + section + digit or 1) * 10**8
            ten_thousands = section = digit = 0
    return Decimal(total + ten_thousands + section + digit)


# --------------------------------------------------------------------------- comparing


def partial_date(value, precision):
    """A stored date with its precision as (year, month, day), None for what is not known."""
    if value is None:
        return None
    if precision == "year":
        return (value.year, None, None)
    if precision == "month":
        return (value.year, value.month, None)
    return (value.year, value.month, value.day)


def covers(known, written):
    """Whether a known date (a partial date) states every part of a written one: "March 2020"
    and "2 March" are covered by 2 March 2020; "2 March 2020" is not covered by March 2020."""
    return any(part is not None for part in written) and all(
        part is None or part == known_part for part, known_part in zip(written, known, strict=True)
    )


def agree(one, other):
    """Whether two written dates can be the same date: they share a part, and no part they
    both give differs ("3月2日" and "2 March 2020" agree; "2013" and "April" do not)."""
    shared = [(a, b) for a, b in zip(one, other, strict=True) if a is not None and b is not None]
    return bool(shared) and all(a == b for a, b in shared)


def matches(mention, others):
    """Whether ``mention`` is among ``others``: the same value, an agreeing date or the same
    decade."""
    for other in others:
        if mention.value is not None and mention.value == other.value:
            return True
        if mention.date and other.date and agree(mention.date, other.date):
            return True
        if mention.decade is not None and mention.decade == other.decade:
            return True
    return False
