"""How old each figure is: "as of April 2013 — 13 years ago", counted in calendar years, so that
an age changes only on 1 January, and a cached page or a browser's copy with it."""

import datetime

import pytest
from django.utils import translation

from campaigns import display
from campaigns.models import DatePrecision, Figure
from tests.pages import page, text

pytestmark = pytest.mark.django_db

CASE_PAGE = "/campaigns/yaan-earthquake/"


def as_of(year, month=1, precision=DatePrecision.MONTH):
    return Figure(as_of=datetime.date(year, month, 1), as_of_precision=precision)


def test_an_age_is_counted_in_calendar_years_and_changes_on_the_first_of_january(today):
    figure = as_of(2013, 4)

    today(datetime.date(2026, 1, 1))
    assert display.figure_age(figure) == "13 years ago"
    today(datetime.date(2026, 12, 31))
    assert display.figure_age(figure) == "13 years ago"
    today(datetime.date(2027, 1, 1))
    assert display.figure_age(figure) == "14 years ago"


def test_a_figure_of_this_year_or_last_year_reads_as_a_person_would_say_it(today):
    today(datetime.date(2026, 3, 1))

    assert display.figure_age(as_of(2026, 2)) == "less than a year ago"
    assert display.figure_age(as_of(2025, 12)) == "1 year ago"
    assert display.figure_age(as_of(2024, precision=DatePrecision.YEAR)) == "2 years ago"
    assert display.figure_age(Figure()) == ""


def test_an_age_in_chinese(today):
    today(datetime.date(2026, 6, 1))

    with translation.override("zh-hans"):
        assert display.figure_age(as_of(2013, 4)) == "距今13年"
        assert display.figure_age(as_of(2026, 4)) == "距今不到一年"


def test_the_case_page_gives_each_figure_its_age_beside_its_as_of_date(client, yaan_case, today):
    today(datetime.date(2026, 6, 1))

    assert "as of April 2013 — 13 years ago" in text(page(client, CASE_PAGE))
    assert "截至2013年4月，距今13年" in text(page(client, "/zh-hans" + CASE_PAGE))


def test_a_year_only_date_reads_right_with_its_age(client, yaan_case, today):
    yaan_case.figures.update(as_of=datetime.date(2013, 1, 1), as_of_precision=DatePrecision.YEAR)
    today(datetime.date(2026, 6, 1))

    assert "as of 2013 — 13 years ago" in text(page(client, CASE_PAGE))


def test_the_figures_table_gives_each_figure_its_age(client, yaan_case, today):
    today(datetime.date(2026, 6, 1))

    assert "April 2013 13 years ago" in text(page(client, "/figures/"))


def test_a_page_cached_last_year_is_not_served_with_last_years_ages(client, yaan_case, today):
    today(datetime.date(2026, 12, 31))
    last_year = client.get(CASE_PAGE)
    assert "13 years ago" in text(last_year.content.decode())

    today(datetime.date(2027, 1, 1))
    this_year = client.get(CASE_PAGE)

    assert "14 years ago" in text(this_year.content.decode())
    assert this_year["ETag"] != last_year["ETag"]


def test_a_browser_with_last_years_page_is_sent_this_years(client, yaan_case, today):
    today(datetime.date(2026, 12, 31))
    last_year = client.get(CASE_PAGE)

    today(datetime.date(2027, 1, 1))
    by_etag = client.get(CASE_PAGE, headers={"If-None-Match": last_year["ETag"]})
    by_date = client.get(CASE_PAGE, headers={"If-Modified-Since": last_year["Last-Modified"]})

    assert by_etag.status_code == 200
    assert by_date.status_code == 200
    assert client.get(CASE_PAGE, headers={"If-None-Match": by_etag["ETag"]}).status_code == 304
