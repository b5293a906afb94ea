"""One measure, several statements: figures that state the same thing about the same subject at
the same time, grouped by a curator (``Figure.same_measure_as``), shown side by side, counted
once, told apart when their values differ, and carried by the API, downloads and exports."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from campaigns.models import CatalogueSummary, Figure
from tests import factories
from tests.pages import page

pytestmark = pytest.mark.django_db


@pytest.fixture
def restated(yaan_case):
    """The Ya'an case's "over 110 million RMB" (with its conversion to dollars), stated again
    by a second source as "more than 100 million yuan"."""
    donations = Figure.objects.get(key="yaan-donations")
    factories.FigureFactory(
        key="yaan-donations-usd",
        campaign=yaan_case,
        source=donations.source,
        label="Donations raised, in US dollars",
        value=Decimal("18000000"),
        unit="USD",
        stated_as="more than 18 million US dollars",
        conversion_of=donations,
    )
    other = factories.SourceFactory(slug="news-report", title="A news report of the appeal")
    yaan_case.sources.add(other)
    return factories.FigureFactory(
        key="yaan-donations-news",
        campaign=yaan_case,
        source=other,
        label="Donations raised",
        value=Decimal("100000000"),
        unit="CNY",
        qualifier="over",
        stated_as="more than 100 million yuan",
        as_of=datetime.date(2013, 4, 30),
        same_measure_as=donations,
    )


def test_the_seed_groups_847_and_857_million_users_as_one_measure(seed_catalogue):
    short_video = Figure.objects.get(key="china-short-video-users")
    assert short_video.same_measure_as.key == "china-mobile-internet-users"
    assert list(Figure.objects.exclude(same_measure_as=None).values_list("key", flat=True)) == [
        "china-short-video-users"
    ]
    # 65 statements: four conversions and one more statement of a measure counted with theirs.
    assert Figure.objects.count() == 65
    assert CatalogueSummary.current().figures == 60


def test_the_figures_table_shows_a_measure_once_with_both_statements_and_sources_differ(
    client, seed_catalogue
):
    html = page(client, "/figures/?about=sector")

    assert html.count("Short-video users in China") == 1  # a statement, not a row of its own
    measure = html[html.index('<div class="measure">') :]
    measure = measure[: measure.index("</div>")]
    assert "Sources differ." in measure
    assert "One measure, stated 2 times" in measure
    assert "847 million users" in measure and "857 million users" in measure
    assert "44th Internet Development Statistics Report" in measure
    assert "Research Report on China’s Short Video Industry 2019" in measure
    # Found by either statement's words.
    assert '<div class="measure">' in page(client, "/figures/?q=857+million")


def test_the_chart_draws_a_measure_as_one_bar_spanning_its_statements(client, seed_catalogue):
    html = page(client, "/figures/?about=sector&unit=users")

    assert html.count('class="chart-bar chart-bar-range"') == 1
    assert "847 million users – 857 million users*" in html
    assert "solid to the lowest value they give" in html
    chinese = page(client, "/zh-hans/figures/?about=sector&unit=users")
    assert "8.47亿名用户至8.57亿名用户*" in chinese


def test_a_case_page_shows_the_measure_once_with_each_source_numbered(client, restated):
    html = page(client, "/campaigns/yaan-earthquake/")

    measure = html[html.index('<div class="measure">') :]
    measure = measure[: measure.index("</div>")]
    assert "Sources differ." in measure
    assert "over 110 million CNY" in measure and "over 100 million CNY" in measure
    assert '<a href="#ref-2">' in measure  # the second source, numbered among the references
    assert 'id="ref-2"' in html
    reference = html[html.index('id="ref-2"') :]
    assert reference[: reference.index("</li>")].count("A news report of the appeal") == 1


def test_the_case_counts_a_measure_once_and_again_when_ungrouped(restated):
    case = restated.campaign
    case.refresh_from_db()
    assert case.figure_count == 1  # 110 million, its dollars and the news report's 100 million

    restated.same_measure_as = None
    restated.save()
    case.refresh_from_db()
    assert case.figure_count == 2


def test_a_conversion_is_not_a_disagreement(client, restated):
    restated.value = Decimal("110000000")
    restated.save()
    html = page(client, "/campaigns/yaan-earthquake/")

    assert "One measure, stated 2 times" in html
    assert "Sources differ" not in html  # the dollars are the same amount, not another value
    donations = Figure.objects.with_conversions().get(key="yaan-donations")
    assert not donations.sources_differ


def test_the_checking_page_leaves_out_a_statement_a_newer_one_of_its_measure_follows(
    editor, restated, today
):
    today(datetime.date(2026, 6, 1))
    html = editor.get("/admin/checking/").content.decode()

    assert "more than 100 million yuan" in html  # the measure's newest statement
    assert "over 110 million RMB" not in html  # an older statement of the same measure


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"same_measure_as": "self"}, "same_measure_as", "cannot state the same measure as itself"),
        ({"same_measure_as": "restatement"}, "same_measure_as", "choose the measure's first"),
        ({"same_measure_as": "conversion"}, "same_measure_as", "A conversion is shown"),
        ({"campaign": None}, "same_measure_as", "describe the same case"),
        ({"unit": "videos"}, "unit", "measure the same kind of thing (Money)"),
    ],
)
def test_a_measure_is_checked_with_a_clear_message(restated, change, field, message):
    figure = factories.FigureFactory.build(
        key="another",
        campaign=restated.campaign,
        source=restated.source,
        value=Decimal("1"),
        unit="CNY",
        stated_as="1 yuan",
        same_measure_as=restated.same_measure_as,
    )
    named = {
        "self": None,
        "restatement": restated,
        "conversion": Figure.objects.get(key="yaan-donations-usd"),
    }
    for name, value in change.items():
        setattr(figure, name, named.get(value, value) if isinstance(value, str) else value)
    if change.get("same_measure_as") == "self":
        figure = restated
        figure.same_measure_as = restated
    with pytest.raises(ValidationError) as raised:
        figure.full_clean()
    assert message in " ".join(raised.value.message_dict[field])


def test_a_measures_first_figure_cannot_join_another(restated):
    first = restated.same_measure_as
    first.same_measure_as = factories.FigureFactory(campaign=first.campaign, unit="CNY")
    with pytest.raises(ValidationError) as raised:
        first.full_clean()
    assert "a measure's first figure cannot belong" in str(raised.value)


def test_the_api_downloads_and_codebook_carry_the_measure_and_the_age(client, restated, today):
    today(datetime.date(2026, 6, 1))
    api = json.loads(page(client, "/api/figures/yaan-donations-news"))
    assert api["same_measure_as"] == "yaan-donations"
    assert api["age_years"] == 13

    download = b"".join(client.get("/figures/export.csv").streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(download)))
    by_key = {row["key"]: row for row in rows}
    assert by_key["yaan-donations-news"]["same_measure_as"] == "yaan-donations"
    assert by_key["yaan-donations"]["same_measure_as"] == ""
    assert by_key["yaan-donations"]["age_years"] == "13"

    codebook = page(client, "/data/")
    assert "same_measure_as" in codebook and "age_years" in codebook
    schema = json.loads(page(client, "/api/openapi.json"))
    figure = schema["components"]["schemas"]["FigureOut"]["properties"]
    assert "same_measure_as" in figure and "age_years" in figure


def test_an_export_of_a_measure_loads_into_an_empty_catalogue(restated, tmp_path):
    call_command("export_catalogue", str(tmp_path), stdout=io.StringIO())
    Figure.objects.all().delete()
    files = sorted(str(path) for path in tmp_path.glob("*.json"))
    call_command("load_catalogue", *files, stdout=io.StringIO())

    assert Figure.objects.get(key="yaan-donations-news").same_measure_as.key == "yaan-donations"


def test_the_review_page_asks_for_each_statement_to_be_checked(reviewer, restated):
    url = reverse("admin:campaigns_campaign_review", args=[restated.campaign.pk])
    html = reviewer.get(url).content.decode()

    assert "<strong>over 110 million CNY (18 million USD)</strong>" in html
    assert '<label for="id_checked_1">Donations raised: <strong>over 100 million CNY' in html
