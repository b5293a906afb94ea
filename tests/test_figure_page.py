"""The figures page is honest: a chart never puts a platform's or the sector's totals beside
case outcomes unless asked, bars say when they were true, and sizes are compared within a
unit."""

import datetime
import re
from decimal import Decimal
from html import unescape

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(db):
    """Two case outcomes in users, a platform's and the sector's users, and plays."""
    case = factories.CampaignFactory(slug="case", title="Village case")
    factories.FigureFactory(
        campaign=case, label="Buyers", unit="users", value=Decimal(1000), as_of=None
    )
    factories.FigureFactory(
        campaign=case,
        label="Viewers",
        unit="users",
        value=Decimal(5000),
        as_of=datetime.date(2020, 3, 1),
    )
    factories.FigureFactory(
        campaign=case, label="Plays", unit="plays", value=Decimal(20_000_000_000)
    )
    kwai = factories.PlatformFactory(name="Kwai", slug="kwai")
    factories.FigureFactory(
        campaign=None,
        platform=kwai,
        label="Daily active users",
        unit="users",
        value=Decimal(300_000_000),
        as_of=datetime.date(2020, 1, 1),
    )
    factories.FigureFactory(
        campaign=None,
        label="Short-video users",
        unit="users",
        value=Decimal(857_000_000),
        as_of=datetime.date(2020, 3, 1),
    )


def chart_labels(html):
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    return [unescape(label) for label in re.findall(r'class="chart-label">([^<]*)<', svg)]


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_the_default_chart_is_of_case_outcomes_only_and_says_so(client, mixed):
    html = get(client, "/figures/?unit=users")

    assert "Case outcomes in users compared" in html
    labels = chart_labels(html)
    assert len(labels) == 2
    assert not any("Daily active users" in label or "Short-video" in label for label in labels)
    assert "charted apart" in html


def test_platform_and_sector_figures_are_charted_when_asked_for(client, mixed):
    labels = chart_labels(get(client, "/figures/?unit=users&about=platforms"))
    assert labels == ["Daily active users — Kwai (1 January 2020)"]
    labels = chart_labels(get(client, "/figures/?about=sector"))
    assert labels == ["Short-video users (1 March 2020)"]


def test_bars_carry_the_date_of_the_figure_or_of_its_case(client, mixed):
    labels = chart_labels(get(client, "/figures/?unit=users"))
    assert "Viewers — Village case (1 March 2020)" in labels
    # No as-of date: the case's start (the factory's 10 February 2020).
    assert "Buyers — Village case (10 February 2020)" in labels


def test_largest_first_compares_sizes_within_a_unit(client, mixed):
    html = get(client, "/figures/?sort=largest")
    table = html.split("All matching figures", 1)[1]

    groups = re.findall(
        r'<tr class="unit-group"><th scope="rowgroup" colspan="5">([^<]*)</th>', table
    )
    assert groups == ["In users", "In plays"]  # in the order units are declared
    users = table.split("In users", 1)[1].split("In plays", 1)[0]
    assert users.index("857 million") < users.index("300 million") < users.index("5,000")
    assert "20 billion" in table.split("In plays", 1)[1]


def test_an_unknown_subject_is_ignored_with_a_note(client, mixed):
    html = get(client, "/figures/?about=planets")
    assert "Unknown subject “planets” was ignored." in html
    assert "5 figures" in html


def test_the_api_filters_figures_by_subject(client, mixed):
    items = client.get("/api/figures", {"about": "sector"}).json()["items"]
    assert [item["label"] for item in items] == ["Short-video users"]
    assert client.get("/api/figures", {"about": "planets"}).status_code == 422
