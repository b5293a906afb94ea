"""The bar chart template tag, drawn by ``campaigns.charts``:

    {% bar_chart bars title="Monthly active users" chart_id="users" %}

draws ``bars`` (a list of ``Bar``) as inline SVG beside a table of the same numbers.
"""

from django import template

from campaigns import charts

register = template.Library()

register.inclusion_tag("includes/bar_chart.html", name="bar_chart")(charts.drawing)
