"""
Charts of figures: bars drawn on the server as inline SVG (no JavaScript, readable by screen
readers through a <title> and a <desc> that says what the chart shows, always printed beside a
table of the same numbers), and the series figures form when they measure one thing over time.

    {% bar_chart bars title="Monthly active users" chart_id="users" %}

where ``bars`` is a list of ``Bar(label, value, text, url)``.
"""

import datetime
import os
from collections import OrderedDict
from dataclasses import dataclass
from decimal import Decimal

from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .display import (
    CAVEAT_MARK,
    distinction,
    marked_number,
    primary_name,
    unit_heading,
)
from .models import Qualifier

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

CHART_BARS = 20
"""The most bars a chart draws."""


@dataclass(frozen=True)
class Bar:
    """One bar: what it is, its value, the value written for people, and a link."""

    label: str
    value: Decimal
    text: str
    url: str = ""
    caveat: bool = False
    """Whether the figure carries a caveat: its text is marked, and a note under the chart
    says what the mark means."""
    low: Decimal | None = None
    """Where sources give a measure different values, the lowest (``value`` is the highest):
    the bar is solid to it and pale on to the highest."""
    bound: str = ""
    """The figure's qualifier: a bar of "over" or "at least" is open at its end (the amount may
    be more), one of "up to", "under" or "nearly" capped (it may be less)."""

    @property
    def marker(self):
        """How the bar's end is drawn: "more", "less" or "" (``bound``)."""
        if self.bound in LOWER_BOUNDS:
            return "more"
        if self.bound in UPPER_BOUNDS:
            return "less"
        return ""


LOWER_BOUNDS = frozenset({Qualifier.OVER, Qualifier.AT_LEAST})
"""Qualifiers of an amount that may be more than the figure."""

UPPER_BOUNDS = frozenset({Qualifier.UP_TO, Qualifier.UNDER, Qualifier.NEARLY})
"""Qualifiers of an amount that may be less than the figure."""

MARKER_WIDTH = 7
"""Room after a bar for the mark of its open or capped end."""


@dataclass(frozen=True)
class DrawnBar:
    """A bar with its position in the drawing."""

    bar: Bar
    short_label: str
    label_y: int
    bar_y: int
    width: float
    solid_width: float
    """The bar's solid part: all of it, or up to the lowest of a range."""
    text_x: float
    text_y: int

    @property
    def range_width(self):
        """The hatched rest of a range's bar, from its lowest value to its highest."""
        return round(self.width - self.solid_width, 1)


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


def drawing(
    bars, title, chart_id, description="", value_heading="", label_heading="", range_note=""
):
    """What the chart template draws: each bar placed and sized, the title and a description.
    A bar of 0 (a year with no case) is drawn as no bar at all. ``range_note`` says what a bar
    solid to its ``low`` and pale on means (by default: sources that differ about a measure)."""
    bars = list(bars)
    drawn = []
    largest = max((bar.value for bar in bars), default=0) or 1

    def width_of(value):
        return max(MIN_BAR_WIDTH, float(value) / float(largest) * BAR_MAX_WIDTH) if value else 0

    for index, bar in enumerate(bars):
        top = index * ROW_HEIGHT
        width = width_of(bar.value)
        drawn.append(
            DrawnBar(
                bar=bar,
                short_label=Truncator(bar.label).chars(LABEL_CHARS),
                label_y=top + LABEL_BASELINE,
                bar_y=top + BAR_TOP,
                width=round(width, 1),
                solid_width=round(width if bar.low is None else width_of(bar.low), 1),
                text_x=round(width + 6 + (MARKER_WIDTH if bar.marker else 0), 1),
                text_y=top + BAR_TOP + BAR_HEIGHT - 2,
            )
        )
    return {
        "bars": drawn,
        "title": title,
        "chart_id": chart_id,
        "description": description or (describe(bars) if bars else ""),
        "value_heading": value_heading or _("Value"),
        "label_heading": label_heading or _("Figure"),
        "width": WIDTH,
        "height": max(len(bars), 1) * ROW_HEIGHT,
        "bar_height": BAR_HEIGHT,
        "caveat_mark": CAVEAT_MARK if any(bar.caveat for bar in bars) else "",
        "ranges": any(bar.low is not None for bar in bars),
        "range_note": range_note
        or _(
            "Where sources differ about a measure, its bar is solid to the lowest value they "
            "give and pale on to the highest."
        ),
        "markers": {bar.marker for bar in bars} - {""},
    }


# --------------------------------------------------------------------------- series

PAIR_SUFFIXES = ("-before", "-after")
"""Figures keyed "x-before" and "x-after" are a before/after pair (see the README)."""


def common_label(labels):
    """What labels have in common, in whole words: "Awareness before" + "Awareness after"."""
    prefix = os.path.commonprefix(labels)
    if prefix == labels[0]:
        return prefix
    return prefix.rsplit(" ", 1)[0].strip() if " " in prefix else ""


def common_label_zh(labels):
    """What Chinese labels have in common, by characters, and what is left of each.

    Chinese puts what sets a measure apart in front of it ("活动前" + "公众…知晓率"), so
    the longer of the shared start and the shared end is the label:
    ("公众…知晓率", ["活动前", "活动后"]).
    A shared part of one character says too little to head the pair: ("", labels).
    """
    if not all(labels):
        return "", ["" for _label in labels]
    prefix = os.path.commonprefix(labels)
    suffix = os.path.commonprefix([label[::-1] for label in labels])[::-1]
    if len(prefix) >= len(suffix):
        common, rests = prefix, [label[len(prefix) :] for label in labels]
    else:
        common, rests = suffix, [label[: len(label) - len(suffix)] for label in labels]
    if len(common) < 2:
        return "", list(labels)
    return common, rests


class FigureSeries:
    """Figures of one subject that measure the same thing at different times: "5% → 19%".

    A series is one figure, or a before/after pair, or figures sharing a label and unit.
    ``label`` and ``label_zh`` are what their labels have in common; each figure's
    ``distinction`` and ``distinction_zh`` say what sets it apart ("before the campaign", "活动前").
    """

    def __init__(self, figures):
        self.figures = figures
        self.first = figures[0]
        self.label = self.first.label
        self.label_zh = self.first.label_zh
        distinctions_zh = ["" for _figure in figures]
        if self.is_change:
            self.label = common_label([figure.label for figure in figures]) or self.label
            self.label_zh, distinctions_zh = common_label_zh(
                [figure.label_zh for figure in figures]
            )
        for figure, distinction_zh in zip(figures, distinctions_zh, strict=True):
            figure.distinction = figure.label[len(self.label) :].strip() if self.is_change else ""
            figure.distinction_zh = distinction_zh.strip()

    @property
    def is_change(self):
        return len(self.figures) > 1


def series_key(figure):
    """Figures with the same key are one series: one measure of one subject."""
    subject = (figure.campaign_id, figure.platform_id, figure.organisation_id)
    for suffix in PAIR_SUFFIXES:
        if figure.key.endswith(suffix):
            return ("pair", figure.key.removesuffix(suffix), figure.unit_id, subject)
    return ("label", figure.label.strip().lower(), figure.unit_id, subject)


def series_order(figure):
    """Date order, "before" ahead of "after" when the dates are the same or unknown."""
    after = figure.key.endswith("-after")
    return (figure.as_of is None, figure.as_of or datetime.date.min, after, figure.order)


def figure_series(figures):
    """Group figures into series: before/after pairs and repeated measures of one label."""
    groups = OrderedDict()
    for figure in figures:
        groups.setdefault(series_key(figure), []).append(figure)
    return [FigureSeries(sorted(group, key=series_order)) for group in groups.values()]


def chart_over_time(figures):
    """One chart per measure (a series) with at least two dated figures, in date order.

    Different measures in the same unit ("daily active users", "users gained") are never
    drawn as one series; a measure known at only one date is left to the list of figures.
    """
    charts = []
    for series in figure_series(figures):
        dated = [figure for figure in series.figures if figure.as_of][-CHART_BARS:]
        if len(dated) < 2:
            continue
        unit = unit_heading(series.first.unit_id)
        charts.append(
            {
                "id": f"chart-{len(charts) + 1}",
                "title": _("%(measure)s, by date") % {"measure": primary_name(series)},
                "unit": unit,
                "bars": [
                    Bar(
                        label=" — ".join(filter(None, [figure.as_of_display, distinction(figure)])),
                        value=figure.value,
                        text=marked_number(figure),
                        caveat=figure.has_caveat,
                    )
                    for figure in dated
                ],
            }
        )
    return charts
