"""A figure may be a conversion of another: the same amount the source states again in another
unit ("over 110 million RMB – more than 18 million US dollars"). It is shown beside its figure,
counted once with it, and carries its figure's qualifier: "nearly 550,000 CNY (77,781 USD)"
is nearly 77,781 USD too."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from campaigns.models import Campaign, CatalogueSummary, Figure, Qualifier, figure_queries
from tests import factories

pytestmark = pytest.mark.django_db

SEED_CONVERSIONS = {
    "yaan-weibo-donations-usd": "yaan-weibo-donations-cny",
    "wesee-navel-orange-sales-tonnes": "wesee-navel-orange-sales-kg",
    "song-xiaoying-turnover-usd": "song-xiaoying-turnover-cny",
    "xigua-county-magistrates-sales-usd": "xigua-county-magistrates-sales-cny",
}


def test_the_seed_links_each_conversion_to_its_figure_and_counts_it_once(seed_catalogue):
    linked = dict(
        Figure.objects.exclude(conversion_of=None).values_list("key", "conversion_of__key")
    )
    assert linked == SEED_CONVERSIONS
    summary = CatalogueSummary.current()
    assert Figure.objects.count() == 65  # every statement is kept
    # and counted once (as is a measure two statements give: 847 and 857 million users)
    assert summary.figures == 60
    song = Campaign.objects.get(slug="song-xiaoying-apple-live-stream")
    assert song.figure_count == 3  # apples, turnover (CNY and USD), hours


def test_a_conversion_carries_the_qualifier_of_the_figure_it_converts(seed_catalogue):
    # The source writes "nearly 550,000 CNY (77,781 USD)": the dollars are nearly as exact.
    for key in ("song-xiaoying-turnover-usd", "xigua-county-magistrates-sales-usd"):
        figure = Figure.objects.get(key=key)
        assert figure.qualifier == Qualifier.NEARLY
        assert figure.conversion_of.qualifier == Qualifier.NEARLY
        assert figure.stated_as.endswith(" USD")  # the source's words are kept as written
    assert Figure.objects.get(key="yaan-weibo-donations-usd").qualifier == Qualifier.OVER


def test_a_case_page_shows_a_conversion_beside_its_figure_not_as_a_figure(client, seed_catalogue):
    html = client.get("/campaigns/song-xiaoying-apple-live-stream/").content.decode()

    assert "nearly 550,000 CNY</span>" not in html
    assert '>nearly 550,000 CNY</a> (<span class="conversion">nearly 77,781 USD</span>)' in html
    assert "also stated as “77,781 USD”" in html
    assert "Sales turnover, in US dollars" not in html  # not a figure of its own


def test_the_figures_table_shows_conversions_in_their_figures_row(client, seed_catalogue):
    html = client.get("/figures/?unit=USD").content.decode()

    assert "3 figures" in html  # the three amounts converted into US dollars
    assert "over 110 million CNY (over 18 million USD)" in html
    assert "nearly 3 million CNY (nearly 424,262 USD)" in html


def test_a_unit_sorted_by_size_lists_its_figures_and_those_converted_into_it(client, donations):
    usd = factories.FigureFactory(campaign=donations.campaign, unit="USD", value=5000000)
    conversion(donations).save()  # 110 million CNY is 18 million USD
    small_cny = factories.FigureFactory(campaign=donations.campaign, unit="CNY", value=10)

    in_usd = client.get("/figures/?unit=USD&sort=largest").context["page"].object_list
    in_cny = client.get("/figures/?unit=CNY&sort=largest").context["page"].object_list

    # Converted into US dollars, the CNY figure is listed in its row, in its own unit's place.
    assert [figure.pk for figure in in_usd] == [donations.pk, usd.pk]
    # Nothing is converted into yuan: the yuan figures alone, largest first.
    assert [figure.pk for figure in in_cny] == [donations.pk, small_cny.pk]


def test_figures_converted_into_a_unit_are_found_however_many(client, donations, monkeypatch):
    conversion(donations).save()
    # More conversions than a statement takes ids: they are found by a subquery instead.
    monkeypatch.setattr(figure_queries, "IDS_PER_STATEMENT", 0)

    in_usd = client.get("/figures/?unit=USD&sort=largest").context["page"].object_list

    assert [figure.pk for figure in in_usd] == [donations.pk]


def test_downloads_and_the_api_keep_each_statement_with_what_it_converts(client, seed_catalogue):
    rows = client.get("/api/figures", {"unit": "USD"}).json()["items"]

    assert {row["key"]: row["conversion_of"] for row in rows} == {
        key: original for key, original in SEED_CONVERSIONS.items() if key.endswith("-usd")
    }
    response = client.get("/figures/export.csv")
    csv = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "conversion_of" in csv.splitlines()[0]


@pytest.fixture
def donations(db):
    campaign = factories.CampaignFactory()
    return factories.FigureFactory(campaign=campaign, unit="CNY", value=Decimal(110000000))


def conversion(original, **fields):
    values = {
        "campaign": original.campaign,
        "source": original.source,
        "unit": "USD",
        "value": Decimal(18000000),
        "conversion_of": original,
        **fields,
    }
    return factories.FigureFactory.build(**values)


def test_a_conversion_states_the_same_measure_in_another_unit(donations):
    conversion(donations).full_clean()

    with pytest.raises(ValidationError, match="in another unit"):
        conversion(donations, unit="CNY").full_clean()
    with pytest.raises(ValidationError, match="measures what its figure does"):
        conversion(donations, unit="kg").full_clean()


def test_a_conversion_is_about_what_its_figure_is_about(donations):
    other = factories.CampaignFactory(sources=[donations.source])

    with pytest.raises(ValidationError, match="same case, platform or organisation"):
        conversion(donations, campaign=other).full_clean()


def test_conversions_do_not_chain(donations):
    usd = conversion(donations)
    usd.save()

    with pytest.raises(ValidationError, match="is itself a conversion"):
        conversion(usd, unit="CNY").full_clean()
    donations.conversion_of = usd
    with pytest.raises(ValidationError):
        donations.full_clean()


def test_deleting_a_figure_leaves_its_conversion_standing_alone(donations):
    usd = conversion(donations)
    usd.save()
    campaign = donations.campaign

    donations.delete()

    usd.refresh_from_db()
    assert usd.conversion_of is None
    campaign.refresh_from_db()
    assert campaign.figure_count == 1
