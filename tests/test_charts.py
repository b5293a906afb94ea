"""Server-drawn SVG bar charts: accessible, proportional and paired with a table."""

import datetime
import re
from decimal import Decimal

from django.template import Context, Template
from django.utils import translation

from campaigns.charts import BAR_MAX_WIDTH, MIN_BAR_WIDTH, Bar, chart_over_time, drawing
from campaigns.models import Figure
from tests.pages import contains_html


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
    assert contains_html(html, '<title id="money-title">Money raised</title>')
    assert contains_html(
        html,
        '<desc id="money-desc">A bar chart of 3 values. The largest is Ya&#x27;an earthquake '
        "(110 million CNY); the smallest is Apple live stream (550,000 CNY).</desc>",
    )


def test_a_chart_of_one_bar_names_it_in_its_description():
    html = render(BARS[:1])
    assert contains_html(
        html,
        '<desc id="money-desc">A bar chart of one value: Ya&#x27;an earthquake '
        "(110 million CNY).</desc>",
    )


def test_the_chinese_description_is_one_sentence_run_without_a_space():
    with translation.override("zh-hans"):
        html = render(BARS)
    assert contains_html(
        html,
        '<desc id="money-desc">包含 3 个数值的条形图。最大的是 Ya&#x27;an earthquake'
        "（110 million CNY）；最小的是 Apple live stream（550,000 CNY）。</desc>",
    )


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
    drawn = drawing(BARS, title="Money", chart_id="m")["bars"]
    widths = [bar.width for bar in drawn]
    assert widths[0] == BAR_MAX_WIDTH
    assert widths[2] == round(3 / 110 * BAR_MAX_WIDTH, 1)


def test_a_tiny_value_still_gets_a_visible_bar_and_zero_gets_none():
    drawn = drawing(
        [Bar("big", Decimal(10**9), "1 billion"), Bar("tiny", Decimal(1), "1")],
        title="t",
        chart_id="t",
    )["bars"]
    assert drawn[1].width == MIN_BAR_WIDTH
    # Zero (a year with no case) is no bar at all, and does not divide by zero.
    zero = drawing([Bar("none", Decimal(0), "0")], title="t", chart_id="t")["bars"]
    assert zero[0].width == 0


def test_long_labels_are_shortened_in_the_drawing_but_whole_in_the_table():
    label = "Share of short-video users who are young people in third- and fourth-tier cities"
    html = render([Bar(label, Decimal(50), "50%")])
    drawing, table = html.split("</svg>")
    drawn_texts = re.findall(r"<text[^>]*>(.*?)</text>", drawing)
    assert drawn_texts and label not in drawn_texts
    shortened = re.search(r'class="chart-label">(.*?)</text>', drawing).group(1)
    assert shortened.endswith("…") and label.startswith(shortened[:-1])
    assert label in table
    # The description, which is read out rather than drawn, names the bar in full.
    assert f"A bar chart of one value: {label} (50%)." in drawing


def test_a_chart_without_bars_draws_nothing():
    assert render([]).strip() == ""


# --------------------------------------------------------------------------- figures over time


def figure(key, label, value, as_of, unit="users", **subject):
    """An unsaved figure, as a platform or organisation page holds them."""
    return Figure(key=key, label=label, value=Decimal(value), unit=unit, as_of=as_of, **subject)


def chart_rows(chart):
    """What each bar of a chart says: its label and its value."""
    return [(bar.label, bar.text) for bar in chart["bars"]]


def test_each_measure_over_time_gets_its_own_chart_and_single_figures_none(db):
    charts = chart_over_time(
        [
            figure("dau-2020", "Daily active users", 300_000_000, datetime.date(2020, 3, 6)),
            figure("gained", "Users gained", 40_000_000, datetime.date(2020, 2, 9)),
            figure("dau-2019", "Daily active users", 160_000_000, datetime.date(2019, 5, 17)),
            figure("mau-2019", "monthly active users ", 400, datetime.date(2019, 1, 1)),
            figure("mau-2018", "Monthly active users", 300, datetime.date(2018, 1, 1)),
        ]
    )
    assert [chart["title"] for chart in charts] == [
        "Daily active users, by date",
        "Monthly active users, by date",
    ]
    assert chart_rows(charts[0]) == [
        ("17 May 2019", "160 million users"),
        ("6 March 2020", "300 million users"),
    ]
    assert chart_rows(charts[1]) == [
        ("1 January 2018", "300 users"),
        ("1 January 2019", "400 users"),
    ]


def test_the_same_label_in_two_units_is_two_measures():
    charts = chart_over_time(
        [
            figure("a", "Raised", 5, datetime.date(2019, 1, 1), unit="CNY"),
            figure("b", "Raised", 6, datetime.date(2020, 1, 1), unit="USD"),
        ]
    )
    assert charts == []


def test_the_same_label_about_two_cases_is_not_one_measure():
    charts = chart_over_time(
        [
            figure("a", "Fans", 5, datetime.date(2019, 1, 1), campaign_id=1),
            figure("b", "Fans", 6, datetime.date(2020, 1, 1), campaign_id=2),
        ]
    )
    assert charts == []


def test_a_figure_with_no_date_is_left_out_of_a_chart_over_time():
    charts = chart_over_time(
        [
            figure("a", "Users", 5, datetime.date(2019, 1, 1)),
            figure("b", "Users", 6, None),
        ]
    )
    assert charts == []


def test_a_before_and_after_pair_is_one_measure_whose_bars_say_which_is_which(db):
    charts = chart_over_time(
        [
            figure("aware-after", "Awareness after", 19, datetime.date(2013, 6, 1), "percent"),
            figure("aware-before", "Awareness before", 5, datetime.date(2013, 4, 1), "percent"),
        ]
    )
    assert [chart["title"] for chart in charts] == ["Awareness, by date"]
    assert chart_rows(charts[0]) == [
        ("1 April 2013 — before", "5%"),
        ("1 June 2013 — after", "19%"),
    ]


def test_bars_their_table_and_their_description_keep_the_sources_qualifier(db):
    charts = chart_over_time(
        [
            figure(
                "plays-2020", "Plays", 20_000_000_000, datetime.date(2020, 4, 1),
                unit="plays", qualifier="over",
            ),
            figure(
                "plays-2019", "Plays", 52_000_000, datetime.date(2019, 4, 1),
                unit="plays", qualifier="up_to",
            ),
        ]
    )  # fmt: skip

    assert chart_rows(charts[0]) == [
        ("1 April 2019", "up to 52 million plays"),
        ("1 April 2020", "over 20 billion plays"),
    ]
    html = render(charts[0]["bars"], title="Plays")
    assert "(over 20 billion plays); the smallest is 1 April 2019 (up to 52 million plays)" in (
        html
    )
    assert ">over 20 billion plays<" in html  # in the drawing and in the table beside it
    with translation.override("zh-hans"):
        chinese = chart_over_time([figure(
            "users", "Users", 300_000_000, datetime.date(2020, 1, 1), qualifier="over"
        ), figure("users-2", "Users", 100_000_000, datetime.date(2019, 1, 1))])  # fmt: skip
        assert [text for _label, text in chart_rows(chinese[0])] == ["1亿名用户", "超过3亿名用户"]
