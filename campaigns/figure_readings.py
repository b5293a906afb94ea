"""
A figure's value as readers will read it, shown in the figure form as the curator types it
("over 2.5 million visits / 超过250万次访问"). The form's script (``static/js/figure_reading.js``)
puts the reading together in the browser from pieces written here, once a page, by the
functions that write figures on the site's pages (``display.py``): how each language shortens
round numbers, each unit around a number and each qualifier around a number with its unit.
So the script holds no words and no rules of its own but the shortening's arithmetic, and a
browser test holds it to ``figure_text`` over values, units and qualifiers in both languages.
"""

from functools import partial

from django.utils.translation import gettext as _
from django.utils.translation import override

from .display import MAX_SHORT_DECIMALS, qualified, shortening, unit_text
from .models import Figure, Qualifier
from .units import units

READING_LANGUAGES = {"en": "en", "zh": "zh-hans"}
"""The languages the figure form reads a value in as it is typed, by the names its script
(``static/js/figure_reading.js``) knows them by."""

NUMBER_SLOT = "{number}"
"""Where a reading's pattern takes the number, shortened as ``humane_number`` would."""

FIGURE_SLOT = "{figure}"
"""Where a qualifier's pattern takes the number with its unit."""


def in_reading_languages(write):
    """What ``write()`` returns in each reading language: {"en": …, "zh": …}."""
    written = {}
    for name, code in READING_LANGUAGES.items():
        with override(code):
            written[name] = str(write())
    return written


def unit_readings():
    """Each unit with a number as readers read it, the number left as a slot, and, where one
    of it reads otherwise ("1 video"), that too: {"kg": {"en": "{number} kg", "zh":
    "{number}千克"}, "videos": {"en": "{number} videos", "zh": "{number}条视频", "one": {"en":
    "{number} video", "zh": "{number}条视频"}}}."""
    readings = {}
    for code in units().codes:
        reading = in_reading_languages(partial(unit_text, NUMBER_SLOT, code))
        one = in_reading_languages(partial(unit_text, NUMBER_SLOT, code, 1))
        readings[code] = reading if one == reading else {**reading, "one": one}
    return readings


def qualifier_readings(units):
    """Each qualifier's pattern around a number with its unit, in both languages: under ""
    as it reads with most units ({"over": {"en": "over {figure}", "zh": "超过{figure}"}}), and
    under a unit only where it reads otherwise there ("up to" of hours, "{figure}内")."""

    def patterns(unit):
        return {
            qualifier: in_reading_languages(
                partial(qualified, Figure(qualifier=qualifier, unit_id=unit), FIGURE_SLOT)
            )
            for qualifier in Qualifier.values
        }

    usual = patterns("")
    readings = {"": usual}
    for unit in units:
        different = {
            qualifier: pattern
            for qualifier, pattern in patterns(unit).items()
            if pattern != usual[qualifier]
        }
        if different:
            readings[unit] = different
    return readings


def number_readings():
    """How each reading language shortens round numbers, for the figure form's script: the
    scales as powers of ten with their patterns ([9, "{number} billion"]), whether the
    shortened count is grouped in threes, and how many decimals it may have."""

    def rules():
        scales, grouped = shortening()
        return {
            "scales": [[scale.adjusted(), str(write(NUMBER_SLOT))] for scale, write in scales],
            "grouped": grouped,
            "max_decimals": MAX_SHORT_DECIMALS,
        }

    readings = {}
    for name, code in READING_LANGUAGES.items():
        with override(code):
            readings[name] = rules()
    return readings


def figure_readings():
    """What the figure form's script needs to show a value as readers will read it, in
    English and in Chinese, as it is typed: the numbers' shortening, each unit and each
    qualifier, all written here by the functions that write figures on the site's pages; and
    what to say of a value that is not a number, in the page's language."""
    units = unit_readings()
    return {
        "numbers": number_readings(),
        "units": units,
        "qualifiers": qualifier_readings(units),
        "not_a_number": _("Not a number: write the value in digits, such as 2500000 or 5.36."),
    }
