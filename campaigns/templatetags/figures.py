"""
Figures written for people: 110000000 CNY "over" becomes "over 110 million CNY" in English
and "超过1.1亿元" in Chinese (once translated), 35575 kg stays "35,575 kg", 5.36 percent is "5.36%".

Round numbers are shortened (110 million, 1.5 billion; in Chinese 1.1亿, 5200万); a number
that is not round is written out in full, so a shortened figure never claims more precision
than the source gave — nor less.
"""

from decimal import Decimal

from django import template
from django.utils import numberformat
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from campaigns.models import Qualifier, Unit

register = template.Library()

ENGLISH_SCALES = [
    (Decimal(10) ** 9, lambda number: _("%(number)s billion") % {"number": number}),
    (Decimal(10) ** 6, lambda number: _("%(number)s million") % {"number": number}),
]
"""Shortened forms for round numbers, largest first."""

CHINESE_SCALES = [
    (Decimal(10) ** 8, lambda number: f"{number}亿"),
    (Decimal(10) ** 4, lambda number: f"{number}万"),
]
"""Chinese counts in 万 (ten thousand) and 亿 (hundred million), not in millions."""

MAX_SHORT_DECIMALS = 2
"""A number is shortened only when its short form needs at most this many decimals."""


def plain_number(value, grouped=True):
    """A number with thousands separators and no trailing zeros: 35,575 and 5.36.

    Digits are grouped in threes in both languages: Django's Chinese locale sets no
    thousands separator, but figures read "424,262美元" on Chinese pages too. A count of
    万 is not grouped: "5200万".
    """
    value = Decimal(value)
    if value == value.to_integral_value():
        value, decimals = int(value), 0
    else:
        text = format(value.normalize(), "f")
        decimals = len(text.split(".")[1])
    return numberformat.format(
        value,
        decimal_sep=".",
        decimal_pos=decimals,
        grouping=3,
        thousand_sep=",",
        force_grouping=grouped,
    )


@register.filter
def humane_number(value):
    """110000000 → "110 million" (English) or "1.1亿" (Chinese); 35575 → "35,575"."""
    if value is None or value == "":
        return ""
    value = Decimal(value)
    chinese = (get_language() or "").startswith("zh")
    for scale, write in CHINESE_SCALES if chinese else ENGLISH_SCALES:
        if value >= scale:
            short = value / scale
            rounded = round(short, MAX_SHORT_DECIMALS)
            if short == rounded:
                return write(plain_number(rounded, grouped=not chinese))
            break
    return plain_number(value)


def unit_text(number, unit):
    """A number with its unit: "5.36%", "110 million CNY", "52 million plays"."""
    if unit == Unit.PERCENT:
        return _("%(number)s%%") % {"number": number}
    label = Unit(unit).label if unit in Unit.values else unit
    return pgettext("number and unit", "%(number)s %(unit)s") % {"number": number, "unit": label}


QUALIFIER_PATTERNS = {
    Qualifier.OVER: lambda figure: _("over %(figure)s") % {"figure": figure},
    Qualifier.AT_LEAST: lambda figure: _("at least %(figure)s") % {"figure": figure},
    Qualifier.ABOUT: lambda figure: _("about %(figure)s") % {"figure": figure},
    Qualifier.NEARLY: lambda figure: _("nearly %(figure)s") % {"figure": figure},
    Qualifier.UP_TO: lambda figure: _("up to %(figure)s") % {"figure": figure},
}
"""How each qualifier reads in front of a figure; "exactly" reads as the bare figure."""

DURATION_UNITS = {Unit.SECONDS, Unit.HOURS, Unit.DAYS}
"""Units of time: "up to 72 hours" reads "72小时内" (within 72 hours) in Chinese."""


def qualified(figure, text):
    """``text`` (a number and unit) with the figure's qualifier: "up to 52 million plays"."""
    if figure.qualifier == Qualifier.UP_TO and figure.unit in DURATION_UNITS:
        return pgettext("up to, of a length of time", "up to %(figure)s") % {"figure": text}
    pattern = QUALIFIER_PATTERNS.get(figure.qualifier)
    return pattern(text) if pattern else text


@register.filter
def figure_text(figure, with_qualifier=True):
    """A figure as a person would say it: "over 110 million CNY", "52 million plays"."""
    text = unit_text(humane_number(figure.value), figure.unit)
    return qualified(figure, text) if with_qualifier else text


@register.filter
def figure_number(figure):
    """Just the number and unit, without the qualifier: "110 million CNY"."""
    return figure_text(figure, with_qualifier=False)


@register.filter
def distinction(figure):
    """What sets a figure of a before/after pair apart, in the page's language: "活动前"."""
    chinese = getattr(figure, "distinction_zh", "")
    if chinese and (get_language() or "").startswith("zh"):
        return chinese
    return getattr(figure, "distinction", "")
