"""Dates known only in part: sources often say only "April 2013" or "2012"."""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .choices import DatePrecision


def format_partial_date(value, precision):
    """Show a date as precisely as it is known: "2013", "April 2013" (in the active language).

    A year alone reads "2013" in English and "2013年" in Chinese.
    """
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        # Translators: a year on its own, e.g. "2013"; in Chinese "2013年".
        return _("%(year)s") % {"year": value.year}
    if precision == DatePrecision.MONTH:
        return date_format(value, "YEAR_MONTH_FORMAT")
    return date_format(value, "DATE_FORMAT")


def validate_partial_date(value, precision, field_name):
    """A year-precision date is stored as 1 January and a month-precision one as the 1st."""
    if value is None:
        return
    if precision == DatePrecision.YEAR and (value.month, value.day) != (1, 1):
        raise ValidationError(
            {field_name: _("A date known only to the year is stored as 1 January of that year.")}
        )
    if precision == DatePrecision.MONTH and value.day != 1:
        raise ValidationError(
            {field_name: _("A date known only to the month is stored as the 1st of that month.")}
        )


def partial_date_end(value, precision):
    """The last day a partial date can mean: 2013 → 31 Dec 2013, April 2013 → 30 Apr 2013."""
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return datetime.date(value.year, 12, 31)
    if precision == DatePrecision.MONTH:
        return datetime.date(
            value.year, value.month, calendar.monthrange(value.year, value.month)[1]
        )
    return value


def partial_iso_date(value, precision):
    """A date as ISO 8601 only as precisely as it is known: 2012, 2013-04 or 2013-04-20."""
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def today():
    """Today in the catalogue's time zone: the one day ages are counted from (tests freeze it
    here)."""
    return timezone.localdate()


def years_ago(value):
    """How many years ago a date was, counted by calendar year: April 2013 is 13 years ago all
    through 2026. An age so counted changes only on 1 January, whatever the date's precision,
    which is why a page cached for the current year stays right (``conditional.py``)."""
    return max(today().year - value.year, 0)
