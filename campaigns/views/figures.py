"""The table of every figure, with a chart of the largest figures of one unit."""

from django.shortcuts import render

from ..charts import CHART_BARS, Bar
from ..display import figure_number, figure_subject_label, unit_label
from ..filters import FigureFilterForm
from ..models import CatalogueSummary, Figure, FigureSort
from .common import FIGURES_PER_PAGE, paginate


def figure_list(request):
    """Every public figure in one filterable, sortable table, with a chart of one unit."""
    form = FigureFilterForm(data=request.GET)
    figures = form.filter(Figure.objects.published().for_listing())
    # Unfiltered, the table is every public figure: the catalogue's summary has its counts.
    summary = None if form.has_filters() else CatalogueSummary.current()
    count = summary.figures if summary else None
    page, page_note = paginate(request, figures, FIGURES_PER_PAGE, count=count)
    if summary:
        chart_unit = summary.most_common_unit
    else:
        chart_unit = form.cleaned_data.get("unit") or figures.most_common_unit()
    chart = None
    if chart_unit:
        of_unit = figures.filter(unit=chart_unit)
        largest = of_unit.sorted_by(FigureSort.LARGEST)[:CHART_BARS]
        chart = {
            "unit": unit_label(chart_unit),
            "total": summary.figures_in(chart_unit) if summary else of_unit.count(),
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
