"""Chinese typography on the seed catalogue's pages: no space between a Chinese word and a
date, and no measure word standing alone as a heading over figures (3亿名用户 reads well in a
sentence; 名用户 over a column does not)."""

import re

import pytest
from django.utils import translation

from campaigns.display import UNIT_HEADINGS, unit_heading
from campaigns.models import Unit
from tests.browser_pages import CASE, PAGES
from tests.pages import page

pytestmark = pytest.mark.django_db

MEASURE_WORDS = "名个次条位件家支篇只项所"
"""Chinese measure words the units' names open with."""

HAN = "\u4e00-\u9fff"


def test_every_unit_has_a_heading_of_its_own():
    assert set(UNIT_HEADINGS) == set(Unit)
    with translation.override("en"):
        assert str(unit_heading(Unit.USERS)) == "users"
        assert unit_heading("hectares") == "hectares"  # a code no list knows, as it is


@pytest.mark.parametrize("unit", Unit.values)
def test_a_chinese_heading_over_figures_does_not_open_with_a_measure_word(unit):
    with translation.override("zh-hans"):
        assert str(unit_heading(unit))[0] not in MEASURE_WORDS


@pytest.mark.parametrize(
    "path",
    [PAGES["figures"], "/figures/?unit=users&about=cases", PAGES["compare four cases"]],
    ids=["figures", "figures in users", "compare"],
)
def test_chinese_headings_over_figures_are_no_measure_words(client, seed_catalogue, path):
    html = page(client, "/zh-hans" + path)

    headings = re.findall(r"<th[^>]*>([^<]*)<", html)
    assert [h for h in headings if h.strip() and h.strip()[0] in MEASURE_WORDS] == []


def test_the_chinese_case_page_puts_no_space_between_words_and_the_date(client, seed_catalogue):
    html = page(client, f"/zh-hans/campaigns/{CASE}/")

    assert "<time" in html
    assert re.findall(rf"[{HAN}] +<time", html) == []
