"""Chinese typography on the seed catalogue's pages: no space between a Chinese word and a
date, and no measure word standing alone as a heading over figures (3亿名用户 reads well in a
sentence; 名用户 over a column does not)."""

import re

import pytest
from django.utils import translation

from campaigns.display import unit_heading
from campaigns.models import Unit
from campaigns.units import STANDARD_UNITS
from tests.browser_pages import CASE, PAGES
from tests.pages import page

pytestmark = pytest.mark.django_db

MEASURE_WORDS = "名个次条位件家支篇只项所"
"""Chinese measure words the units' names open with."""

HAN = "\u4e00-\u9fff"


def test_every_standard_unit_has_a_chinese_heading_of_its_own():
    assert all(row[-1] for row in STANDARD_UNITS)
    with translation.override("en"):
        assert unit_heading("users") == "users"
        assert unit_heading("hectares") == "hectares"  # a code no table knows, as it is
    with translation.override("zh-hans"):
        assert unit_heading("users") == "用户数"
        assert unit_heading("CNY") == "金额（元）"


@pytest.mark.parametrize("unit", [row[0] for row in STANDARD_UNITS])
def test_a_chinese_heading_over_figures_does_not_open_with_a_measure_word(unit):
    with translation.override("zh-hans"):
        assert unit_heading(unit)[0] not in MEASURE_WORDS


def test_a_unit_without_a_chinese_heading_is_headed_by_its_name_without_its_measure_word():
    Unit.objects.create(
        code="hectares", name="hectares", name_zh="公顷", measure_word="", kind="count"
    )
    Unit.objects.create(code="trees", name="trees", name_zh="树", measure_word="棵", kind="count")
    with translation.override("zh-hans"):
        assert unit_heading("hectares") == "公顷"
        assert unit_heading("trees") == "树"


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
