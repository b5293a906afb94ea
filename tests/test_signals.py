"""A change to anything that belongs to a campaign counts as a change to the campaign."""

import datetime

import pytest
from django.utils import timezone

from campaigns.models import Campaign, Tag
from tests import factories

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.make_aware(datetime.datetime(2020, 1, 1))


@pytest.fixture
def untouched(campaign):
    """The campaign, marked as last changed long ago."""
    Campaign.objects.filter(pk=campaign.pk).update(updated_at=LONG_AGO)
    return campaign


def changed(campaign):
    return Campaign.objects.get(pk=campaign.pk).updated_at > LONG_AGO


def test_editing_a_participant_marks_its_campaign_changed(untouched):
    participation = factories.ParticipationFactory(campaign=untouched)
    Campaign.objects.filter(pk=untouched.pk).update(updated_at=LONG_AGO)
    participation.note = "deputy county magistrate"
    participation.save()
    assert changed(untouched)


def test_removing_a_participant_marks_its_campaign_changed(untouched):
    participation = factories.ParticipationFactory(campaign=untouched)
    Campaign.objects.filter(pk=untouched.pk).update(updated_at=LONG_AGO)
    participation.delete()
    assert changed(untouched)


def test_tagging_a_campaign_marks_it_changed(untouched):
    untouched.tags.add("live-streaming")
    assert changed(untouched)


def test_renaming_a_tag_marks_every_campaign_carrying_it_changed(untouched):
    other = factories.CampaignFactory(tags=["agriculture"])
    Campaign.objects.update(updated_at=LONG_AGO)
    tag = Tag.objects.get(name="agriculture")
    tag.name = "agriculture and farming"
    tag.save()
    assert changed(untouched)
    assert changed(other)


def test_linking_a_platform_from_either_side_marks_the_campaign_changed(untouched):
    platform = factories.PlatformFactory(slug="douyin")
    untouched.platforms.add(platform)
    assert changed(untouched)
    Campaign.objects.filter(pk=untouched.pk).update(updated_at=LONG_AGO)
    platform.campaigns.clear()
    assert changed(untouched)


def test_an_unrelated_campaign_is_left_alone(untouched):
    other = factories.CampaignFactory()
    Campaign.objects.filter(pk=other.pk).update(updated_at=LONG_AGO)
    factories.ParticipationFactory(campaign=untouched)
    assert not changed(other)
