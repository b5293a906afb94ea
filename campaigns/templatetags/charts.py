"""
Bar charts drawn on the server as inline SVG: no JavaScript, readable by screen readers
(a <title>, a <desc> that says what the chart shows) and always printed beside a table of
the same numbers.

    {% bar_chart bars title="Monthly active users" chart_id="users" %}

where ``bars`` is a list of ``Bar(label, value, text, url)``.
"""

from dataclasses import dataclass
from decimal import Decimal

from django import template
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()

WIDTH = 400
"""The drawing's width in SVG units; it scales to its container."""

ROW_HEIGHT = 40
LABEL_BASELINE = 14
BAR_TOP = 20
BAR_HEIGHT = 14
BAR_MAX_WIDTH = 270
"""The longest bar; the rest of the row holds the value written out."""

MIN_BAR_WIDTH = 2
"""A bar too small to see is still drawn, so every row shows something."""

LABEL_CHARS = 56


@dataclass(frozen=True)
class Bar:
    """One bar: what it is, its value, the value written for people, and a link."""

    label: str
    value: Decimal
    text: str
    url: str = ""


@dataclass(frozen=True)
class DrawnBar:
    """A bar with its position in the drawing."""

    bar: Bar
    short_label: str
    label_y: int
    bar_y: int
    width: float
    text_x: float
    text_y: int


def describe(bars):
    """A sentence saying what the chart shows, for people who cannot see it."""
    if len(bars) == 1:
        return _("A bar chart of one value: %(label)s (%(value)s).") % {
            "label": bars[0].label,
            "value": bars[0].text,
        }
    largest = max(bars, key=lambda bar: bar.value)
    smallest = min(bars, key=lambda bar: bar.value)
    # One message, not two sentences glued with a space: Chinese puts no space
    # between sentences.
    return ngettext(
        "A bar chart of %(count)d value. The largest is %(largest)s "
        "(%(largest_value)s); the smallest is %(smallest)s (%(smallest_value)s).",
        "A bar chart of %(count)d values. The largest is %(largest)s "
        "(%(largest_value)s); the smallest is %(smallest)s (%(smallest_value)s).",
        len(bars),
    ) % {
        "count": len(bars),
        "largest": largest.label,
        "largest_value": largest.text,
        "smallest": smallest.label,
        "smallest_value": smallest.text,
    }


@register.inclusion_tag("includes/bar_chart.html")
def bar_chart(bars, title, chart_id, description="", value_heading=""):
    """An SVG bar chart of ``bars`` with a table of the same numbers."""
    bars = list(bars)
    drawn = []
    largest = max((bar.value for bar in bars), default=0) or 1
    for index, bar in enumerate(bars):
        top = index * ROW_HEIGHT
        width = max(MIN_BAR_WIDTH, float(bar.value) / float(largest) * BAR_MAX_WIDTH)
        drawn.append(
            DrawnBar(
                bar=bar,
                short_label=Truncator(bar.label).chars(LABEL_CHARS),
                label_y=top + LABEL_BASELINE,
                bar_y=top + BAR_TOP,
                width=round(width, 1),
                text_x=round(width + 6, 1),
                text_y=top + BAR_TOP + BAR_HEIGHT - 2,
            )
        )
    return {
        "bars": drawn,
        "title": title,
        "chart_id": chart_id,
        "description": description or (describe(bars) if bars else ""),
        "value_heading": value_heading or _("Value"),
        "width": WIDTH,
        "height": max(len(bars), 1) * ROW_HEIGHT,
        "bar_height": BAR_HEIGHT,
    }
