"""The seed catalogue in fixtures/: what a curator would check after loading it."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command

from campaigns.loading import FIXTURE_FILES
from campaigns.models import (
    Campaign,
    Figure,
    Organisation,
    Participation,
    Platform,
    Source,
    Status,
    Tag,
    TaggedCampaign,
)

pytestmark = pytest.mark.django_db

GATES_MAY_2013 = "gates-2013-power-of-social-media-china"
GATES_NOV_2013 = "gates-2013-momentum-continues-china"
DEFINITION_BLOG = "social-media-for-social-good-blog"
IWOM_2011 = "iwom-mark-vol-57"
CGPI_2020 = "cgpi-2020-communication-for-social-good-pandemic"

YAAN_CAMPAIGNS = {
    "yaan-earthquake-weibo-fundraising",
    "yaan-earthquake-china-earthquake-network-alert",
    "yaan-earthquake-missing-person-search",
    "yaan-earthquake-wechat-volunteers",
}

LISTED_CAMPAIGNS = YAAN_CAMPAIGNS | {
    "tb-awareness-ministry-of-health",
    "world-no-tobacco-day-passive-smoking",
    "wechat-in-app-charitable-donations",
    "sina-weibo-free-lunch-and-season-of-giving",
    "unc-wilmington-students-save-sports-teams",
    "leeds-city-council-trulysocial",
    "take-photos-to-save-kidnapped-children",
    "weibo-taking-photos-to-save-girls-and-guys",
    "sina-voicemail-weibo-launch",
    "budweiser-lovers-matching-mini-game",
    "mengniu-lovers-wishes",
    "groupon-china-launch-gaopeng",
    "tencent-wesee-agricultural-assistance",
    "wesee-navel-orange-video",
    "wang-shuai-flower-videos-wesee",
    "kwai-agricultural-assistance",
    "kwai-rural-support-plans",
    "fighting-the-virus-helping-the-farmers",
    "mountain-products-on-toutiao",
    "song-xiaoying-apple-live-stream",
    "xigua-video-county-magistrates-live-streams",
    "county-girl-xigua-video",
    "greenovation-hub-kwai-madrid-climate-conference",
    "sound-volume-plan",
    "ecommerce-targeted-poverty-alleviation-villages",
}

CAMPAIGNS_WHOSE_TEXT_NAMES_NO_PLATFORM = {
    "tb-awareness-ministry-of-health",
    "world-no-tobacco-day-passive-smoking",
    "leeds-city-council-trulysocial",
    # The post names no service the network's alert went out on (issue 13).
    "yaan-earthquake-china-earthquake-network-alert",
    # Neither the CGPI article nor its reference [11] names a platform.
    "ecommerce-targeted-poverty-alleviation-villages",
}


def cited(source):
    """How a figure's source reads in a citation: a document's slug or "[n]" for a reference."""
    if source.cited_by_id is not None:
        assert source.cited_by.slug == CGPI_2020
        return source.reference_number
    return source.slug


def test_the_catalogue_holds_the_number_of_records_entered(seed_catalogue):
    # 29 cases: the Ministry of Commerce's e-commerce poverty relief became one (issue 13).
    assert Campaign.objects.count() == 29
    assert Figure.objects.count() == 65
    assert Source.objects.count() == 21
    assert Organisation.objects.count() == 45
    assert Platform.objects.count() == 13
    assert Participation.objects.count() == 58
    assert Tag.objects.count() == 25


def test_every_record_passes_full_clean(seed_catalogue):
    for model in (Tag, Source, Organisation, Platform, Campaign, Participation, TaggedCampaign):
        for record in model.objects.all():
            record.full_clean()
    for figure in Figure.objects.select_related("campaign", "source"):
        figure.full_clean()


def test_loading_the_catalogue_twice_adds_nothing(seed_catalogue):
    call_command("loaddata", *FIXTURE_FILES, verbosity=0)
    assert Campaign.objects.count() == 29
    assert Figure.objects.count() == 65
    assert Participation.objects.count() == 58
    assert TaggedCampaign.objects.count() == 100


def test_every_campaign_the_issue_lists_exists_and_is_published(seed_catalogue):
    published = set(Campaign.objects.filter(status=Status.PUBLISHED).values_list("slug", flat=True))
    assert LISTED_CAMPAIGNS - published == set()
    assert Campaign.objects.exclude(status=Status.PUBLISHED).count() == 0


def test_published_campaigns_have_a_first_published_time(seed_catalogue):
    assert not Campaign.objects.filter(published_at__isnull=True).exists()


def test_about_four_strong_campaigns_are_featured(seed_catalogue):
    featured = set(Campaign.objects.filter(featured=True).values_list("slug", flat=True))
    assert featured == {
        "yaan-earthquake-weibo-fundraising",
        "take-photos-to-save-kidnapped-children",
        "song-xiaoying-apple-live-stream",
        "greenovation-hub-kwai-madrid-climate-conference",
    }


def test_every_seed_tag_has_a_chinese_name_and_a_readable_english_one(seed_catalogue):
    tags = Tag.objects.all()
    assert tags.count() == 25
    assert not tags.filter(name_zh="").exists()
    hyphenated = {tag.name for tag in tags if "-" in tag.name}
    assert hyphenated == {"e-commerce", "COVID-19"}  # words, not slugs
    assert Tag.objects.get(slug="covid-19").name_zh == "新冠疫情"


def test_the_yaan_response_is_four_campaigns_sharing_one_tag(seed_catalogue):
    tag = Tag.objects.get(slug="yaan-earthquake")
    assert tag.name == "Ya'an earthquake"
    tagged = set(Campaign.objects.filter(tags=tag).values_list("slug", flat=True))
    assert tagged == YAAN_CAMPAIGNS


def test_the_shared_missing_person_search_names_all_four_services(seed_catalogue):
    search = Campaign.objects.get(slug="yaan-earthquake-missing-person-search")
    assert set(search.platforms.values_list("slug", flat=True)) == {
        "baidu",
        "yitao",
        "sina-weibo",
        "tencent-weibo",
    }
    assert set(search.organisations.values_list("slug", flat=True)) == {
        "baidu",
        "alibaba",
        "sina",
        "tencent",
    }


@pytest.mark.parametrize(
    "key, value, unit, qualifier, stated_as, source",
    [
        # 000 Gates Foundation, May 2013
        (
            "yaan-weibo-donations-cny",
            "110000000",
            "CNY",
            "over",
            "over 110 million RMB",
            GATES_MAY_2013,
        ),
        (
            "yaan-weibo-donations-usd",
            "18000000",
            "USD",
            "over",
            "more than 18 million US dollars",
            GATES_MAY_2013,
        ),
        (
            "yaan-china-earthquake-network-followers",
            "1500000",
            "followers",
            "exactly",
            "1.5 million followers",
            GATES_MAY_2013,
        ),
        (
            "tobacco-day-passive-smoking-awareness-after",
            "19",
            "percent",
            "exactly",
            "19%",
            GATES_MAY_2013,
        ),
        # 001 Gates Foundation, November 2013
        (
            "wechat-users-worldwide-2013",
            "500000000",
            "users",
            "over",
            "over 500 million users worldwide",
            GATES_NOV_2013,
        ),
        # 002 a blog post defining the term
        (
            "uncw-sports-teams-threatened",
            "5",
            "teams",
            "exactly",
            "5 of their sports teams",
            DEFINITION_BLOG,
        ),
        # 003 China IWOM, February 2011
        (
            "weibo-anti-trafficking-followers",
            "2400000",
            "followers",
            "over",
            "over 2,400,000 followers",
            IWOM_2011,
        ),
        (
            "weibo-anti-trafficking-children-saved",
            "10",
            "children",
            "exactly",
            "10 children",
            IWOM_2011,
        ),
        (
            "voicemail-weibo-faye-wong-reposts-each",
            "16000",
            "reposts",
            "over",
            "over 16,000 re-posts each",
            IWOM_2011,
        ),
        (
            "weibo-save-girls-and-guys-photo-uploaders",
            "1000",
            "users",
            "at_least",
            "thousands of users",
            IWOM_2011,
        ),
        (
            "groupon-clones-in-china-2011",
            "1200",
            "websites",
            "over",
            "over 1200 Groupon clones",
            IWOM_2011,
        ),
        # 004 CGPI, 2020: the article itself and its numbered references
        (
            "wesee-agricultural-assistance-videos",
            "2234",
            "videos",
            "exactly",
            "2234 videos",
            CGPI_2020,
        ),
        ("wesee-navel-orange-sales-kg", "35575", "kg", "up_to", "up to 35,575 kg", 1),
        ("wesee-navel-orange-sales-tonnes", "35.5", "t", "about", "about 35.5 tons", 1),
        (
            "china-short-video-users",
            "857000000",
            "users",
            "exactly",
            "857 million short video users",
            5,
        ),
        (
            "kwai-agricultural-assistance-plays",
            "20000000000",
            "plays",
            "over",
            "exceeded 20 billion",
            9,
        ),
        (
            "toutiao-mountain-products-sold",
            "1560000",
            "products",
            "over",
            "more than 1.56 million agricultural products",
            10,
        ),
        ("song-xiaoying-apples-sold-kg", "53000", "kg", "exactly", "53,000 Kg", 12),
        ("song-xiaoying-turnover-usd", "77781", "USD", "nearly", "77,781 USD", 12),
        (
            "xigua-county-magistrates-sales-cny",
            "3000000",
            "CNY",
            "nearly",
            "nearly 3 million CNY",
            12,
        ),
        (
            "philanthropic-orgs-live-broadcast-main-channel-2018",
            "5.36",
            "percent",
            "exactly",
            "only 5.36%",
            13,
        ),
        ("county-girl-xigua-fans", "2490000", "fans", "exactly", "2.49 million fans", CGPI_2020),
        (
            "glacier-conference-video-plays",
            "10000000",
            "plays",
            "over",
            "more than 10 million times",
            14,
        ),
    ],
)
def test_figures_carry_over_exactly_as_the_documents_state_them(
    seed_catalogue, key, value, unit, qualifier, stated_as, source
):
    figure = Figure.objects.select_related("source__cited_by").get(key=key)
    assert figure.value == Decimal(value)
    assert figure.unit_id == unit
    assert figure.qualifier == qualifier
    assert figure.stated_as == stated_as
    assert cited(figure.source) == source


def test_the_weibo_donations_were_raised_within_72_hours_of_the_april_2013_earthquake(
    seed_catalogue,
):
    figure = Figure.objects.get(key="yaan-weibo-donations-cny")
    assert figure.campaign.slug == "yaan-earthquake-weibo-fundraising"
    assert figure.period == "within 72 hours"
    assert figure.as_of_display == "April 2013"


def test_thousands_of_photo_uploaders_is_recorded_as_at_least_a_thousand_users(seed_catalogue):
    figure = Figure.objects.get(key="weibo-save-girls-and-guys-photo-uploaders")
    assert figure.campaign.slug == "weibo-taking-photos-to-save-girls-and-guys"
    assert (figure.label, figure.label_zh) == ("Users who uploaded photos", "上传照片的用户")
    # The uploads were during Chinese New Year, which the February 2011 digest reports: the
    # month is known, the day is only the digest's.
    assert (figure.as_of, figure.as_of_precision) == (datetime.date(2011, 2, 1), "month")
    assert figure.period == "Chinese New Year 2011"


def test_the_wesee_figures_are_as_of_18_april_2020(seed_catalogue):
    figure = Figure.objects.get(key="wesee-agricultural-assistance-plays")
    assert (figure.as_of, figure.value, figure.qualifier) == (
        datetime.date(2020, 4, 18),
        Decimal("52000000"),
        "up_to",
    )


def test_every_figure_cites_one_of_its_campaigns_sources(seed_catalogue):
    for figure in Figure.objects.filter(campaign__isnull=False).select_related("campaign"):
        assert figure.campaign.sources.filter(pk=figure.source_id).exists(), figure.key


def test_figures_about_a_platform_name_the_platform_and_no_campaign(seed_catalogue):
    wechat_users = Figure.objects.get(key="wechat-users-worldwide-2013")
    assert (wechat_users.campaign, wechat_users.platform.slug) == (None, "wechat")
    kwai_users = Figure.objects.filter(platform__slug="kwai", campaign__isnull=True)
    assert set(kwai_users.values_list("key", flat=True)) == {
        "kwai-daily-active-users-2019",
        "kwai-daily-active-users-2020",
        "kwai-daily-video-uploads",
        "kwai-spring-festival-2020-new-users",
    }


def test_sector_figures_describe_no_campaign_platform_or_organisation(seed_catalogue):
    sector = Figure.objects.filter(
        campaign__isnull=True, platform__isnull=True, organisation__isnull=True
    )
    assert set(sector.values_list("key", flat=True)) == {
        "china-social-organisations",
        "china-philanthropic-organisations",
        "china-internet-penetration-rate",
        "china-mobile-internet-users",
        "china-short-video-users",
        "china-short-video-users-young-lower-tier-share",
        "short-video-market-share-douyin-kwai",
        "short-video-market-share-xigua-volcano",
        "philanthropic-orgs-live-broadcast-main-channel-2018",
    }


def test_every_campaign_has_a_source_and_a_platform_unless_its_text_names_none(seed_catalogue):
    for campaign in Campaign.objects.prefetch_related("sources", "platforms"):
        assert campaign.sources.all(), campaign.slug
        if campaign.slug in CAMPAIGNS_WHOSE_TEXT_NAMES_NO_PLATFORM:
            assert not campaign.platforms.all(), campaign.slug
        else:
            assert campaign.platforms.all(), campaign.slug


def test_each_of_the_fourteen_references_is_cited_by_the_cgpi_article_with_its_number(
    seed_catalogue,
):
    references = Source.objects.filter(cited_by__slug=CGPI_2020).order_by("reference_number")
    assert list(references.values_list("reference_number", flat=True)) == list(range(1, 15))
    navel_oranges = references.get(reference_number=1)
    assert navel_oranges.author == "Xiang Zengyan"
    assert navel_oranges.published_on == datetime.date(2020, 2, 28)
    assert references.get(reference_number=2).url == ""
    assert references.get(reference_number=3).url == ""
    assert references.get(reference_number=12).url == (
        "http://www.chinanews.com/business/2020/03-05/9114383.shtml"
    )
    sixth_report = references.get(reference_number=13)
    assert sixth_report.publisher == "Shenzhen Tuou Philanthropy Development Center"
    assert sixth_report.published_display == "July 2018"


def test_the_five_documents_carry_their_publisher_author_and_date(seed_catalogue):
    cgpi = Source.objects.get(slug=CGPI_2020)
    assert (cgpi.author, cgpi.published_display) == ("Tara Ouyang", "2020")
    assert Source.objects.get(slug=GATES_MAY_2013).published_on == datetime.date(2013, 5, 13)
    assert Source.objects.get(slug=GATES_NOV_2013).published_on == datetime.date(2013, 11, 4)
    assert Source.objects.get(slug=IWOM_2011).published_on == datetime.date(2011, 2, 22)
    assert Source.objects.get(slug=DEFINITION_BLOG).published_on is None
    book = Source.objects.get(slug="social-media-for-social-good-in-china-book")
    assert (book.kind, book.published_display) == ("book", "May 2013")


def test_the_main_platforms_have_their_chinese_names(seed_catalogue):
    names = dict(Platform.objects.values_list("slug", "name_zh"))
    assert names["sina-weibo"] == "新浪微博"
    assert names["wechat"] == "微信"
    assert names["tencent-wesee"] == "腾讯微视"
    assert names["kwai"] == "快手"
    assert names["douyin"] == "抖音"
    assert names["toutiao"] == "今日头条"
    assert names["xigua-video"] == "西瓜视频"


def test_platforms_name_their_operator(seed_catalogue):
    operators = dict(Platform.objects.values_list("slug", "operator__slug"))
    assert operators["kwai"] == "kuaishou"
    assert operators["yitao"] == "alibaba"
    assert operators["xigua-video"] == "bytedance"


def test_campaigns_with_a_chinese_title_in_the_sources_show_it(seed_catalogue):
    titles = dict(Campaign.objects.exclude(title_zh="").values_list("slug", "title_zh"))
    assert titles["take-photos-to-save-kidnapped-children"] == "微博打拐"
    assert titles["mountain-products-on-toutiao"] == "山货上头条"
    assert titles["fighting-the-virus-helping-the-farmers"] == "战疫助农"
    assert titles["sound-volume-plan"] == "音量计划"


def test_every_campaign_has_a_chinese_title_and_every_figure_a_chinese_label(seed_catalogue):
    assert list(Campaign.objects.filter(title_zh="").values_list("slug", flat=True)) == []
    assert list(Figure.objects.filter(label_zh="").values_list("key", flat=True)) == []


def test_chinese_titles_and_labels_are_written_in_chinese(seed_catalogue):
    for title_zh in Campaign.objects.values_list("title_zh", flat=True):
        assert any("\u4e00" <= char <= "\u9fff" for char in title_zh), title_zh
    for label_zh in Figure.objects.values_list("label_zh", flat=True):
        assert any("\u4e00" <= char <= "\u9fff" for char in label_zh), label_zh


def test_the_four_yaan_cases_and_only_they_are_titled_as_the_yaan_earthquake(seed_catalogue):
    titled = set(
        Campaign.objects.filter(title_zh__contains="雅安地震").values_list("slug", flat=True)
    )
    assert titled == YAAN_CAMPAIGNS
    fundraising = Campaign.objects.get(slug="yaan-earthquake-weibo-fundraising")
    assert fundraising.title_zh == "雅安地震新浪微博募捐"


def test_the_yaan_fundraising_total_has_its_chinese_label(seed_catalogue):
    figure = Figure.objects.get(key="yaan-weibo-donations-cny")
    assert (figure.label, figure.label_zh) == ("Donations raised", "募集善款")


def test_the_officials_and_the_glacier_influencer_have_their_chinese_names(seed_catalogue):
    names = dict(Organisation.objects.values_list("slug", "name_zh"))
    assert names["wang-shuai"] == "王帅"
    assert names["song-xiaoying"] == "宋晓英"
    assert names["wang-xiangjun"] == "王相军"
    assert names["greenovation-hub"] == "绿色创新发展中心"
    assert names["china-charities-aid-foundation-for-children"] == "中华少年儿童慈善救助基金会"


def test_names_the_sources_give_only_in_english_translation_get_no_guessed_chinese(seed_catalogue):
    names = dict(Organisation.objects.values_list("slug", "name_zh"))
    for slug in ("xiao-ying-and-xiao-ping", "wanrong-youpin"):
        assert names[slug] == "", slug


def test_an_organisation_named_in_a_chinese_case_title_has_that_chinese_name(seed_catalogue):
    names = dict(Organisation.objects.values_list("slug", "name_zh"))
    titles = dict(Campaign.objects.values_list("slug", "title_zh"))
    for organisation, campaign, chinese in (
        ("county-girl", "county-girl-xigua-video", "县城姑娘"),
        ("leeds-city-council", "leeds-city-council-trulysocial", "利兹市议会"),
        (
            "unc-wilmington",
            "unc-wilmington-students-save-sports-teams",
            "北卡罗来纳大学威尔明顿分校",
        ),
    ):
        assert names[organisation] == chinese
        assert chinese in titles[campaign]


def test_the_tuberculosis_campaign_worked_with_the_ministry_of_health(seed_catalogue):
    titles = Campaign.objects.values_list("title_zh", flat=True)
    assert "与卫生部合作开展结核病防治宣传" in titles
    assert "联合卫生部开展结核病防治宣传" not in titles


def test_a_publisher_misspelt_by_the_citing_article_is_named_correctly_with_a_note(seed_catalogue):
    source = Source.objects.get(url="http://it.gmw.cn/2020-02/19/content_33570814.htm")
    assert source.publisher == "Guangming Online"
    assert "misspells" in source.note
    assert "it.gmx.cn" in source.note


def test_song_xiaoying_took_part_as_deputy_county_magistrate_of_wanrong_county(seed_catalogue):
    part = Participation.objects.get(
        campaign__slug="song-xiaoying-apple-live-stream", organisation__slug="song-xiaoying"
    )
    assert part.role == "champion"
    assert "Wanrong County" in part.note
    assert part.organisation.kind == "individual"


def test_the_sound_volume_plan_joins_five_foundations(seed_catalogue):
    plan = Campaign.objects.get(slug="sound-volume-plan")
    partners = plan.participations.filter(role="partner")
    assert partners.count() == 5
    assert set(partners.values_list("organisation__kind", flat=True)) == {"nonprofit"}


def test_partial_dates_show_only_what_is_known(seed_catalogue):
    assert Campaign.objects.get(slug="tb-awareness-ministry-of-health").start_display == "2012"
    assert (
        Campaign.objects.get(slug="greenovation-hub-kwai-madrid-climate-conference").start_display
        == "December 2019"
    )
    magistrates = Campaign.objects.get(slug="xigua-video-county-magistrates-live-streams")
    assert (magistrates.start_date, magistrates.end_date) == (
        datetime.date(2020, 2, 29),
        datetime.date(2020, 3, 2),
    )
