"""The table of every figure, and figures grouped for reading: before/after pairs, charts."""

import datetime
import os
from collections import OrderedDict

from django.db.models import Count
from django.shortcuts import render
from django.utils.translation import gettext as _

from ..filters import FigureFilterForm, FigureSort
from ..models import (
    Figure,
    Unit,
)
from ..templatetags.catalogue import primary_name
from ..templatetags.charts import Bar
from ..templatetags.figures import distinction, figure_number
from .common import (
    CHART_BARS,
    FIGURES_PER_PAGE,
    paginate,
)

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
            return ("pair", figure.key.removesuffix(suffix), figure.unit, subject)
    return ("label", figure.label.strip().lower(), figure.unit, subject)


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
        unit = (
            Unit(series.first.unit).label if series.first.unit in Unit.values else series.first.unit
        )
        charts.append(
            {
                "id": f"chart-{len(charts) + 1}",
                "title": _("%(measure)s, by date") % {"measure": primary_name(series)},
                "unit": unit,
                "bars": [
                    Bar(
                        label=" — ".join(filter(None, [figure.as_of_display, distinction(figure)])),
                        value=figure.value,
                        text=figure_number(figure),
                    )
                    for figure in dated
                ],
            }
        )
    return charts


def figure_list(request):
    """Every public figure in one filterable, sortable table, with a chart of one unit."""
    form = FigureFilterForm(data=request.GET)
    figures = form.filter(Figure.objects.published().for_listing())
    page, page_note = paginate(request, figures, FIGURES_PER_PAGE)
    chart_unit = form.cleaned_data.get("unit") or (
        figures.order_by()
        .values_list("unit", flat=True)
        .annotate(count=Count("pk"))
        .order_by("-count", "unit")
        .first()
    )
    chart = None
    if chart_unit:
        of_unit = figures.filter(unit=chart_unit)
        largest = of_unit.order_by("-value", "label", "pk")[:CHART_BARS]
        chart = {
            "unit": Unit(chart_unit).label if chart_unit in Unit.values else chart_unit,
            "total": of_unit.count(),
            "bars": [
                Bar(
                    label=figure_subject_label(figure),
                    value=figure.value,
                    text=figure_number(figure),
                    url=figure.campaign.get_absolute_url() if figure.campaign else "",
                )
                for figure in largest
            ],
        }
    return render(
        request,
        "campaigns/figure_list.html",
        {
            "form": form,
            "page": page,
            "paginator": page.paginator,
            "notes": [*form.notes, page_note] if page_note else form.notes,
            "chart": chart,
            "sort_choices": FigureSort.choices,
            "sort_urls": {value: form.query_string(sort=value) for value, _ in FigureSort.choices},
        },
    )


def figure_subject_label(figure):
    """A figure's label with what it is about: "Donations raised — Ya'an earthquake".

    Both names are Chinese on Chinese pages when known: "募集善款 — 雅安地震微博募捐".
    """
    subject = figure.campaign or figure.platform or figure.organisation
    label = primary_name(figure)
    return f"{label} — {primary_name(subject)}" if subject else label
