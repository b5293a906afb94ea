"""The table of every figure, with a chart of the largest figures of one unit."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..caching import cached_page
from ..charts import CHART_BARS, Bar
from ..citations import figure_citations
from ..display import (
    figure_subject_label,
    figure_when,
    in_parentheses,
    measure_number,
    measure_range,
    unit_heading,
    unit_label,
)
from ..filters import FigureFilterForm
from ..methods import safe_only
from ..models import (
    CatalogueSummary,
    Figure,
    FigureSort,
    FigureSubject,
    Outcome,
)
from ..units import units
from .common import FIGURES_PER_PAGE, LIST_PAGES, number_references, paginate


@cached_page
@safe_only
def figure_list(request):
    """Every public figure in one filterable, sortable table (each conversion beside its
    figure), with a chart of one unit and one kind of subject."""
    form = FigureFilterForm(data=request.GET)
    published = Figure.objects.public()
    figures = form.filter(
        published.stated_once().with_conversions().for_listing(), conversions_apart=False
    )
    # Unfiltered, the table is every public figure: the catalogue's summary has its counts.
    # Filtered, tens of thousands of figures (of one unit, say) are counted about.
    summary = None if form.has_filters() else CatalogueSummary.current()
    if summary:
        count, estimated = summary.figures, False
    else:
        count, estimated = figures.count_or_estimate()
    page, page_note = paginate(
        request,
        figures,
        FIGURES_PER_PAGE,
        count=count,
        max_pages=LIST_PAGES,
        estimated=estimated,
    )
    return render(
        request,
        "campaigns/figure_list.html",
        {
            "form": form,
            "page": page,
            "paginator": page.paginator,
            "notes": [*form.notes, page_note] if page_note else form.notes,
            "chart": unit_chart(form, published, summary),
            "sort_choices": FigureSort.choices,
            "sort_urls": {value: form.query_string(sort=value) for value, _ in FigureSort.choices},
            "by_size": form.sort_order in (FigureSort.LARGEST, FigureSort.SMALLEST),
        },
    )


def unit_chart(form, published, summary):
    """The largest figures of one unit, one kind of outcome and one kind of subject, as bars
    with their dates.

    Case outcomes are never drawn beside a platform's or the sector's totals: without an
    "about" filter the chart is of case outcomes, and says so. Money raised is never drawn
    beside money taken in sales: a unit of money or goods is charted one kind of outcome at a
    time, the most common first, and the others are offered. With no filter at all, the chart
    leaves out figures with caveats, so that the page does not lead with one (the kept summary
    names the unit and outcome). Conversions are bars of their unit (a chart holds one unit,
    so no amount is drawn twice). A measure several statements give is one bar, by its first
    figure, spanning the values they give in its unit."""
    subject = form.cleaned_data.get("about") or FigureSubject.CAMPAIGNS
    candidates = form.filter(published.for_listing().one_per_measure()).about_kind(subject)
    outcome = form.cleaned_data.get("outcome") or ""
    others, estimated = [], False
    if summary:  # no filter: the kept counts of case outcomes with no caveat
        chosen = summary.most_common_plain_outcome
        if not chosen:
            return None
        unit, outcome, total = chosen
        of_unit = candidates.filter(unit=unit, outcome=outcome).without_caveats()
    else:
        unit = form.cleaned_data.get("unit") or candidates.most_common_unit()
        if not unit:
            return None
        of_unit = candidates.filter(unit=unit)
        if units().is_outcome(unit) and not outcome:
            counts = [(row["outcome"], row["count"]) for row in of_unit.count_by_outcome()]
            (outcome, total), others = counts[0], counts[1:]
            of_unit = of_unit.filter(outcome=outcome)
        else:
            # Of tens of thousands of figures of one unit, the chart says about how many.
            total, estimated = of_unit.count_or_estimate()
    # One unit: largest first is by value alone, which the index on (unit, value) reads in
    # order, stopping at the last bar (the units' order would make the database sort them all).
    largest = of_unit.order_by("-value", "label", "pk").with_restatements()[:CHART_BARS]
    bars = []
    for figure in largest:
        when = figure_when(figure)
        label = figure_subject_label(figure)
        lowest, highest = measure_range(figure)
        bars.append(
            Bar(
                label=label + in_parentheses(when) if when else label,
                value=highest.value,
                low=lowest.value if lowest.value != highest.value else None,
                text=measure_number(figure),
                url=figure.campaign.get_absolute_url() if figure.campaign else "",
                caveat=any(stated.has_caveat for stated in figure.statements),
                bound=figure.qualifier,
            )
        )
    return {
        "unit": unit_label(unit),
        "heading": unit_heading(unit),
        "subject": FigureSubject(subject).label,
        "outcome": Outcome(outcome).label if outcome else "",
        "chosen": bool(form.cleaned_data.get("about")),
        "plain": bool(summary),
        "total": total,
        "estimated": estimated,
        "bars": bars,
        "others": [
            {
                "label": Outcome(other).label if other else "",
                "count": count,
                "url": form.query_string(unit=unit, outcome=other) if other else "",
            }
            for other, count in others
        ],
    }


@cached_page
@safe_only
def figure_detail(request, key):
    """One public figure on a page of its own, to link to and cite: its statement, the source's
    words, when it was true, its caveat, what it is about, the other statements of its measure
    and "Cite this figure". A conversion's address leads to the figure it converts."""
    found = find_public_figure(key)
    if found.conversion_of_id:
        return redirect(found.conversion_of)
    # The measure's first figure, with every statement and their conversions: the one asked
    # for is among them, numbered with their sources.
    first = (
        Figure.objects.with_conversions()
        .select_related("source__cited_by")
        .get(pk=found.same_measure_as_id or found.pk)
    )
    figure = next(stated for stated in first.statements if stated.pk == found.pk)
    references = number_references([first])
    return render(
        request,
        "campaigns/figure_detail.html",
        {
            "figure": figure,
            "about": found,  # what the figure (and its measure) is about, fetched with it
            "measure": first,
            "references": references,
            "cite": figure_citations(figure, request.build_absolute_uri(figure.get_absolute_url())),
        },
    )


def find_public_figure(key):
    """The public figure of that key, with what its page shows; else the page's "not found"."""
    figure = (
        Figure.objects.public()
        .select_related("campaign", "platform", "organisation", "source__cited_by", "conversion_of")
        .filter(key=key)
        .first()
    )
    if figure is None:
        raise Http404(_("No public figure has this address."))
    return figure
