"""The seed catalogue's corrections of issue 20, one test per kind of finding: claims beyond
the five documents, caveats readers need, as-of dates that are a document's own, Chinese text;
and the data migration that brings a database loaded with the old seed to the corrected one.
Then the details a second reading found (migration 0029): a province, an owner, what a company
is, a word the document does not use, a reading of a comment, a start year; each text keeps its
number of sentences, and the migration brings the previous seed's texts forward.
(The third scope, given to the dating-photo trend, is tested where scope is: ``test_scope.py``.)
"""

import datetime
import importlib
import re

import pytest
from django.apps import apps

from campaigns.auditing import audit
from campaigns.models import (
    Campaign,
    CatalogueVersion,
    CaveatKind,
    Correction,
    Figure,
    Organisation,
    Participation,
    Platform,
    Qualifier,
    Scope,
    Source,
)
from campaigns.models.evidence import sentences

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("campaigns.migrations.0027_seed_corrections")
DETAILS = importlib.import_module("campaigns.migrations.0029_seed_details")
SAID = importlib.import_module("campaigns.migrations.0031_descriptions_the_documents_support")
BACKGROUND = importlib.import_module("campaigns.migrations.0032_descriptions_background")

MODELS = {
    "Campaign": Campaign,
    "Figure": Figure,
    "Organisation": Organisation,
    "Participation": Participation,
    "Platform": Platform,
    "Source": Source,
}


def texts(row, *names):
    """The row's texts with these names, joined: what a reader of both languages reads."""
    return " ".join(getattr(row, name) for name in names)


# --------------------------------------------------------------------------- claims


CASE_TEXTS = ("summary", "description", "summary_zh", "description_zh")
DESCRIPTIONS = ("description", "description_zh")


@pytest.mark.parametrize(
    "model, key, names, gone, there",
    [
        # WeChat: the document says a milestone was announced in October, not that users gave.
        (
            Campaign,
            "wechat-in-app-charitable-donations",
            CASE_TEXTS,
            ["let WeChat users give", "腾讯让微信用户"],
            ["announced", "宣布"],
        ),
        (Platform, "wechat", DESCRIPTIONS, ["added in-app", "增加了"], ["announced", "宣布"]),
        # Toutiao's project "in the past years", sold on Toutiao, Xigua, Douyin and others.
        (
            Campaign,
            "mountain-products-on-toutiao",
            CASE_TEXTS,
            ["long-running", "several years", "长期", "连续数年"],
            ["other social media platforms", "其他社交媒体平台", "过去几年"],
        ),
        # The blog's author has no country or profession in the document; one commenter.
        (
            Source,
            "social-media-for-social-good-blog",
            ("note", "note_zh"),
            ["UK", "consultant", "英国", "顾问"],
            ["no country or profession", "国籍或职业"],
        ),
        (Campaign, "leeds-city-council-trulysocial", CASE_TEXTS, ["UK", "英国"], ["博文"]),
        (
            Organisation,
            "leeds-city-council",
            DESCRIPTIONS,
            ["whose staff", "工作人员"],
            ["One reader's comment", "一条读者评论"],
        ),
        # The search companies decided to share information.
        (
            Campaign,
            "yaan-earthquake-missing-person-search",
            CASE_TEXTS,
            ["pooled", "agreed to share what they held", "各自掌握"],
            ["decided to share information", "决定共享信息"],
        ),
        # The Sound Volume Plan empowers philanthropy with technology; no "reach".
        (
            Campaign,
            "sound-volume-plan",
            ("summary", "summary_zh"),
            ["reach", "流量"],
            ["through technology", "以技术助力公益"],
        ),
        # The county girl: the ginger sales and "the hope of her village", side by side.
        (
            Campaign,
            "county-girl-xigua-video",
            DESCRIPTIONS,
            ["which made her", "这让她成为"],
            ["it also calls her", "文章还称她"],
        ),
        # World No Tobacco Day: among the Alliance's efforts, its part not said.
        (
            Campaign,
            "world-no-tobacco-day-passive-smoking",
            CASE_TEXTS,
            ["An Alliance campaign", "ran an online campaign", "联盟围绕世界无烟日开展"],
            ["without saying which part the Alliance played", "没有说明该联盟在其中扮演什么角色"],
        ),
        (
            Organisation,
            "chinese-social-media-for-social-good-alliance",
            DESCRIPTIONS,
            ["other causes", "social media companies", "等公益议题", "企业"],
            ["public-health", "公共卫生"],
        ),
        # Another photo trend swept China: nothing borrowed, nothing "soon after".
        (
            Campaign,
            "weibo-taking-photos-to-save-girls-and-guys",
            CASE_TEXTS,
            ["borrowed", "Soon after", "offshoot", "借用", "走红后不久", "衍生"],
            ["another photo-taking trend", "又兴起一股拍照潮流"],
        ),
        # Wanrong Youpin is named only through its spokesman.
        (
            Organisation,
            "wanrong-youpin",
            DESCRIPTIONS,
            ["produce brand", "农产品品牌"],
            ["only through its spokesman", "只通过其代言人"],
        ),
        # The navel-orange video is undated: its date is the report's.
        (
            Campaign,
            "wesee-navel-orange-video",
            DESCRIPTIONS,
            [],
            ["given here as its date is the report's", "是该报道的日期"],
        ),
        # Glacier's net name is Tibetan Adventurer King.
        (
            Campaign,
            "greenovation-hub-kwai-madrid-climate-conference",
            CASE_TEXTS,
            ["known online as Glacier", "网名“冰川哥"],
            ["net name it gives as Tibetan Adventurer King", "网名为“西藏冒险王”"],
        ),
        (
            Organisation,
            "wang-xiangjun",
            DESCRIPTIONS,
            ["known online as Glacier", "网名“冰川哥"],
            ["net name as Tibetan Adventurer King", "网名为“西藏冒险王”"],
        ),
        # Found on a second reading: what the documents do not say.
        (
            Campaign,
            "ecommerce-targeted-poverty-alleviation-villages",
            DESCRIPTIONS,
            ["nor its reference", "及其参考文献"],
            ["The article names no platform", "文章没有提到具体平台"],
        ),
        (
            Campaign,
            "kwai-agricultural-assistance",
            ("summary", "summary_zh"),
            ["hard-hit", "受冲击严重"],
            ["affected farm businesses", "受影响的农业企业"],
        ),
        (
            Source,
            "social-media-for-social-good-in-china-book",
            ("note", "note_zh"),
            ["announced an English edition", "宣布英文版"],
            ["looked forward to", "期待"],
        ),
        (Platform, "baidu", DESCRIPTIONS, ["largest", "最大"], ["major search engines", "主要"]),
        (
            Organisation,
            "baidu",
            DESCRIPTIONS,
            ["largest", "最大"],
            ["major search engines", "主要"],
        ),
        (
            Platform,
            "facebook",
            DESCRIPTIONS,
            ["students set up", "分校的学生曾在"],
            ["a UNC Wilmington student", "一名学生"],
        ),
        (
            Organisation,
            "groupon",
            DESCRIPTIONS,
            ["entered China in 2011", "进入中国。"],
            ["was confirmed", "得到确认"],
        ),
    ],
)
def test_claims_beyond_the_documents_are_gone_in_both_languages(
    seed_catalogue, model, key, names, gone, there
):
    row = model.objects.get(slug=key)
    written = texts(row, *names)

    assert [words for words in gone if words in written] == []
    assert [words for words in there if words not in written] == []


def test_the_alliances_part_in_its_listed_campaigns_is_marked_as_our_reading(seed_catalogue):
    parts = Participation.objects.filter(
        organisation__slug="chinese-social-media-for-social-good-alliance"
    )

    assert parts.count() == 2
    for part in parts:
        assert part.assumed
        assert "efforts" in part.note and "联盟的工作之一" in part.note_zh


def test_the_case_texts_name_no_number_their_figures_do_not_state(seed_catalogue):
    (_rule, findings), (_other, differing) = audit(
        ["number-without-figure", "chinese-numbers-differ"]
    )

    assert [str(finding.message) for finding in findings] == []
    assert [str(finding.message) for finding in differing] == []


# --------------------------------------------------------------------------- caveats


@pytest.mark.parametrize(
    "key, kind, english, chinese",
    [
        ("weibo-anti-trafficking-time-since-launch", CaveatKind.DERIVED, "“3 weeks”", "“3周”"),
        (
            "china-short-video-users-young-lower-tier-share",
            CaveatKind.DERIVED,
            "“more than half”",
            "“超过一半”",
        ),
        ("toutiao-mountain-products-sold", CaveatKind.UNIT_ASSUMED, "what one is", "按什么计算"),
        ("china-short-video-users", CaveatKind.SOURCE_INCONSISTENT, "847 million", "8.47亿"),
        ("china-mobile-internet-users", CaveatKind.AS_OF_ESTIMATED, "857 million", "8.57亿"),
        ("wesee-navel-orange-sales-tonnes", CaveatKind.SOURCE_INCONSISTENT, "35.6", "35.6"),
        ("wesee-agricultural-assistance-plays", "", "“reached”", "“达到”"),
        ("wesee-agricultural-assistance-likes", "", "“reached”", "“达到”"),
        ("wesee-navel-orange-plays", CaveatKind.AS_OF_ESTIMATED, "“reached”", "“达到”"),
        ("wesee-navel-orange-sales-kg", CaveatKind.AS_OF_ESTIMATED, "“reached”", "“达到”"),
        (
            "kwai-agricultural-assistance-plays",
            CaveatKind.SOURCE_INCONSISTENT,
            "does not fit",
            "对不上",
        ),
    ],
)
def test_figures_carry_the_caveat_a_reader_needs_in_both_languages(
    seed_catalogue, key, kind, english, chinese
):
    figure = Figure.objects.get(key=key)

    assert figure.caveat_kind == kind
    assert english in figure.caveat
    assert chinese in figure.caveat_zh


def test_no_caveat_says_the_kwai_month_cannot_have_been_full(seed_catalogue):
    kwai = Figure.objects.filter(campaign__slug="kwai-agricultural-assistance")

    assert kwai.count() == 3
    assert not any("cannot" in figure.caveat for figure in kwai)
    assert not any("不可能" in figure.caveat_zh for figure in kwai)


def test_a_conversion_carries_the_qualifier_of_its_figure(seed_catalogue):
    for key in ("song-xiaoying-turnover-usd", "xigua-county-magistrates-sales-usd"):
        conversion = Figure.objects.select_related("conversion_of").get(key=key)
        assert conversion.qualifier == conversion.conversion_of.qualifier == Qualifier.NEARLY
    # The tonnes keep the "about" the article gives them: its own two numbers disagree.
    tonnes = Figure.objects.get(key="wesee-navel-orange-sales-tonnes")
    assert (tonnes.qualifier, tonnes.stated_as) == (Qualifier.ABOUT, "about 35.5 tons")


def test_the_chinese_of_an_assumed_unit_names_the_unit_the_pages_show(seed_catalogue):
    ginger = Figure.objects.get(key="county-girl-yellow-ginger-sold")

    assert "“个”（items）" in ginger.caveat_zh  # the Chinese pages show items as 个


# --------------------------------------------------------------------------- as-of dates


def test_every_as_of_date_that_is_its_sources_own_says_so(seed_catalogue):
    """A figure dated by its document, not by the document's word for when it was true, is
    marked as-of date estimated; the few that carry another kind of caveat (one kind per
    figure) say it in their caveat, in both languages."""
    own_date = [
        figure
        for figure in Figure.objects.select_related("source")
        if figure.as_of is not None
        and (figure.as_of, figure.as_of_precision)
        == (figure.source.published_on, figure.source.published_precision)
    ]
    other_kind = {
        figure.key for figure in own_date if figure.caveat_kind != CaveatKind.AS_OF_ESTIMATED
    }

    assert len(own_date) >= 30
    assert other_kind == {
        "weibo-anti-trafficking-time-since-launch",  # derived
        "toutiao-mountain-products-sold",  # unit assumed
        "county-girl-yellow-ginger-sold",  # unit assumed
        "wesee-navel-orange-sales-tonnes",  # source inconsistent
    }
    for figure in own_date:
        assert re.search(r"(date|year) shown is", figure.caveat), figure.key
        assert "这里显示的是" in figure.caveat_zh, figure.key


@pytest.mark.parametrize(
    "key",
    ["tobacco-day-passive-smoking-awareness-after", "china-social-organisations", "glacier-fans"],
)
def test_figures_dated_by_their_document_are_marked_estimated(seed_catalogue, key):
    figure = Figure.objects.get(key=key)

    assert figure.caveat_kind == CaveatKind.AS_OF_ESTIMATED
    assert figure.caveat and figure.caveat_zh


@pytest.mark.parametrize(
    "key, as_of",
    [
        # Said at the big-data expo of May 2019, not on its report's day.
        ("ecommerce-poverty-alleviation-counties", datetime.date(2019, 5, 1)),
        # Counted between the launch on 10 February and the report of 21 February.
        ("kwai-agricultural-assistance-creators", datetime.date(2020, 2, 1)),
        # Uploaded over Chinese New Year, in the February 2011 digest.
        ("weibo-save-girls-and-guys-photo-uploaders", datetime.date(2011, 2, 1)),
    ],
)
def test_figures_whose_month_the_documents_give_are_dated_by_the_month(seed_catalogue, key, as_of):
    figure = Figure.objects.get(key=key)

    assert (figure.as_of, figure.as_of_precision) == (as_of, "month")


# --------------------------------------------------------------------------- Chinese text


OUR_NAMES = ["拍照解救姑娘", "拍照解救小伙", "御品扒鸡", "战疫助农", "腾讯助农"]
OUR_NAMES += ["恋人心愿", "情侣配对小游戏", "捐赠季"]  # found on a second reading


def chinese_texts():
    """(where, text) of every Chinese running text of the seed that can carry a note: not a
    case's title, which is a heading."""
    for campaign in Campaign.objects.all():
        for name in ("summary_zh", "description_zh"):
            yield f"{campaign.slug} {name}", getattr(campaign, name)
    for part in Participation.objects.select_related("campaign", "organisation"):
        yield f"{part.campaign.slug}/{part.organisation.slug} note_zh", part.note_zh
    for model in (Organisation, Platform):
        for row in model.objects.all():
            yield f"{row.slug} description_zh", row.description_zh


@pytest.mark.parametrize("name", OUR_NAMES)
def test_chinese_names_no_source_gives_are_marked_as_our_translation(seed_catalogue, name):
    mark = re.compile(re.escape(name) + r"[”’]?\s*[（(][^）)]*译名")
    texts_naming_it = [(where, text) for where, text in chinese_texts() if name in text]

    assert texts_naming_it, name
    assert [where for where, text in texts_naming_it if not mark.search(text)] == []


def test_people_whose_chinese_names_are_ours_are_marked_in_their_cases_texts(seed_catalogue):
    ((_rule, findings),) = audit(["chinese-name-unsourced"])

    assert [str(finding.message) for finding in findings] == []


def test_weibo_da_guai_is_said_to_be_the_digests_topic_label_not_the_accounts_name(
    seed_catalogue,
):
    case = Campaign.objects.get(slug="take-photos-to-save-kidnapped-children")

    assert case.title_zh == "微博打拐"
    assert "label of the digest's closing topic" in case.description
    assert "not the account's name" in case.description
    assert "话题" in case.description_zh and "并非该微博账号的名称" in case.description_zh


@pytest.mark.parametrize(
    "slug, field, added",
    [
        ("mountain-products-on-toutiao", "summary_zh", "156万件"),
        ("mountain-products-on-toutiao", "description_zh", "156万件"),
        ("mountain-products-on-toutiao", "description_zh", "连续"),
        ("kwai-rural-support-plans", "summary_zh", "借此"),
        ("kwai-rural-support-plans", "summary_zh", "官方认定"),
    ],
)
def test_the_chinese_adds_nothing_the_english_does_not_say(seed_catalogue, slug, field, added):
    assert added not in getattr(Campaign.objects.get(slug=slug), field)


def test_kwai_users_earned_through_the_platform_not_through_its_plans(seed_catalogue):
    case = Campaign.objects.get(slug="kwai-rural-support-plans")

    assert "通过快手获得收入" in case.summary_zh
    assert "earned income through it" in case.summary  # "it": the platform


# --------------------------------------------------------------------------- the migration


def corrected_values():
    """Every value the data migration writes, as the database holds it now."""
    values = []
    for model_name, lookup, fields in MIGRATION.CHANGES:
        row = MODELS[model_name]._base_manager.filter(**lookup).values(*fields).get()
        values.append(row)
    return values


def test_the_migrations_corrections_are_the_seeds(seed_catalogue):
    """0027's corrections are the seed as it stood before 0029, 0031 and 0032 changed some of
    them again."""
    BACKGROUND.undo(apps, None)
    SAID.undo(apps, None)
    DETAILS.undo(apps, None)
    expected = [
        {name: MIGRATION.stored(name, new) for name, (_old, new) in fields.items()}
        for _model, _lookup, fields in MIGRATION.CHANGES
    ]

    assert corrected_values() == expected
    assert len(MIGRATION.CHANGES) > 150


def test_the_data_migration_brings_the_old_seed_to_the_corrected_one(seed_catalogue):
    corrected = corrected_values()
    MIGRATION.undo(apps, None)  # the database as the old seed left it
    case = Campaign.objects.get(slug="yaan-earthquake-missing-person-search")
    assert "pooled" in case.summary
    assert Campaign.objects.search("pooled").filter(pk=case.pk).exists()
    assert Campaign.objects.get(slug="weibo-taking-photos-to-save-girls-and-guys").scope == (
        Scope.COMMERCIAL
    )
    version = CatalogueVersion.current().number

    MIGRATION.correct(apps, None)

    assert corrected_values() == corrected
    assert not Campaign.objects.search("pooled").filter(pk=case.pk).exists()
    assert Campaign.objects.search("decided share").filter(pk=case.pk).exists()
    assert CatalogueVersion.current().number > version
    correction = Correction.objects.get(figure__key="song-xiaoying-turnover-usd")
    assert (correction.before, correction.after) == ("exactly 77,781 USD", "nearly 77,781 USD")
    assert "nearly 550,000 CNY" in correction.note


def test_the_data_migration_keeps_a_curators_own_edit_and_changes_nothing_twice(seed_catalogue):
    MIGRATION.undo(apps, None)
    case = Campaign.objects.get(slug="mountain-products-on-toutiao")
    Campaign.objects.filter(pk=case.pk).update(summary="A curator's own summary.")
    MIGRATION.correct(apps, None)

    case.refresh_from_db()
    assert case.summary == "A curator's own summary."  # kept
    assert "several years" not in case.description  # the rest corrected
    assert "山货上头条" in case.description_zh

    version = CatalogueVersion.current().number
    MIGRATION.correct(apps, None)  # a database already corrected: nothing to do
    assert CatalogueVersion.current().number == version
    assert Correction.objects.filter(figure__key="song-xiaoying-turnover-usd").count() == 1


# --------------------------------------------------------------------------- details (0029)


def named(model, lookup):
    """The row a migration's natural key names."""
    return MODELS[model]._base_manager.get(**lookup)


def case_note(case, organisation):
    return Participation.objects.get(campaign__slug=case, organisation__slug=organisation)


@pytest.mark.parametrize(
    "model, key, names, gone, there",
    [
        # The Gates Foundation's post says "Ya'an", never which province.
        (
            Campaign,
            "yaan-earthquake-weibo-fundraising",
            DESCRIPTIONS,
            ["Sichuan", "四川"],
            ["struck Ya'an in April 2013", "2013年4月雅安"],
        ),
    ],
)
def test_no_place_is_placed_further_than_its_document_places_it(
    seed_catalogue, model, key, names, gone, there
):
    written = texts(model.objects.get(slug=key), *names)

    assert [words for words in gone if words in written] == []
    assert [words for words in there if words not in written] == []


@pytest.mark.parametrize(
    "model, key, names, gone, there",
    [
        # The Ya'an post says only "WeChat" (Tencent's WeChat is the November post's).
        (
            Campaign,
            "yaan-earthquake-wechat-volunteers",
            DESCRIPTIONS,
            ["Tencent", "腾讯"],
            ["used WeChat", "使用微信"],
        ),
        # ByteDance is named only in a reference's title, never as the platforms' owner.
        (
            Campaign,
            "fighting-the-virus-helping-the-farmers",
            DESCRIPTIONS,
            ["ByteDance", "字节跳动"],
            ["and Toutiao, Xigua Video and Douyin", "以及今日头条、西瓜视频和抖音"],
        ),
        (Platform, "douyin", DESCRIPTIONS, ["ByteDance", "字节跳动"], ["Short-video app"]),
        (Platform, "toutiao", DESCRIPTIONS, ["ByteDance", "字节跳动"], ["Sound Volume Plan"]),
        (Platform, "xigua-video", DESCRIPTIONS, ["ByteDance", "字节跳动"], ["live rooms"]),
        (Platform, "volcano-video", DESCRIPTIONS, ["ByteDance", "字节跳动"], ["8 January 2020"]),
        (
            Organisation,
            "bytedance",
            DESCRIPTIONS,
            ["that runs", "运营今日头条"],
            ["only in the title of a reference", "the catalogue's own addition", "本目录自己补充"],
        ),
    ],
)
def test_no_owner_is_named_that_the_document_does_not_name(
    seed_catalogue, model, key, names, gone, there
):
    written = texts(model.objects.get(slug=key), *names)

    assert [words for words in gone if words in written] == []
    assert [words for words in there if words not in written] == []


@pytest.mark.parametrize(
    "model, key, names, gone, there",
    [
        # The digest calls MengNiu and Budweiser companies, never a dairy or a beer brand.
        (Campaign, "mengniu-lovers-wishes", ("summary", "summary_zh"), ["Dairy", "乳品"], []),
        (Organisation, "mengniu", DESCRIPTIONS, ["dairy", "乳品"], ["Company", "企业"]),
        (Organisation, "budweiser", DESCRIPTIONS, ["Beer", "啤酒"], ["Company", "企业"]),
        # The posts say nothing of the Gates Foundation's country or legal form.
        (
            Organisation,
            "bill-melinda-gates-foundation",
            DESCRIPTIONS,
            ["US", "private", "美国", "私人"],
            ["Foundation whose blog", "基金会，其博客"],
        ),
        # Alibaba's Yitao is named among search engines and social media platforms, no more.
        (
            Organisation,
            "alibaba",
            DESCRIPTIONS,
            ["e-commerce", "shopping", "电子商务", "购物"],
            ["says nothing more about Alibaba", "没有更多介绍"],
        ),
        (
            Platform,
            "yitao",
            DESCRIPTIONS,
            ["shopping", "购物"],
            ["major search engines and social media platforms", "搜索引擎和社交媒体平台"],
        ),
    ],
)
def test_nothing_is_said_of_what_a_company_is_that_its_document_does_not_say(
    seed_catalogue, model, key, names, gone, there
):
    written = texts(model.objects.get(slug=key), *names)

    assert [words for words in gone if words in written] == []
    assert [words for words in there if words not in written] == []


def test_the_yitao_note_names_yitao_not_a_kind_of_search(seed_catalogue):
    part = case_note("yaan-earthquake-missing-person-search", "alibaba")

    assert (part.note, part.note_zh) == ("Yitao", "一淘")


@pytest.mark.parametrize(
    "case, names, gone, there",
    [
        # "to recommend the royal braised chicken": the article does not call it local.
        (
            "wang-shuai-flower-videos-wesee",
            DESCRIPTIONS,
            ["local royal braised chicken", "当地的御品扒鸡"],
            ["advertise the royal braised chicken", "为了给御品扒鸡"],
        ),
        # The county girl is a "native influencer" whose village she is the hope of: not
        # called rural.
        (
            "county-girl-xigua-video",
            CASE_TEXTS,
            ["rural creator", "rural influencer", "乡村创作者", "乡村网红"],
            ["home-grown short-video influencer from a village", "来自一个村庄"],
        ),
    ],
)
def test_no_word_is_added_that_the_document_does_not_use(seed_catalogue, case, names, gone, there):
    written = texts(Campaign.objects.get(slug=case), *names)

    assert [words for words in gone if words in written] == []
    assert [words for words in there if words not in written] == []


def test_the_county_girls_note_does_not_call_her_rural(seed_catalogue):
    note = case_note("county-girl-xigua-video", "county-girl")

    assert (note.note, note.note_zh) == (
        "creator on Xigua Video, from a village",
        "西瓜视频上的创作者，来自一个村庄",
    )


def test_the_leeds_comment_answers_a_john_not_the_posts_author(seed_catalogue):
    written = texts(Campaign.objects.get(slug="leeds-city-council-trulysocial"), *DESCRIPTIONS)

    assert "Agreeing with the author" not in written and "博文作者" not in written
    assert "what one John had said" in written and "名叫 John 的人" in written


def test_the_wesee_activity_is_given_no_start_year_its_document_does_not_give(seed_catalogue):
    """The article dates the activity's figures (as of 18 April 2020), not its start."""
    case = Campaign.objects.get(slug="tencent-wesee-agricultural-assistance")
    english, chinese = sentences(case.description), sentences(case.description_zh, True)

    assert "2020" not in english[0] and "2020" not in chinese[0]
    assert "during the pandemic" not in english[0]  # it says the pandemic disrupted logistics
    assert "18 April 2020" in english[2] and "2020年4月18日" in chinese[2]


@pytest.mark.parametrize("model_name, lookup, fields", DETAILS.CHANGES)
def test_each_changed_text_keeps_its_sentences_for_its_evidence(
    seed_catalogue, model_name, lookup, fields
):
    """Evidence names sentences by number: a changed text has as many as before, and its
    Chinese as many as its English."""
    row = named(model_name, lookup)
    for name, (old, new) in fields.items():
        chinese = name.endswith("_zh")
        assert getattr(row, name) == new
        assert len(sentences(new, chinese)) == len(sentences(old, chinese)), name
        base = name.removesuffix("_zh")
        english, chinese_text = getattr(row, base), getattr(row, f"{base}_zh")
        assert len(sentences(english)) == len(sentences(chinese_text, True))


def details_values():
    return [
        MODELS[model]._base_manager.filter(**lookup).values(*fields).get()
        for model, lookup, fields in DETAILS.CHANGES
    ]


def test_the_details_migration_writes_the_seeds_texts(seed_catalogue):
    assert details_values() == [
        {name: new for name, (_old, new) in fields.items()}
        for _model, _lookup, fields in DETAILS.CHANGES
    ]


def test_the_details_migration_brings_the_previous_seed_forward(seed_catalogue):
    now = details_values()
    DETAILS.undo(apps, None)  # the database as the previous seed left it
    case = Campaign.objects.get(slug="yaan-earthquake-weibo-fundraising")
    assert "in Sichuan" in case.description
    assert Organisation.objects.get(slug="mengniu").description.startswith("Chinese dairy brand")
    assert case_note("yaan-earthquake-missing-person-search", "alibaba").note == (
        "Yitao shopping search"
    )
    leeds = Campaign.objects.get(slug="leeds-city-council-trulysocial")
    assert Campaign.objects.search("author").filter(pk=leeds.pk).exists()
    version = CatalogueVersion.current().number
    stamped = case.updated_at

    DETAILS.correct(apps, None)

    assert details_values() == now
    case.refresh_from_db()
    assert case.updated_at > stamped
    assert not Campaign.objects.search("author").filter(pk=leeds.pk).exists()
    assert CatalogueVersion.current().number > version


def test_the_details_migration_keeps_a_curators_own_edit_and_changes_nothing_twice(
    seed_catalogue,
):
    DETAILS.undo(apps, None)
    Organisation.objects.filter(slug="budweiser").update(description="A curator's own words.")
    DETAILS.correct(apps, None)

    assert Organisation.objects.get(slug="budweiser").description == "A curator's own words."
    assert Organisation.objects.get(slug="budweiser").description_zh.startswith("企业")
    assert Platform.objects.get(slug="douyin").description.startswith("Short-video app")

    version = CatalogueVersion.current().number
    DETAILS.correct(apps, None)  # a database already brought forward: nothing to do
    assert CatalogueVersion.current().number == version


# --------------------------------------------------------------------------- descriptions (0031)


def described(slug):
    return Organisation.objects.values("description", "description_zh").get(slug=slug)


def test_no_description_says_what_no_document_gives_of_kuaishou_or_leeds(seed_catalogue):
    assert "behind the Kwai" not in described("kuaishou")["description"]
    assert "England" not in described("leeds-city-council")["description"]
    for slug, fields in SAID.CHANGES:
        assert described(slug) == {name: new for name, (_old, new) in fields.items()}


def test_the_descriptions_migration_brings_the_previous_seed_forward_once(seed_catalogue):
    SAID.undo(apps, None)
    assert described("leeds-city-council")["description"].startswith("Local authority")
    Organisation.objects.filter(slug="kuaishou").update(description="A curator's own words.")
    version = CatalogueVersion.current().number

    SAID.describe(apps, None)

    assert described("kuaishou")["description"] == "A curator's own words."
    assert described("leeds-city-council")["description"].startswith("One reader's comment")
    assert CatalogueVersion.current().number > version
    version = CatalogueVersion.current().number
    SAID.describe(apps, None)  # already brought forward: nothing to do
    assert CatalogueVersion.current().number == version


# --------------------------------------------------------------------------- background (0032)


def descriptions(model, slug):
    return model.objects.values("description", "description_zh").get(slug=slug)


BACKGROUND_DESCRIBED = [(Organisation, slug, fields) for slug, fields in BACKGROUND.ORGANISATIONS]
BACKGROUND_DESCRIBED += [(Platform, slug, fields) for slug, fields in BACKGROUND.PLATFORMS]

# Words the previous seed used that no document gives: a "national" body, what kind of firm
# or app it is, a country, whose app Kwai is. None of the descriptions uses them now.
BACKGROUND_WORDS = [
    "national",
    "Public university",
    "internet company",
    "investment firm",
    "Market research",
    "analytics firm",
    "group-buying",
    "word of mouth",
    "Training institute",
    "nonprofit",
    "public foundation",
    "children's charity",
    "messaging app",
    "US ",
    "Kuaishou's",
    "Tencent's microblogging",
]
BACKGROUND_WORDS_ZH = [
    "全国性",
    "国家",
    "公立",
    "互联网公司",
    "投资公司",
    "市场研究",
    "团购",
    "口碑",
    "培训机构",
    "公募",
    "慈善机构，",
    "即时通讯",
    "美国",
    "快手公司",
]


def test_no_description_gives_background_the_documents_do_not(seed_catalogue):
    for model, slug, fields in BACKGROUND_DESCRIBED:
        row = descriptions(model, slug)
        assert {name: row[name] for name in fields} == {
            name: new for name, (_old, new) in fields.items()
        }
    for model in (Organisation, Platform):
        for row in model.objects.all():
            assert not [word for word in BACKGROUND_WORDS if word in row.description], row.slug
            assert not [word for word in BACKGROUND_WORDS_ZH if word in row.description_zh], (
                row.slug
            )


def test_the_background_rewording_keeps_each_descriptions_sentences(seed_catalogue):
    """Each English description keeps its number of sentences (its evidence names them), and
    its Chinese says the same sentence for sentence: the Alliance's, two sentences before, is
    one now, as its English is."""
    for model, slug, fields in BACKGROUND_DESCRIBED:
        if "description" in fields:
            old, new = fields["description"]
            assert len(sentences(new)) == len(sentences(old)), slug
        row = descriptions(model, slug)
        assert len(sentences(row["description"])) == len(sentences(row["description_zh"], True)), (
            slug
        )
    for model in (Organisation, Platform):
        for row in model.objects.all():
            assert len(sentences(row.description)) == len(sentences(row.description_zh, True)), (
                row.slug
            )


def test_the_parts_no_document_gives_bytedance_or_kuaishou_are_marked_assumed(seed_catalogue):
    parts = Participation.objects.filter(organisation__slug__in=["bytedance", "kuaishou"])
    assert parts.count() == len(BACKGROUND.PARTICIPATIONS) == 9
    assert all(part.assumed for part in parts)
    for case, organisation, role, _fields in BACKGROUND.PARTICIPATIONS:
        assert Participation.objects.get(
            campaign__slug=case, organisation__slug=organisation, role=role
        ).assumed


def test_the_background_migration_brings_the_previous_seed_forward_once(seed_catalogue):
    BACKGROUND.undo(apps, None)  # the database as the previous seed left it
    assert descriptions(Organisation, "unc-wilmington")["description"].startswith(
        "Public university"
    )
    assert "美国" in descriptions(Platform, "facebook")["description_zh"]
    assert not case_note("sound-volume-plan", "bytedance").assumed
    Organisation.objects.filter(slug="sina").update(description="A curator's own words.")
    Platform.objects.filter(slug="wechat").update(description_zh="策展人自己的话。")
    case = Campaign.objects.get(slug="sound-volume-plan")
    version = CatalogueVersion.current().number
    stamped = case.updated_at

    BACKGROUND.describe(apps, None)

    assert descriptions(Organisation, "sina")["description"] == "A curator's own words."
    assert descriptions(Organisation, "sina")["description_zh"].startswith("中国互联网公司")
    assert descriptions(Platform, "wechat")["description"].startswith("Tencent's messaging")
    assert descriptions(Organisation, "unc-wilmington")["description"].startswith("University")
    assert descriptions(Platform, "facebook")["description_zh"].startswith("社交平台")
    assert case_note("sound-volume-plan", "bytedance").assumed
    case.refresh_from_db()
    assert case.updated_at > stamped
    assert CatalogueVersion.current().number > version
    version = CatalogueVersion.current().number
    BACKGROUND.describe(apps, None)  # already brought forward: nothing to do
    assert CatalogueVersion.current().number == version


# --------------------------------------------------------------------------- operators (0034)

OPERATORS = importlib.import_module("campaigns.migrations.0034_platform_operator_assumed")


def test_a_platform_whose_operator_no_document_names_says_so(client, seed_catalogue):
    assumed = set(Platform.objects.filter(operator_assumed=True).values_list("slug", flat=True))
    assert assumed == set(OPERATORS.INFERRED)

    douyin = client.get("/platforms/douyin/").content.decode()
    assert "ByteDance" in douyin and "(not stated by the source)" in douyin
    assert "not stated by the source" not in client.get("/platforms/wechat/").content.decode()
    assert client.get("/api/platforms/kwai").json()["operator_assumed"] is True
    assert client.get("/api/platforms/wechat").json()["operator_assumed"] is False


def test_the_operators_migration_marks_only_platforms_still_naming_that_operator(seed_catalogue):
    Platform.objects.update(operator_assumed=False)
    Platform.objects.filter(slug="kwai").update(operator=None)  # a curator's own change

    OPERATORS.mark(apps, None)

    assumed = set(Platform.objects.filter(operator_assumed=True).values_list("slug", flat=True))
    assert assumed == set(OPERATORS.INFERRED) - {"kwai"}
