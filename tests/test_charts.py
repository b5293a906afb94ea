"""Server-drawn SVG bar charts: accessible, proportional and paired with a table."""

import re
from decimal import Decimal

from django.template import Context, Template

from campaigns.templatetags.charts import BAR_MAX_WIDTH, MIN_BAR_WIDTH, Bar, bar_chart


def render(bars, title="Money raised"):
    """The chart's HTML as a page would include it."""
    template = Template(
        "{% load charts %}{% bar_chart bars title=title chart_id='money' value_heading='CNY' %}"
    )
    return template.render(Context({"bars": bars, "title": title}))


BARS = [
    Bar(label="Ya'an earthquake", value=Decimal("110000000"), text="110 million CNY", url="/a/"),
    Bar(label="Apple live stream", value=Decimal("550000"), text="550,000 CNY"),
    Bar(label="County magistrates", value=Decimal("3000000"), text="3 million CNY"),
]


def test_a_chart_has_a_title_and_a_description_it_is_labelled_by():
    html = render(BARS)
    assert 'role="img" aria-labelledby="money-title money-desc"' in html
    assert '<title id="money-title">Money raised</title>' in html
    assert (
        '<desc id="money-desc">A bar chart of 3 values. The largest is Ya&#x27;an earthquake '
        "(110 million CNY); the smallest is Apple live stream (550,000 CNY).</desc>"
    ) in html


def test_the_same_numbers_are_in_a_table_beside_the_chart():
    html = render(BARS)
    table = html.split("</svg>")[1]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th><td class=\"num\">(.*?)</td></tr>", table)
    assert rows == [
        ('<a href="/a/">Ya&#x27;an earthquake</a>', "110 million CNY"),
        ("Apple live stream", "550,000 CNY"),
        ("County magistrates", "3 million CNY"),
    ]
    assert '<th scope="col" class="num">CNY</th>' in table


def test_bars_are_in_proportion_to_the_largest():
    drawn = bar_chart(BARS, title="Money", chart_id="m")["bars"]
    widths = [bar.width for bar in drawn]
    assert widths[0] == BAR_MAX_WIDTH
    assert widths[2] == round(3 / 110 * BAR_MAX_WIDTH, 1)


def test_a_tiny_value_still_gets_a_visible_bar_and_zero_does_not_divide_by_zero():
    drawn = bar_chart(
        [Bar("big", Decimal(10**9), "1 billion"), Bar("tiny", Decimal(1), "1")],
        title="t",
        chart_id="t",
    )["bars"]
    assert drawn[1].width == MIN_BAR_WIDTH
    zero = bar_chart([Bar("none", Decimal(0), "0")], title="t", chart_id="t")["bars"]
    assert zero[0].width == MIN_BAR_WIDTH


def test_long_labels_are_shortened_in_the_drawing_but_whole_in_the_table():
    label = "Share of short-video users who are young people in third- and fourth-tier cities"
    html = render([Bar(label, Decimal(50), "50%")])
    drawing, table = html.split("</svg>")
    assert label not in drawing
    shortened = re.search(r'class="chart-label">(.*?)</text>', drawing).group(1)
    assert shortened.endswith("…") and label.startswith(shortened[:-1])
    assert label in table


def test_a_chart_without_bars_draws_nothing():
    assert render([]).strip() == ""
