"""Search finds cases by their text, tags, platforms and participants, in English and Chinese.

The same cases pass on SQLite (substring matching) and PostgreSQL (full text plus substrings).
"""

import datetime

import pytest

from campaigns.models import Approach, Campaign, Cause, Role, Status, Tag
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_catalogue(weibo, kwai):
    """The Ya'an earthquake response on Weibo, a Kwai farming case, a Weibo draft."""
    yaan = factories.CampaignFactory(
        title="Ya'an earthquake emergency response",
        title_zh="雅安地震应急响应",
        slug="yaan-earthquake",
        cause=Cause.DISASTER_RELIEF,
        approach=Approach.INFORMATION_SHARING,
        summary="Weibo posts coordinated rescue after the Lushan earthquake in Sichuan.",
        description="Verified accounts shared needs and donation channels within hours.",
        start_date=datetime.date(2013, 4, 20),
        platforms=[weibo],
        tags=["disaster", "Sichuan"],
    )
    disaster = Tag.objects.get(name="disaster")
    disaster.name_zh = "灾难"
    disaster.save()  # as a curator names it in the admin
    happy = factories.CampaignFactory(
        title="Happy Village farmers",
        title_zh="快乐乡村",
        slug="happy-village",
        summary="Farmers sold fruit through short videos.",
        description="Training helped rural creators reach buyers.",
        start_date=datetime.date(2018, 6, 1),
        platforms=[kwai],
        tags=["agriculture"],
    )
    factories.ParticipationFactory(campaign=happy, organisation=kwai.operator, role=Role.ORGANISER)
    factories.CampaignFactory(
        title="Earthquake draft about Weibo",
        slug="earthquake-draft",
        summary="Not yet checked.",
        status=Status.DRAFT,
        platforms=[weibo],
    )
    return yaan, happy


def search(q):
    """The slugs of the published campaigns a search for ``q`` finds, in order."""
    return list(Campaign.objects.public().for_listing().search(q).values_list("slug", flat=True))


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("微博", ["yaan-earthquake"]),
        ("快手", ["happy-village"]),
        ("earthquake", ["yaan-earthquake"]),
        ("EARTHQUAKE", ["yaan-earthquake"]),
        ("雅安", ["yaan-earthquake"]),
        ("Kwai", ["happy-village"]),
        ("Kuaishou Technology", ["happy-village"]),
        ("agriculture", ["happy-village"]),
        ("sichuan", ["yaan-earthquake"]),
        ("灾难", ["yaan-earthquake"]),
        ("rescue weibo", ["yaan-earthquake"]),
        ("farmers earthquake", []),
        ("nothing-like-this", []),
    ],
)
def test_search_finds_the_cases_a_reader_expects(search_catalogue, q, expected):
    assert search(q) == expected


def test_search_never_shows_a_draft(search_catalogue):
    assert search("earthquake") == ["yaan-earthquake"]
    assert "earthquake-draft" not in search("earthquake draft")
    assert search("Not yet checked") == []


def test_a_blank_search_changes_nothing(search_catalogue):
    assert sorted(search("   ")) == ["happy-village", "yaan-earthquake"]


def test_a_search_with_odd_characters_does_not_fail(search_catalogue):
    assert search("'\"&|!():* <> % _ \\") == []
    assert search("earthquake " * 1000) == ["yaan-earthquake"]


def test_a_title_match_ranks_first(search_catalogue):
    factories.CampaignFactory(
        title="Village libraries",
        slug="village-libraries",
        summary="Volunteers read to children after the earthquake.",
        start_date=datetime.date(2021, 1, 1),
    )
    assert search("earthquake")[0] == "yaan-earthquake"


YAAN_SEED_CASES = {
    "yaan-earthquake-weibo-fundraising",
    "yaan-earthquake-china-earthquake-network-alert",
    "yaan-earthquake-missing-person-search",
    "yaan-earthquake-wechat-volunteers",
}
"""The four cases of the Ya'an earthquake response in the seed catalogue."""


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("雅安", YAAN_SEED_CASES),
        ("地震", YAAN_SEED_CASES),
        ("王帅", {"wang-shuai-flower-videos-wesee"}),
        # Only the participant's Chinese name says 王相军: the title calls him 冰川哥.
        ("王相军", {"greenovation-hub-kwai-madrid-climate-conference"}),
        ("冰川哥", {"greenovation-hub-kwai-madrid-climate-conference"}),
        ("惠农网", {"wesee-navel-orange-video"}),
    ],
)
def test_a_chinese_search_of_the_seed_catalogue_finds_the_cases_a_reader_expects(
    seed_catalogue, q, expected
):
    assert set(search(q)) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("earthquakes", ["yaan-earthquake"]),
        ("videos", ["happy-village"]),
        ("Yaan", ["yaan-earthquake"]),
        ("Ya’an", ["yaan-earthquake"]),
        ("happyvillage", ["happy-village"]),
        ("short-videos", ["happy-village"]),
        ("乡", ["happy-village"]),
        ("地震应急", ["yaan-earthquake"]),
        ("China", ["happy-village", "yaan-earthquake"]),
        ("中国", ["happy-village", "yaan-earthquake"]),
    ],
)
def test_search_forgives_plurals_apostrophes_spacing_and_finds_countries(
    search_catalogue, q, expected
):
    assert sorted(search(q)) == expected


def test_livestream_finds_a_live_stream_and_live_stream_a_livestream(db):
    factories.CampaignFactory(slug="spaced", title="Apples sold by live stream")
    factories.CampaignFactory(slug="joined", title="Oranges sold by livestream")

    assert sorted(search("livestream")) == ["joined", "spaced"]
    assert sorted(search("live stream")) == ["joined", "spaced"]


def test_the_search_document_follows_edits_to_the_case_and_its_names(search_catalogue, kwai):
    yaan, happy = search_catalogue
    assert search("glacier") == []

    yaan.summary = "Volunteers mapped the glacier."
    yaan.save()
    assert search("glacier") == ["yaan-earthquake"]

    kwai.name = "Kuaishou Video"
    kwai.save()
    assert search("Kuaishou Video") == ["happy-village"]
    assert search("Kwai") == []

    operator = kwai.operator
    operator.name_zh = "快手科技"
    operator.save()
    assert search("快手科技") == ["happy-village"]

    happy.tags.add("orchards")
    assert search("orchard") == ["happy-village"]
    Tag.objects.get(name="orchards").delete()
    assert search("orchard") == []


def test_a_loaded_case_is_found_by_its_words(db, tmp_path):
    import json

    from campaigns.loading import load_catalogue

    source = {"model": "campaigns.source", "fields": {"slug": "s", "title": "S", "kind": "report"}}
    case = {
        "model": "campaigns.campaign",
        "fields": {
            "slug": "loaded-case",
            "title": "Loaded glacier watch",
            "summary": "Herders posted photos.",
            "description": "Herders posted photos of melting ice.",
            "cause": "climate_environment",
            "approach": "awareness",
            "status": "published",
            "sources": [["s"]],
        },
    }
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps([source, case]))

    load_catalogue(paths=[path])

    assert search("glaciers herders") == ["loaded-case"]


# --------------------------------------------------------------------------- what readers type


def published_slugs(**filters):
    return set(Campaign.objects.public().filter(**filters).values_list("slug", flat=True))


def test_the_searches_readers_type_find_every_case_they_mean_in_the_seed(seed_catalogue):
    assert set(search("earthquakes")) == YAAN_SEED_CASES
    assert set(search("Yaan")) == YAAN_SEED_CASES
    assert set(search("livestream")) == set(search("live stream"))
    assert "song-xiaoying-apple-live-stream" in search("livestream")
    disaster_relief_in_china = published_slugs(cause=Cause.DISASTER_RELIEF, country="CN")
    assert len(disaster_relief_in_china) == 4
    # "disaster relief" names the cause and "China" the country: neither has to be in the text.
    assert set(search("disaster relief China")) == disaster_relief_in_china
    assert set(search("中国救灾")) == disaster_relief_in_china
    rural = published_slugs(cause=Cause.RURAL_LIVELIHOODS)
    assert len(rural) == 11  # with the e-commerce poverty relief case (issue 13)
    assert set(search("助农")) == rural
    assert set(search("poverty alleviation")) >= rural


def test_a_case_is_found_by_the_everyday_words_of_its_cause_and_approach(db):
    factories.CampaignFactory(
        slug="appeal",
        title="An appeal after the floods",
        summary="Posts asked for help.",
        description="People gave what they could.",
        cause=Cause.DISASTER_RELIEF,
        approach=Approach.FUNDRAISING,
    )
    factories.CampaignFactory(slug="other", title="Orchard sales", cause=Cause.RURAL_LIVELIHOODS)

    for q in ("disaster relief", "救灾", "disasters", "fundraising", "donations", "筹款"):
        assert search(q) == ["appeal"], q
    assert search("farmers") == ["other"]


def test_a_cause_changed_in_the_admin_changes_what_finds_the_case(db):
    campaign = factories.CampaignFactory(
        slug="moved", title="Orchard sales", summary="Sales.", description="Sales."
    )
    assert search("助农") == ["moved"]

    campaign.cause = Cause.PUBLIC_HEALTH
    campaign.save()

    assert search("助农") == []
    assert search("公共卫生") == ["moved"]


# --------------------------------------------------------------------------- both databases alike

SAME_ON_BOTH = [
    (
        "donated",
        [
            "sina-weibo-free-lunch-and-season-of-giving",
            "wechat-in-app-charitable-donations",
            "yaan-earthquake-weibo-fundraising",
        ],
    ),
    (
        "videos",
        [
            "county-girl-xigua-video",
            "fighting-the-virus-helping-the-farmers",
            "greenovation-hub-kwai-madrid-climate-conference",
            "kwai-agricultural-assistance",
            "kwai-rural-support-plans",
            "mountain-products-on-toutiao",
            "song-xiaoying-apple-live-stream",
            "sound-volume-plan",
            "tencent-wesee-agricultural-assistance",
            "wang-shuai-flower-videos-wesee",
            "wesee-navel-orange-video",
            "xigua-video-county-magistrates-live-streams",
        ],
    ),
    (
        "earthquakes",
        [
            "yaan-earthquake-china-earthquake-network-alert",
            "yaan-earthquake-missing-person-search",
            "yaan-earthquake-wechat-volunteers",
            "yaan-earthquake-weibo-fundraising",
        ],
    ),
    ("volunteering", ["yaan-earthquake-wechat-volunteers"]),
    (
        "farmers",
        [
            "county-girl-xigua-video",
            "ecommerce-targeted-poverty-alleviation-villages",
            "fighting-the-virus-helping-the-farmers",
            "kwai-agricultural-assistance",
            "kwai-rural-support-plans",
            "mountain-products-on-toutiao",
            "song-xiaoying-apple-live-stream",
            "tencent-wesee-agricultural-assistance",
            "wang-shuai-flower-videos-wesee",
            "wesee-navel-orange-video",
            "xigua-video-county-magistrates-live-streams",
        ],
    ),
    (
        "alerts",
        [
            "fighting-the-virus-helping-the-farmers",
            "yaan-earthquake-china-earthquake-network-alert",
            "yaan-earthquake-missing-person-search",
        ],
    ),
    (
        "crowdfunding",
        [
            "sina-weibo-free-lunch-and-season-of-giving",
            "wechat-in-app-charitable-donations",
            "yaan-earthquake-weibo-fundraising",
        ],
    ),
    (
        # The live streams (a format apart from selling, by live stream or by short video),
        # and a case whose own text speaks of selling by live stream.
        "live streams",
        [
            "ecommerce-targeted-poverty-alleviation-villages",
            "greenovation-hub-kwai-madrid-climate-conference",
            "song-xiaoying-apple-live-stream",
            "xigua-video-county-magistrates-live-streams",
        ],
    ),
    ("selling apples", ["song-xiaoying-apple-live-stream"]),
    ("missing people", ["yaan-earthquake-missing-person-search"]),
    ("children", ["sound-volume-plan", "take-photos-to-save-kidnapped-children"]),
    (
        "trafficking",
        ["take-photos-to-save-kidnapped-children", "weibo-taking-photos-to-save-girls-and-guys"],
    ),
    (
        "microblog",  # the cases in microblog posts
        [
            "budweiser-lovers-matching-mini-game",
            "mengniu-lovers-wishes",
            "sina-voicemail-weibo-launch",
            "sina-weibo-free-lunch-and-season-of-giving",
            "take-photos-to-save-kidnapped-children",
            "weibo-taking-photos-to-save-girls-and-guys",
        ],
    ),
]
"""Searches of the seed catalogue and the cases they find: the same on SQLite (the stems of
the Snowball English stemmer) as on PostgreSQL (its ``english`` configuration, the same
algorithm). The suite runs on both databases."""


@pytest.mark.parametrize(("q", "expected"), SAME_ON_BOTH, ids=[q for q, _ in SAME_ON_BOTH])
def test_a_search_finds_the_same_cases_on_either_database(seed_catalogue, db, q, expected):
    assert sorted(search(q)) == expected
