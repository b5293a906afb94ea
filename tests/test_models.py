import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import translation

from campaigns.models import (
    Campaign,
    DatePrecision,
    Figure,
    FigureKind,
    Status,
    format_partial_date,
)
from tests import factories

pytestmark = pytest.mark.django_db


def test_negative_figure_is_refused(figure):
    figure.value = Decimal("-1")
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert "value" in error.value.message_dict


def test_percentage_over_one_hundred_is_refused(figure):
    figure.unit, figure.kind, figure.value = "percent", FigureKind.PERCENTAGE, Decimal("100.5")
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert error.value.message_dict["value"] == ["A percentage cannot be more than 100."]


def test_percentage_of_exactly_one_hundred_is_accepted(figure):
    figure.unit, figure.kind, figure.value = "percent", FigureKind.PERCENTAGE, Decimal("100")
    figure.full_clean()


def test_money_without_a_currency_unit_is_refused(figure):
    figure.kind, figure.unit = FigureKind.MONEY, "people"
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert "currency" in error.value.message_dict["unit"][0]


def test_kind_is_filled_from_the_unit_when_left_empty(figure):
    figure.kind, figure.unit = "", "kg"
    figure.full_clean()
    assert figure.kind == FigureKind.MASS


def test_database_refuses_a_negative_figure_even_without_full_clean(figure):
    with pytest.raises(IntegrityError):
        Figure.objects.filter(pk=figure.pk).update(value=Decimal("-5"))


def test_figure_must_cite_one_of_its_campaigns_sources(figure):
    figure.source = factories.SourceFactory(slug="unrelated")
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert "not among the sources" in error.value.message_dict["source"][0]


def test_figure_about_a_platform_needs_no_campaign(platform, source):
    figure = factories.FigureFactory.build(
        campaign=None, platform=platform, source=source, unit="users", stated_as="500 million"
    )
    figure.full_clean()
    figure.save()
    assert figure.subject == platform


def test_end_date_before_start_is_refused(campaign):
    campaign.start_date = datetime.date(2020, 3, 2)
    campaign.end_date = datetime.date(2020, 2, 29)
    with pytest.raises(ValidationError) as error:
        campaign.full_clean()
    assert error.value.message_dict["end_date"] == ["The end date is before the start date."]


def test_end_in_the_same_month_as_a_day_precise_start_is_accepted(campaign):
    campaign.start_date = datetime.date(2020, 2, 10)
    campaign.end_date, campaign.end_precision = datetime.date(2020, 2, 1), DatePrecision.MONTH
    campaign.full_clean()


def test_month_precise_date_must_be_the_first_of_the_month(campaign):
    campaign.start_date, campaign.start_precision = datetime.date(2013, 4, 20), DatePrecision.MONTH
    with pytest.raises(ValidationError) as error:
        campaign.full_clean()
    assert "start_date" in error.value.message_dict


def test_duplicate_slug_is_refused(campaign):
    duplicate = factories.CampaignFactory.build(slug=campaign.slug)
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "slug" in error.value.message_dict


def test_partial_dates_show_only_what_is_known():
    assert format_partial_date(datetime.date(2012, 1, 1), DatePrecision.YEAR) == "2012"
    assert format_partial_date(datetime.date(2013, 4, 1), DatePrecision.MONTH) == "April 2013"
    assert format_partial_date(datetime.date(2013, 4, 20), DatePrecision.DAY) == "20 April 2013"


def test_partial_dates_in_chinese_carry_the_year_sign():
    with translation.override("zh-hans"):
        assert format_partial_date(datetime.date(2012, 1, 1), DatePrecision.YEAR) == "2012年"
        assert format_partial_date(datetime.date(2013, 4, 1), DatePrecision.MONTH) == "2013年4月"


def test_draft_campaign_is_not_public(campaign):
    factories.CampaignFactory(slug="draft", status=Status.DRAFT)
    assert list(Campaign.objects.public()) == [campaign]


def test_publishing_records_when_a_campaign_was_first_published():
    draft = factories.CampaignFactory(status=Status.DRAFT)
    assert draft.published_at is None
    draft.status = Status.PUBLISHED
    draft.save()
    assert draft.published_at is not None


def test_figures_of_draft_campaigns_are_not_public(figure, platform, source):
    draft = factories.CampaignFactory(slug="draft", status=Status.DRAFT, sources=[source])
    factories.FigureFactory(campaign=draft, source=source)
    sector = factories.FigureFactory(campaign=None, source=source, unit="organisations")
    assert set(Figure.objects.public()) == {figure, sector}


def test_natural_keys_round_trip(campaign, figure):
    tagged = campaign.tagged_items.get()
    assert Campaign.objects.get_by_natural_key(*campaign.natural_key()) == campaign
    assert Figure.objects.get_by_natural_key(*figure.natural_key()) == figure
    assert type(tagged).objects.get_by_natural_key(*tagged.natural_key()) == tagged
