"""The seed catalogue's accuracy corrections (issue 13): each point a careful researcher
raised against the five documents, pinned as the catalogue now records it."""

import datetime

import pytest

from campaigns.models import CaveatKind, Figure, Qualifier

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "key, kind",
    [
        ("weibo-save-girls-and-guys-photo-uploaders", CaveatKind.DERIVED),
        ("county-girl-yellow-ginger-sold", CaveatKind.UNIT_ASSUMED),
        ("tobacco-day-passive-smoking-awareness-before", CaveatKind.AS_OF_ESTIMATED),
        ("kwai-agricultural-assistance-creators", CaveatKind.SOURCE_INCONSISTENT),
        ("kwai-agricultural-assistance-videos", CaveatKind.SOURCE_INCONSISTENT),
        ("kwai-agricultural-assistance-plays", CaveatKind.SOURCE_INCONSISTENT),
    ],
)
def test_figures_a_researcher_would_question_carry_their_kind_of_caveat(seed_catalogue, key, kind):
    figure = Figure.objects.get(key=key)
    assert figure.caveat_kind == kind
    assert figure.caveat and figure.caveat_zh


@pytest.mark.parametrize(
    "key, words",
    [
        ("weibo-save-girls-and-guys-photo-uploaders", "thousands of users"),
        ("county-girl-yellow-ginger-sold", "no"),
        ("tobacco-day-passive-smoking-awareness-before", "before the campaign"),
        ("kwai-agricultural-assistance-plays", "21 February"),
        ("wesee-navel-orange-sales-tonnes", "35.6 tonnes"),
        ("weibo-anti-trafficking-followers", "own claim"),
    ],
)
def test_each_caveat_tells_readers_what_is_wrong(seed_catalogue, key, words):
    assert words in Figure.objects.get(key=key).caveat


def test_the_navel_orange_tonnes_differ_from_the_kilograms_and_both_are_kept(seed_catalogue):
    tonnes = Figure.objects.select_related("conversion_of").get(
        key="wesee-navel-orange-sales-tonnes"
    )
    assert tonnes.stated_as == "about 35.5 tons"
    assert tonnes.conversion_of.stated_as == "up to 35,575 kg"
    assert tonnes.caveat_kind == ""  # a note, not one of the four kinds
    assert "35.6" in tonnes.caveat_zh


def test_a_video_of_less_than_30_seconds_is_under_30_seconds_not_up_to(seed_catalogue):
    figure = Figure.objects.get(key="wang-shuai-flower-video-length")
    assert figure.stated_as == "less than 30 seconds"
    assert figure.qualifier == Qualifier.UNDER


def test_the_2018_share_of_live_broadcasting_is_dated_by_its_july_2018_report(seed_catalogue):
    figure = Figure.objects.get(key="philanthropic-orgs-live-broadcast-main-channel-2018")
    assert figure.as_of == datetime.date(2018, 7, 1)
    assert figure.as_of_display == "July 2018"


def test_figures_without_a_reason_for_care_carry_no_caveat(seed_catalogue):
    figure = Figure.objects.get(key="yaan-weibo-donations-cny")
    assert not figure.has_caveat
