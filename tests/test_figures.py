"""Figures written for people: the number, its unit and the source's own hedging."""

from decimal import Decimal

import pytest
from django.utils import translation

from campaigns.display import figure_number, figure_text, humane_number
from campaigns.models import Figure, Qualifier, Unit


def figure(value, unit, qualifier=Qualifier.EXACTLY):
    """An unsaved figure: formatting needs no database."""
    return Figure(value=Decimal(value), unit=unit, qualifier=qualifier)


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "expected"),
    [
        ("110000000", Unit.CNY, Qualifier.OVER, "over 110 million CNY"),
        ("52000000", Unit.PLAYS, Qualifier.EXACTLY, "52 million plays"),
        ("35575", Unit.KG, Qualifier.UP_TO, "up to 35,575 kg"),
        ("5", Unit.PERCENT, Qualifier.EXACTLY, "5%"),
        ("5.36", Unit.PERCENT, Qualifier.EXACTLY, "5.36%"),
        ("54.2000", Unit.PERCENT, Qualifier.ABOUT, "about 54.2%"),
        ("1500000", Unit.FOLLOWERS, Qualifier.AT_LEAST, "at least 1.5 million followers"),
        ("20000000000", Unit.PLAYS, Qualifier.OVER, "over 20 billion plays"),
        ("550000", Unit.CNY, Qualifier.NEARLY, "nearly 550,000 CNY"),
        ("35.5", Unit.TONNES, Qualifier.ABOUT, "about 35.5 tonnes"),
        ("72", Unit.HOURS, Qualifier.UP_TO, "up to 72 hours"),
        ("0", Unit.CHILDREN, Qualifier.EXACTLY, "0 children"),
    ],
)
def test_figures_read_as_a_person_would_say_them(value, unit, qualifier, expected):
    assert figure_text(figure(value, unit, qualifier)) == expected


def test_a_number_that_is_not_round_is_written_out_in_full():
    assert humane_number(Decimal("52340123")) == "52,340,123"
    assert humane_number(Decimal("52340000")) == "52.34 million"
    assert humane_number(Decimal("1234567.5")) == "1,234,567.5"


def test_the_number_alone_leaves_out_the_qualifier():
    assert figure_number(figure("110000000", Unit.CNY, Qualifier.OVER)) == "110 million CNY"


def test_chinese_counts_large_numbers_in_wan_and_yi():
    with translation.override("zh-hans"):
        assert humane_number(Decimal("110000000")) == "1.1亿"
        assert humane_number(Decimal("52000000")) == "5200万"
        assert humane_number(Decimal("20000000000")) == "200亿"
        assert humane_number(Decimal("35575")) == "35,575"


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "expected"),
    [
        ("424262", Unit.USD, Qualifier.NEARLY, "近424,262美元"),
        ("35575", Unit.KG, Qualifier.UP_TO, "高达35,575千克"),
        ("52000000", Unit.PLAYS, Qualifier.UP_TO, "高达5200万次播放"),
        ("72", Unit.HOURS, Qualifier.UP_TO, "72小时内"),
        ("30", Unit.SECONDS, Qualifier.UP_TO, "30秒内"),
        ("1000", Unit.USERS, Qualifier.AT_LEAST, "至少1,000名用户"),
    ],
)
def test_chinese_figures_group_digits_and_read_naturally(value, unit, qualifier, expected):
    with translation.override("zh-hans"):
        assert figure_text(figure(value, unit, qualifier)) == expected


def test_an_empty_value_is_an_empty_string():
    assert humane_number(None) == ""
