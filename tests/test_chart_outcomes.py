"""Charts that keep the source's words: one kind of outcome at a time (donations apart from
sales), open and capped bar ends for "over" and "up to", and a default chart that does not lead
with a figure readers are told to take care with."""

import json
import re

import pytest
from django.core.exceptions import ValidationError

from campaigns.models import CatalogueSummary, Figure
from tests.pages import page

pytestmark = pytest.mark.django_db


def chart_of(html):
    """The figures page's chart section."""
    start = html.index('aria-labelledby="chart-heading"')
    return html[start : html.index("</section>", start)]


def bar_values(chart):
    return re.findall(r'class="chart-value">([^<]*)<', chart)


def test_money_raised_is_never_charted_beside_money_taken_in_sales(client, seed_catalogue):
    chart = chart_of(page(client, "/figures/?unit=CNY"))

    assert "Case outcomes: sales in CNY compared" in chart
    assert bar_values(chart) == ["nearly 3 million CNY", "nearly 550,000 CNY"]
    assert "Other kinds of outcome in this unit are charted apart:" in chart
    assert '<a href="?unit=CNY&amp;outcome=donations">Donations</a> (1)' in chart

    donations = chart_of(page(client, "/figures/?unit=CNY&outcome=donations"))
    assert "Case outcomes: donations in CNY compared" in donations
    assert bar_values(donations) == ["over 110 million CNY"]


def test_the_default_chart_leaves_out_figures_with_caveats_and_says_so(client, seed_catalogue):
    summary = CatalogueSummary.current()
    unit, outcome, count = summary.most_common_plain_outcome
    chart = chart_of(page(client, "/figures/"))

    assert "Figures with caveats are left out of this chart" in chart
    assert "*" not in "".join(bar_values(chart))
    shown = Figure.objects.filter(unit=unit, outcome=outcome, campaign__isnull=False)
    assert len(bar_values(chart)) == count == shown.filter(caveat="", caveat_kind="").count()


def test_bars_of_over_are_open_and_bars_of_up_to_or_nearly_are_capped(client, seed_catalogue):
    chart = chart_of(page(client, "/figures/?unit=plays"))
    values = bar_values(chart)

    # Plays: three "over" (open) and two "up to" (capped), in the order of the bars.
    marks = re.findall(r'class="chart-(open|cap)"', chart)
    expected = ["open" if value.startswith("over") else "cap" for value in values]
    assert marks == expected and len(marks) == 5
    assert "A bar ending in › is open" in chart and "A bar ending in a line is capped" in chart

    exact = chart_of(page(client, "/figures/?unit=hours"))
    assert "chart-open" not in exact or "over" in "".join(bar_values(exact))


def test_only_money_and_goods_say_what_kind_of_outcome_they_are(seed_catalogue):
    plays = Figure.objects.get(key="wesee-agricultural-assistance-plays")
    plays.outcome = "sales"
    with pytest.raises(ValidationError) as raised:
        plays.full_clean()
    assert "Only money and goods say what kind of outcome" in str(raised.value)


def test_the_api_downloads_and_codebook_carry_the_kind_of_outcome(client, seed_catalogue):
    sales = json.loads(page(client, "/api/figures?outcome=donations&limit=100"))
    assert sorted(item["key"] for item in sales["items"]) == [
        "yaan-weibo-donations-cny",
        "yaan-weibo-donations-usd",
    ]
    download = b"".join(client.get("/figures/export.csv?outcome=donations").streaming_content)
    assert download.decode("utf-8-sig").count("\n") == 3  # the header and two rows
    codebook = page(client, "/data/")
    assert 'id="codes-outcome"' in codebook and "<code>donations</code>" in codebook
    assert client.get("/figures/?outcome=bribes").status_code == 200


def test_the_timeline_counts_social_good_cases_with_the_others_apart(client, seed_catalogue):
    html = page(client, "/timeline/")
    chart = html[html.index('<figure class="chart">') : html.index("</figure>")]

    values = bar_values(chart)
    assert values[0] == "1 + 5 other"  # 2011: the anti-trafficking account, five others
    assert chart.count("chart-bar chart-bar-range") == 1
    assert "pale on for its commercial campaigns and other online trends" in chart


def test_a_summary_kept_by_an_older_release_is_counted_again(seed_catalogue):
    from campaigns.models import CatalogueVersion
    from campaigns.models.version import ROW

    kept = CatalogueSummary.current()
    older = {**kept.__dict__, "shape": 1, "scopes": {}}
    CatalogueVersion.objects.filter(pk=ROW).update(summary=older)

    assert CatalogueSummary.current().scopes == kept.scopes
