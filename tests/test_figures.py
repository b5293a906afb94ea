"""Figures written for people: the number, its unit and the source's own hedging."""

from decimal import Decimal

import pytest
from django.utils import translation

from campaigns.display import figure_number, figure_text, humane_number
from campaigns.models import Figure, Qualifier

pytestmark = pytest.mark.django_db  # units are named from their table, read once a version


def figure(value, unit, qualifier=Qualifier.EXACTLY):
    """An unsaved figure: formatting reads only the units' table."""
    return Figure(value=Decimal(value), unit=unit, qualifier=qualifier)


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "expected"),
    [
        ("110000000", "CNY", Qualifier.OVER, "over 110 million CNY"),
        ("52000000", "plays", Qualifier.EXACTLY, "52 million plays"),
        ("35575", "kg", Qualifier.UP_TO, "up to 35,575 kg"),
        ("5", "percent", Qualifier.EXACTLY, "5%"),
        ("5.36", "percent", Qualifier.EXACTLY, "5.36%"),
        ("54.2000", "percent", Qualifier.ABOUT, "about 54.2%"),
        ("1500000", "followers", Qualifier.AT_LEAST, "at least 1.5 million followers"),
        ("20000000000", "plays", Qualifier.OVER, "over 20 billion plays"),
        ("550000", "CNY", Qualifier.NEARLY, "nearly 550,000 CNY"),
        ("35.5", "t", Qualifier.ABOUT, "about 35.5 tonnes"),
        ("72", "hours", Qualifier.UP_TO, "up to 72 hours"),
        ("0", "children", Qualifier.EXACTLY, "0 children"),
    ],
)
def test_figures_read_as_a_person_would_say_them(value, unit, qualifier, expected):
    assert figure_text(figure(value, unit, qualifier)) == expected


def test_a_number_that_is_not_round_is_written_out_in_full():
    assert humane_number(Decimal("52340123")) == "52,340,123"
    assert humane_number(Decimal("52340000")) == "52.34 million"
    assert humane_number(Decimal("1234567.5")) == "1,234,567.5"


def test_the_number_alone_leaves_out_the_qualifier():
    assert figure_number(figure("110000000", "CNY", Qualifier.OVER)) == "110 million CNY"


def test_chinese_counts_large_numbers_in_wan_and_yi():
    with translation.override("zh-hans"):
        assert humane_number(Decimal("110000000")) == "1.1亿"
        assert humane_number(Decimal("52000000")) == "5200万"
        assert humane_number(Decimal("20000000000")) == "200亿"
        assert humane_number(Decimal("35575")) == "35,575"


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "expected"),
    [
        ("424262", "USD", Qualifier.NEARLY, "近424,262美元"),
        ("35575", "kg", Qualifier.UP_TO, "高达35,575千克"),
        ("52000000", "plays", Qualifier.UP_TO, "高达5200万次播放"),
        ("72", "hours", Qualifier.UP_TO, "72小时内"),
        ("30", "seconds", Qualifier.UP_TO, "30秒内"),
        ("1000", "users", Qualifier.AT_LEAST, "至少1,000名用户"),
    ],
)
def test_chinese_figures_group_digits_and_read_naturally(value, unit, qualifier, expected):
    with translation.override("zh-hans"):
        assert figure_text(figure(value, unit, qualifier)) == expected


def test_an_empty_value_is_an_empty_string():
    assert humane_number(None) == ""
