"""The review page: a reviewer reads the case as it stands, in both languages, with its figures,
sources and what changed since it was last published, and ticks each figure as checked against
its source before publishing."""

from decimal import Decimal

import pytest
from django.urls import reverse

from campaigns import history, services
from campaigns.models import Campaign, Qualifier, Status
from tests import factories
from tests.test_history import save_case

pytestmark = pytest.mark.django_db


def review_url(campaign):
    return reverse("admin:campaigns_campaign_review", args=[campaign.pk])


@pytest.fixture
def draft_with_figures(unpublished_campaign, source):
    Campaign.objects.filter(pk=unpublished_campaign.pk).update(
        title_zh="微视助农", summary_zh="用短视频帮助农民卖出农产品。"
    )
    donations = factories.FigureFactory(
        campaign=unpublished_campaign,
        source=source,
        label="Donations raised",
        value=Decimal(110000000),
        unit="CNY",
        qualifier=Qualifier.OVER,
        order=1,
    )
    videos = factories.FigureFactory(
        campaign=unpublished_campaign,
        source=source,
        label="Videos made",
        value=Decimal(2234),
        unit="videos",
        order=2,
    )
    unpublished_campaign.refresh_from_db()
    return unpublished_campaign, [donations, videos]


def test_the_review_page_shows_the_case_in_both_languages_with_its_figures_and_sources(
    reviewer, draft_with_figures
):
    campaign, _figures = draft_with_figures

    page = reviewer.get(review_url(campaign)).content.decode()

    assert "Wesee agricultural assistance" in page and "微视助农" in page
    assert "用短视频帮助农民卖出农产品。" in page
    assert "Donations raised" in page and "over 110 million CNY" in page  # the qualifier kept
    assert "Videos made" in page and "2,234 videos" in page
    assert "Short video for good" in page  # its source
    assert "Tencent Wesee" in page  # its platform
    assert "It has never been published" in page


def test_publishing_needs_every_figure_ticked_as_checked_against_its_source(
    reviewer, draft_with_figures
):
    campaign, (donations, videos) = draft_with_figures

    refused = reviewer.post(
        review_url(campaign), {"decision": "publish", "checked": [donations.pk]}
    )

    assert refused.status_code == 200
    assert refused.context["form"].errors == {
        "checked": ["1 figure is not ticked as checked against its source."]
    }
    campaign.refresh_from_db()
    assert campaign.status == Status.DRAFT
    # What the reviewer ticked stays ticked on the page shown again.
    assert f'value="{donations.pk}" id="id_checked_0" checked' in refused.content.decode()

    reviewer.post(
        review_url(campaign), {"decision": "publish", "checked": [donations.pk, videos.pk]}
    )

    campaign.refresh_from_db()
    assert campaign.status == Status.PUBLISHED


def test_a_case_without_figures_is_published_without_a_checklist(reviewer, unpublished_campaign):
    reviewer.post(review_url(unpublished_campaign), {"decision": "publish"})

    unpublished_campaign.refresh_from_db()
    assert unpublished_campaign.status == Status.PUBLISHED


def test_sending_back_needs_no_ticks(reviewer, draft_with_figures):
    campaign, _figures = draft_with_figures
    services.submit_for_review(campaigns=Campaign.objects.filter(pk=campaign.pk))

    reviewer.post(review_url(campaign), {"decision": "send_back", "note": "Check [2]."})

    campaign.refresh_from_db()
    assert campaign.status == Status.DRAFT


def test_the_review_page_shows_what_changed_since_the_case_was_last_published(
    admin_client, admin_user, campaign, figure
):
    save_case(admin_client, campaign, title="Wesee helps farmers")  # published, as renamed
    with history.recording(user=admin_user):
        services.unpublish_campaigns(campaigns=Campaign.objects.filter(pk=campaign.pk))
    campaign.refresh_from_db()
    save_case(admin_client, campaign, title="Wesee helps farmers sell oranges")

    response = admin_client.get(review_url(campaign))

    changes = {
        (row.kind, change.label, change.old, change.new)
        for row in response.context["changes"]
        for change in row.fields
    }
    assert ("campaign", "title", "Wesee helps farmers", "Wesee helps farmers sell oranges") in (
        changes
    )
    assert ("campaign", "status", "Published", "Draft") in changes
    # Only what changed since it was last published: not the name it had before.
    assert not any("Wesee agricultural assistance" in (old, new) for *_, old, new in changes)
    page = response.content.decode()
    assert "What changed since it was last published" in page
    assert "Wesee helps farmers sell oranges" in page


def test_a_published_case_unchanged_since_says_so(admin_client, campaign):
    save_case(admin_client, campaign, title="Wesee helps farmers")

    response = admin_client.get(review_url(campaign))

    assert response.context["changes"] == []
    assert "Nothing has changed since." in response.content.decode()
