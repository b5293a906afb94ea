"""The figure form shows a value as readers will read it while it is typed: the words the page
gives its script (``figure_readings.figure_readings``) and the places it writes the reading. The
script itself, and its agreement with Python, are tested in Chromium
(``test_browser_figure_reading.py``)."""

import json
import re
from decimal import Decimal

import pytest
from django.utils.translation import override

from campaigns import display
from campaigns.figure_readings import figure_readings
from campaigns.models import Figure, Qualifier
from campaigns.units import units
from tests import factories
from tests.pages import change_url

pytestmark = pytest.mark.django_db


def readings_on(response):
    """The JSON data a page gives the figure form's script, and how often the page has it."""
    page = response.content.decode()
    found = re.findall(
        r'<script id="figure-readings" type="application/json">(.*?)</script>', page, re.S
    )
    return (json.loads(found[0]) if found else None), len(found)


def outputs_on(response):
    """The ids of the readings the page shows, one under each value field."""
    return re.findall(r'<output class="figure-reading" id="([^"]+)"', response.content.decode())


def test_the_readings_are_written_by_the_functions_that_write_figures_on_pages():
    readings = figure_readings()

    assert readings["numbers"] == {
        "en": {
            "scales": [[9, "{number} billion"], [6, "{number} million"]],
            "grouped": True,
            "max_decimals": 2,
        },
        "zh": {
            "scales": [[8, "{number}亿"], [4, "{number}万"]],
            "grouped": False,
            "max_decimals": 2,
        },
    }
    assert readings["units"]["CNY"] == {"en": "{number} CNY", "zh": "{number}元"}
    assert readings["units"]["kg"] == {"en": "{number} kg", "zh": "{number}千克"}
    assert readings["units"]["percent"] == {"en": "{number}%", "zh": "{number}%"}
    assert set(readings["units"]) == set(units().codes)
    assert readings["qualifiers"][""]["over"] == {"en": "over {figure}", "zh": "超过{figure}"}
    assert readings["qualifiers"][""]["exactly"] == {"en": "{figure}", "zh": "{figure}"}
    assert set(readings["qualifiers"][""]) == set(Qualifier.values)
    # "Up to" a length of time reads "within" in Chinese; no other unit reads a qualifier
    # otherwise, so no other unit is listed.
    assert readings["qualifiers"]["hours"] == {
        "up_to": {"en": "up to {figure}", "zh": "{figure}内"}
    }
    assert set(readings["qualifiers"]) == {"", "seconds", "hours", "days"}


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "english", "chinese"),
    [
        ("110000000", "CNY", Qualifier.OVER, "over 110 million CNY", "超过1.1亿元"),
        ("35575", "kg", Qualifier.EXACTLY, "35,575 kg", "35,575千克"),
        ("5.36", "percent", Qualifier.EXACTLY, "5.36%", "5.36%"),
        ("72", "hours", Qualifier.UP_TO, "up to 72 hours", "72小时内"),
    ],
)
def test_the_readings_put_together_say_what_the_site_says(value, unit, qualifier, english, chinese):
    """The pieces, put together as the script puts them, read as ``figure_text`` writes."""
    readings = figure_readings()
    figure = Figure(value=Decimal(value), unit_id=unit, qualifier=qualifier)
    for language, code, expected in (("en", "en", english), ("zh", "zh-hans", chinese)):
        with override(code):
            number = display.humane_number(figure.value)
            assert display.figure_text(figure) == expected
        pattern = readings["qualifiers"].get(unit, {}).get(qualifier)
        pattern = pattern or readings["qualifiers"][""][qualifier]
        with_unit = readings["units"][unit][language].replace("{number}", number)
        assert pattern[language].replace("{figure}", with_unit) == expected


def test_the_figure_form_gives_its_script_the_readings_once(reviewer, figure):
    response = reviewer.get(change_url(figure))

    assert response.status_code == 200
    readings, times = readings_on(response)
    assert times == 1
    assert readings == json.loads(json.dumps(figure_readings()))
    assert outputs_on(response) == ["id_value_reading"]
    assert 'aria-live="polite"' in response.content.decode()
    assert "js/figure_reading.js" in response.content.decode()


def test_the_case_form_gives_the_readings_once_for_all_its_figures(reviewer, campaign, source):
    for key in ("one", "two", "three"):
        factories.FigureFactory(campaign=campaign, source=source, key=key)

    response = reviewer.get(change_url(campaign))

    assert response.status_code == 200
    readings, times = readings_on(response)
    assert times == 1
    assert readings["units"]["kg"]["zh"] == "{number}千克"
    # Each figure's row, and the empty row "Add another figure" copies.
    assert outputs_on(response) == [
        "id_figures-0-value_reading",
        "id_figures-1-value_reading",
        "id_figures-2-value_reading",
        "id_figures-__prefix__-value_reading",
    ]


def test_the_value_is_typed_in_a_text_box_that_reads_as_decimal(reviewer, figure):
    response = reviewer.get(change_url(figure))

    field = re.search(r'<input[^>]* name="value"[^>]*>', response.content.decode()).group(0)
    assert 'type="text"' in field
    assert 'inputmode="decimal"' in field
    assert 'value="2234"' in field


@pytest.mark.parametrize(
    ("language", "first", "second"), [("en", "en", "zh"), ("zh-hans", "zh", "en")]
)
def test_the_reading_in_the_admin_s_language_comes_first(reviewer, figure, language, first, second):
    reviewer.cookies["django_language"] = language

    response = reviewer.get(change_url(figure))

    page = response.content.decode()
    output = re.search(r'<output class="figure-reading".*?</output>', page, re.S).group(0)
    languages = re.findall(r'data-language="(\w+)"', output)
    assert languages == [first, second]
