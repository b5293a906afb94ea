"""Caveats on figures: what a reader citing a figure should know (derived from words, unit
assumed, source inconsistent, as-of date estimated), shown wherever the figure is."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from campaigns.display import figure_caveat, figure_text, marked_number
from campaigns.models import CaveatKind, Figure, Qualifier
from tests import factories
from tests.pages import page, text

pytestmark = pytest.mark.django_db

UPLOADERS = "weibo-save-girls-and-guys-photo-uploaders"
UPLOADERS_CASE = "/campaigns/weibo-taking-photos-to-save-girls-and-guys/"
KWAI = "kwai-agricultural-assistance"
DERIVED_NOTE = "The digest says only “thousands of users”"


def figure(value, unit, qualifier=Qualifier.EXACTLY):
    """An unsaved figure: formatting needs no database."""
    return Figure(value=Decimal(value), unit=unit, qualifier=qualifier)


def test_under_is_strictly_below_and_reads_apart_from_up_to():
    assert figure_text(figure("30", "seconds", Qualifier.UNDER)) == "under 30 seconds"
    assert figure_text(figure("30", "seconds", Qualifier.UP_TO)) == "up to 30 seconds"
    assert figure_text(figure("1000", "users", Qualifier.UNDER)) == "under 1,000 users"


def chinese_has(msgid):
    with translation.override("zh-hans"):
        return translation.gettext(msgid) != msgid


@pytest.mark.skipif(
    not chinese_has("under %(figure)s"),
    reason="the Chinese for “under” is not compiled into locale/ yet (see the branch's i18n file)",
)
def test_under_reads_as_less_than_in_chinese_not_as_within():
    with translation.override("zh-hans"):
        assert figure_text(figure("30", "seconds", Qualifier.UNDER)) == "不到30秒"
        assert figure_text(figure("30", "seconds", Qualifier.UP_TO)) == "30秒内"


def test_a_kind_of_caveat_without_its_text_is_refused_with_a_message():
    campaign = factories.CampaignFactory()
    draft = factories.FigureFactory.build(
        campaign=campaign, source=campaign.sources.first(), caveat_kind=CaveatKind.DERIVED
    )
    with pytest.raises(ValidationError) as error:
        draft.full_clean()
    assert error.value.message_dict["caveat"] == [
        "Explain the caveat to readers: a kind of caveat needs its text."
    ]


def test_a_caveat_reads_with_its_kind_and_a_figure_without_one_reads_bare():
    derived = figure("1000", "users", Qualifier.AT_LEAST)
    derived.caveat_kind = CaveatKind.DERIVED
    derived.caveat = "Said as “thousands”."
    assert str(figure_caveat(derived)) == (
        '<span class="caveat-kind">Derived from words, not stated as a number: </span>'
        "Said as “thousands”."
    )
    assert marked_number(derived) == "at least 1,000 users*"  # a chart keeps the qualifier
    plain = figure("1000", "users")
    assert figure_caveat(plain) == ""
    assert marked_number(plain) == "1,000 users"


def test_a_case_page_shows_the_caveat_beside_its_figure(client, seed_catalogue):
    response = client.get(UPLOADERS_CASE)
    html = response.content.decode()

    assert response.status_code == 200
    assert "Derived from words, not stated as a number" in html
    assert DERIVED_NOTE in html


def test_a_chinese_case_page_shows_the_chinese_caveat(client, seed_catalogue):
    html = client.get("/zh-hans" + UPLOADERS_CASE).content.decode()

    assert "来源只说“数以千计的用户”" in html
    assert DERIVED_NOTE not in html


def test_a_chinese_page_marks_a_caveat_written_only_in_english(client, seed_catalogue):
    Figure.objects.filter(key=UPLOADERS).update(caveat_zh="")
    html = client.get("/zh-hans" + UPLOADERS_CASE).content.decode()

    assert f'<span lang="en">{DERIVED_NOTE}' in html
    assert 'class="english-only"' in html


def test_a_conversion_shows_its_own_caveat_beside_its_figure(client, seed_catalogue):
    html = client.get("/campaigns/wesee-navel-orange-video/").content.decode()

    assert "35,575 kg rounds to 35.6 tonnes" in html


def test_the_figures_table_shows_caveats_and_the_chart_marks_their_bars(client, seed_catalogue):
    html = client.get("/figures/", {"unit": "users", "about": "cases"}).content.decode()

    assert DERIVED_NOTE in html  # in the table
    assert "1,000 users*" in html  # the bar's value, marked
    assert "A figure marked so carries a caveat" in html  # and the note under the chart


def test_a_chart_with_no_caveated_figure_has_no_note(client, seed_catalogue):
    html = page(client, "/figures/?unit=CNY")

    # The chart is there: sales in CNY (donations are charted apart, ``test_chart_outcomes``).
    assert "Case outcomes: sales in CNY A bar chart of 2 values." in text(html)
    assert "A figure marked so carries a caveat" not in html


def test_compare_shows_the_caveat(client, seed_catalogue):
    response = client.get("/compare/", {"c": ["weibo-taking-photos-to-save-girls-and-guys", KWAI]})
    html = response.content.decode()

    assert response.status_code == 200
    assert DERIVED_NOTE in html
    assert "Source inconsistent" in html


def test_the_figures_download_carries_the_caveat_and_its_kind(client, seed_catalogue):
    response = client.get("/figures/export.csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row["key"]: row for row in csv.DictReader(io.StringIO(text))}

    assert rows[UPLOADERS]["caveat_kind"] == "derived"
    assert rows[UPLOADERS]["caveat"].startswith(DERIVED_NOTE)
    assert rows[UPLOADERS]["caveat_zh"].startswith("来源只说")
    assert rows["yaan-weibo-donations-cny"]["caveat_kind"] == ""


def test_the_api_gives_each_figure_its_caveat(client, seed_catalogue):
    items = client.get("/api/figures", {"unit": "users", "limit": 100}).json()["items"]
    by_key = {item["key"]: item for item in items}

    assert by_key[UPLOADERS]["caveat_kind"] == "derived"
    assert by_key[UPLOADERS]["caveat"].startswith(DERIVED_NOTE)
    assert by_key["china-mobile-internet-users"]["caveat_kind"] == "as_of_estimated"
    dated_by_its_words = by_key["kwai-rural-support-users-earning"]  # "as of May 2019"
    assert dated_by_its_words["caveat_kind"] is None
    assert dated_by_its_words["caveat"] == ""


def test_the_codebook_explains_the_caveat_columns_and_lists_the_kinds(client):
    html = client.get("/data/").content.decode()

    assert 'id="figures-caveat_kind"' in html
    assert 'id="codes-caveat_kind"' in html
    assert "<code>source_inconsistent</code>" in html
    assert "As-of date estimated" in html


def test_a_curator_sets_a_caveat_in_the_figure_admin(admin_client, seed_catalogue):
    figure = Figure.objects.get(key=UPLOADERS)
    html = admin_client.get(f"/admin/campaigns/figure/{figure.pk}/change/").content.decode()

    assert 'name="caveat_kind"' in html
    assert 'name="caveat_zh"' in html
    assert DERIVED_NOTE in html
