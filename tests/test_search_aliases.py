"""Search aliases: the words readers use for the same thing, in English and Chinese, that a search
expands to (``campaigns/search/aliases.py``, ``text.Aliases``); what the seed's aliases make
everyday searches of the seed catalogue find first, on SQLite and PostgreSQL alike; "did you
mean" for Chinese names typed with a character of the same sound; the alias admin.

The suite runs on both databases (``DATABASE_URL``), so each expectation holds on both."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaigns.exporting import export_catalogue
from campaigns.models import (
    AliasKind,
    Campaign,
    CatalogueVersion,
    Cause,
    SearchAlias,
)
from campaigns.search import backends
from campaigns.search.aliases import read_aliases, search_aliases
from campaigns.search.backends import fts5_query, has_fts5
from campaigns.search.offers import chinese_correction, did_you_mean
from campaigns.search.text import Aliases, SearchTerms
from tests import factories

pytestmark = pytest.mark.django_db


def search(q):
    """The slugs of the published cases a search for ``q`` finds, best first."""
    return list(Campaign.objects.public().for_listing().search(q).values_list("slug", flat=True))


def alias(slug, words, reads_as="", kind=AliasKind.CAUSE):
    """An alias saved as the admin saves it (checked first)."""
    made = SearchAlias(slug=slug, kind=kind, words=words, reads_as=reads_as)
    made.full_clean()
    made.save()
    return made


# --------------------------------------------------------------------------- what a search reads


def test_a_word_of_an_alias_finds_the_cases_holding_any_of_its_words_in_either_language(db):
    factories.CampaignFactory(
        slug="virus", title="Apples sold in the pandemic", summary="Sales.", description="."
    )
    factories.CampaignFactory(
        slug="chinese", title="Oranges", title_zh="新冠疫情期间的脐橙", summary=".", description="."
    )
    factories.CampaignFactory(slug="other", title="Tea", summary="Sales.", description=".")
    assert search("coronavirus") == []

    alias("covid", "COVID\ncoronavirus\npandemic\n新冠\n抗疫")

    for q in ("coronavirus", "COVID", "pandemic", "新冠", "抗疫"):
        assert sorted(search(q)) == ["chinese", "virus"], q


def test_an_alias_read_as_goes_one_way(db):
    factories.CampaignFactory(slug="wechat", title="Donations inside WeChat", summary=".")
    factories.CampaignFactory(slug="weixin", title="Weixin groups", summary=".")
    alias("wechat", "Weixin", reads_as="WeChat", kind=AliasKind.PLATFORM)

    assert sorted(search("Weixin")) == ["wechat", "weixin"]
    assert search("WeChat") == ["wechat"]


def test_english_words_of_an_alias_are_matched_by_their_stems(db):
    factories.CampaignFactory(slug="gifts", title="Crowdfunding for schools", summary=".")
    alias("donations", "donate, crowdfunding")

    assert search("donated") == ["gifts"]
    assert search("donating schools") == ["gifts"]


def test_a_chinese_word_of_an_alias_is_read_inside_a_longer_run(db):
    factories.CampaignFactory(
        slug="yaan", title="Ya'an earthquake", title_zh="雅安地震", summary=".", description="."
    )
    factories.CampaignFactory(
        slug="lushan-flood", title="Floods", title_zh="芦山洪水", summary=".", description="."
    )
    assert search("芦山地震") == []

    alias("yaan", "Ya'an\nYa-an\n雅安\nLushan\n芦山", kind=AliasKind.PLACE)

    assert search("芦山地震") == ["yaan"]
    assert search("Lushan earthquake") == ["yaan"]


def test_ya_an_is_read_as_yaan_not_as_two_short_words(db):
    factories.CampaignFactory(slug="yaan", title="Ya'an earthquake", summary=".", description=".")
    # Holds the words ya and an, which a search for "ya an" read as two words finds.
    factories.CampaignFactory(
        slug="decoy", title="Ya Lan wrote an account of the floods", summary=".", description="."
    )
    assert sorted(search("Ya-an")) == ["decoy", "yaan"]

    alias("yaan", "Ya'an\nYa-an\n雅安", kind=AliasKind.PLACE)

    assert search("Ya-an") == ["yaan"]
    assert search("ya an") == ["yaan"]


def test_an_alias_expands_a_search_by_a_few_or_terms_only():
    aliases = Aliases(
        [
            (["COVID", "COVID-19", "coronavirus", "新冠肺炎", "新冠"], ""),
            (["Weixin"], "WeChat"),
            (["live stream"], "直播"),
        ]
    )

    assert SearchTerms.parse("covid farmers", aliases).tsquery() == (
        "(('coronavirus' | 'covid' | 'covid19' | '新冠') & 'farmers')"
    )
    # One way: WeChat itself is not expanded.
    assert SearchTerms.parse("wechat", aliases).tsquery() == "'wechat'"
    assert SearchTerms.parse("weixin", aliases).tsquery() == "('wechat' | 'weixin')"
    # A phrase of two words is also one word, as a search of it is (live stream, livestream).
    assert SearchTerms.parse("live streams", aliases).tsquery() == (
        "(('live' & 'stream') | 'livestream' | '直播')"
    )
    assert SearchTerms.parse("covid farmers").tsquery() == (
        "(('covid' & 'farmers') | 'covidfarmers')"
    )


def test_editing_an_alias_changes_what_a_search_finds_without_writing_any_document(db):
    case = factories.CampaignFactory(slug="tb", title="Tuberculosis awareness", summary=".")
    made = alias("tb", "tuberculosis, 结核病")
    document = Campaign.objects.values_list("search_text", flat=True).get(pk=case.pk)
    assert search("结核病") == ["tb"]
    assert search("TB") == []

    made.words = "tuberculosis\n结核病\nTB"
    made.save()

    assert search("TB") == ["tb"]
    assert Campaign.objects.values_list("search_text", flat=True).get(pk=case.pk) == document
    made.delete()
    assert search("TB") == []


def test_saving_an_alias_is_a_new_version_of_the_catalogue(db):
    before = CatalogueVersion.current().key
    made = alias("tb", "tuberculosis, TB")
    after_adding = CatalogueVersion.current().key
    made.delete()

    assert after_adding != before
    assert CatalogueVersion.current().key != after_adding


def test_the_aliases_are_read_once_per_catalogue_version(db, django_assert_num_queries):
    factories.CampaignFactory(slug="tb", title="Tuberculosis awareness", summary=".")
    alias("tb", "tuberculosis, TB")

    with django_assert_num_queries(3):  # the version, the aliases, the search
        assert search("TB") == ["tb"]
    with django_assert_num_queries(2):  # the version, the search
        assert search("TB") == ["tb"]
    kept = search_aliases()
    alias("more", "smoking, tobacco")  # a new version: read again
    assert search_aliases() is not kept


def test_a_searching_reader_s_request_reads_the_aliases_only_when_the_version_is_new(
    client, django_assert_num_queries
):
    factories.CampaignFactory(slug="tb", title="Tuberculosis awareness", summary=".")
    alias("tb", "tuberculosis, TB")
    client.get("/campaigns/?q=TB")  # the aliases of this version are read once …
    address = "/campaigns/?q=TB&sort=title"  # … and another search of the same version

    # As many as the page ran before there were aliases: the version is read once, for the
    # page cache and the search alike. (On PostgreSQL the search's count runs four statements
    # more in a test's transaction: ``count_matches``.)
    with django_assert_num_queries(14 if connection.vendor == "postgresql" else 10) as caught:
        response = client.get(address)

    assert response.status_code == 200
    assert response.context["paginator"].count == 1
    assert not [q for q in caught.captured_queries if "campaigns_searchalias" in q["sql"]]
    assert len([q for q in caught.captured_queries if '."epoch"' in q["sql"]]) == 1


def test_a_search_of_no_word_reads_no_alias(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert list(Campaign.objects.public().search("!!! ?")) == []


# --------------------------------------------------------------------------- an alias's words


@pytest.mark.parametrize(
    ("words", "reads_as", "field", "message"),
    [
        ("COVID", "", "words", "Give at least two words that mean the same"),
        ("COVID\n!!!", "", "words", "“!!!” holds no letter or digit to search for."),
        ("one two three four five\nsix", "", "words", "is longer than 4 words"),
        ("\n".join(f"word{n}" for n in range(13)), "", "words", "at most 12 words and phrases"),
        ("Weixin", "a b c d e", "reads_as", "is longer than 4 words"),
    ],
)
def test_an_alias_that_cannot_be_searched_is_refused_with_a_message(
    db, words, reads_as, field, message
):
    made = SearchAlias(slug="bad", kind=AliasKind.CAUSE, words=words, reads_as=reads_as)

    with pytest.raises(ValidationError) as refused:
        made.full_clean()

    assert message in " ".join(refused.value.message_dict[field])


def test_an_alias_s_words_are_kept_one_a_line_each_once(db):
    made = alias("covid", "COVID, coronavirus，新冠、抗疫\n\n covid \ncoronavirus")

    assert made.words == "COVID\ncoronavirus\n新冠\n抗疫"
    assert str(made) == "COVID, coronavirus, 新冠, 抗疫"


# --------------------------------------------------------------------------- did you mean


def test_a_chinese_name_typed_with_a_character_of_the_same_sound_is_put_right():
    names = ["新冠肺炎", "雅安", "芦山"]

    assert chinese_correction("雅按", names) == "雅安"
    assert chinese_correction("雅按地震", names) == "雅安地震"
    assert chinese_correction("卢山", names) == "芦山"
    # Another sound is another word, not a slip: 雅图 (tú) is left alone.
    assert chinese_correction("雅图", names) == "雅图"
    assert chinese_correction("雅安", names) == "雅安"


def test_the_list_offers_the_chinese_place_a_misspelt_search_meant(client):
    factories.CampaignFactory(
        slug="yaan", title="Ya'an earthquake", title_zh="雅安地震", summary=".", description="."
    )
    alias("yaan", "Ya'an\n雅安\n芦山", kind=AliasKind.PLACE)

    response = client.get("/campaigns/", {"q": "雅按"})

    assert response.status_code == 200
    assert response.context["paginator"].count == 0
    assert response.context["suggestion"] == "雅安"


def test_did_you_mean_knows_the_aliases_english_words(db):
    factories.CampaignFactory(slug="virus", title="Apples sold in the pandemic", summary=".")
    alias("covid", "COVID\ncoronavirus\npandemic")

    assert did_you_mean("coronavirsu", lambda q: Campaign.objects.search(q).exists()) == (
        "coronavirus"
    )


# --------------------------------------------------------------------------- facet words


def test_yiqing_is_not_a_public_health_word(db):
    factories.CampaignFactory(
        slug="tb",
        title="Tuberculosis awareness",
        summary="Posters.",
        description=".",
        cause=Cause.PUBLIC_HEALTH,
    )

    assert search("公共卫生") == ["tb"]
    assert search("疫情") == []


# --------------------------------------------------------------------------- the admin


def test_a_reviewer_adds_an_alias_in_the_admin_and_searches_follow(reviewer):
    factories.CampaignFactory(slug="tobacco", title="World No Tobacco Day", summary=".")
    assert search("smoking") == []

    response = reviewer.post(
        reverse("admin:campaigns_searchalias_add"),
        {"slug": "tobacco", "kind": "cause", "words": "smoking, 吸烟", "reads_as": "tobacco"},
    )

    assert response.status_code == 302, response.context and response.context["errors"]
    assert SearchAlias.objects.get(slug="tobacco").words == "smoking\n吸烟"
    assert search("smoking") == ["tobacco"]
    assert search("吸烟") == ["tobacco"]


def test_the_alias_form_says_what_is_wrong(reviewer):
    response = reviewer.post(
        reverse("admin:campaigns_searchalias_add"),
        {"slug": "lonely", "kind": "cause", "words": "COVID", "reads_as": ""},
    )

    assert response.status_code == 200
    assert "Give at least two words that mean the same" in response.content.decode()
    assert not SearchAlias.objects.exists()


def test_an_editor_sees_the_aliases_but_does_not_edit_them(editor):
    alias("tb", "tuberculosis, TB")

    listed = editor.get(reverse("admin:campaigns_searchalias_changelist"))
    adding = editor.get(reverse("admin:campaigns_searchalias_add"))

    assert listed.status_code == 200
    assert "tuberculosis, TB" in listed.content.decode()
    assert adding.status_code == 403


def test_the_alias_list_runs_the_same_queries_however_many_aliases(reviewer):
    alias("a", "one, two")
    reviewer.get(reverse("admin:campaigns_searchalias_changelist"))

    with CaptureQueriesContext(connection) as few:
        assert reviewer.get(reverse("admin:campaigns_searchalias_changelist")).status_code == 200
    for n in range(20):
        alias(f"more-{n}", f"word{n}, other{n}")
    with CaptureQueriesContext(connection) as many:
        assert reviewer.get(reverse("admin:campaigns_searchalias_changelist")).status_code == 200

    assert len(many.captured_queries) == len(few.captured_queries)


# --------------------------------------------------------------------------- the seed's aliases


def test_the_seed_aliases_are_exported_as_the_fixture_holds_them(seed_catalogue, db, tmp_path):
    from campaigns.loading import seed_fixture_paths

    export_catalogue(directory=tmp_path)

    seed = next(path for path in seed_fixture_paths() if path.name == "search_aliases.json")
    assert (tmp_path / "search_aliases.json").read_bytes() == seed.read_bytes()
    assert len(json.loads(seed.read_text())) == SearchAlias.objects.count() > 10


def test_every_seed_alias_passes_the_admin_s_checks(seed_catalogue, db):
    for made in SearchAlias.objects.all():
        made.full_clean()
    assert len(read_aliases().english) > 20


COVID = {
    "county-girl-xigua-video",
    "fighting-the-virus-helping-the-farmers",
    "kwai-agricultural-assistance",
    "song-xiaoying-apple-live-stream",
    "tencent-wesee-agricultural-assistance",
    "wang-shuai-flower-videos-wesee",
    "wesee-navel-orange-video",
    "xigua-video-county-magistrates-live-streams",
}
"""The eight cases of 2020, in the pandemic."""

YAAN = {
    "yaan-earthquake-china-earthquake-network-alert",
    "yaan-earthquake-missing-person-search",
    "yaan-earthquake-wechat-volunteers",
    "yaan-earthquake-weibo-fundraising",
}
"""The four cases of the 2013 Lushan earthquake in Ya'an."""

DONATIONS = {
    "sina-weibo-free-lunch-and-season-of-giving",
    "wechat-in-app-charitable-donations",
    "yaan-earthquake-weibo-fundraising",
}
WECHAT = {"wechat-in-app-charitable-donations", "yaan-earthquake-wechat-volunteers"}
DOUYIN = {
    "fighting-the-virus-helping-the-farmers",
    "mountain-products-on-toutiao",
    "sound-volume-plan",
}
KWAI = {
    "greenovation-hub-kwai-madrid-climate-conference",
    "kwai-agricultural-assistance",
    "kwai-rural-support-plans",
}
TOBACCO = {"world-no-tobacco-day-passive-smoking"}
TB = {"tb-awareness-ministry-of-health"}
TRAFFICKING = {
    "take-photos-to-save-kidnapped-children",
    "weibo-taking-photos-to-save-girls-and-guys",
}
LIVE_SELLING = {
    "county-girl-xigua-video",
    "ecommerce-targeted-poverty-alleviation-villages",
    "kwai-agricultural-assistance",
    "kwai-rural-support-plans",
    "mountain-products-on-toutiao",
    "song-xiaoying-apple-live-stream",
    "tencent-wesee-agricultural-assistance",
    "wang-shuai-flower-videos-wesee",
    "wesee-navel-orange-video",
    "xigua-video-county-magistrates-live-streams",
}
LIVE_STREAM_SALES = {
    "song-xiaoying-apple-live-stream",
    "xigua-video-county-magistrates-live-streams",
    # Its own text speaks of live broadcast marketing in the villages it reached.
    "ecommerce-targeted-poverty-alleviation-villages",
}
"""What selling by live stream finds: the live streams that sold (the format and the approach
together), not every case that sold produce online."""
RURAL = LIVE_SELLING | {
    "fighting-the-virus-helping-the-farmers",
    "greenovation-hub-kwai-madrid-climate-conference",
}
POVERTY = LIVE_SELLING | {"fighting-the-virus-helping-the-farmers", "sound-volume-plan"}
SHORT_VIDEO = {
    "county-girl-xigua-video",
    "fighting-the-virus-helping-the-farmers",
    "greenovation-hub-kwai-madrid-climate-conference",
    "kwai-agricultural-assistance",
    "kwai-rural-support-plans",
    "sound-volume-plan",
    "tencent-wesee-agricultural-assistance",
    "wang-shuai-flower-videos-wesee",
    "wesee-navel-orange-video",
}

EVERYDAY_SEARCHES = [
    # English
    ("donated", "sina-weibo-free-lunch-and-season-of-giving", DONATIONS),
    ("donors", "sina-weibo-free-lunch-and-season-of-giving", DONATIONS),
    ("crowdfunding", "sina-weibo-free-lunch-and-season-of-giving", DONATIONS),
    ("coronavirus", "fighting-the-virus-helping-the-farmers", COVID),
    ("COVID", "fighting-the-virus-helping-the-farmers", COVID),
    ("pandemic", "fighting-the-virus-helping-the-farmers", COVID),
    ("COVID farmers", None, COVID),
    ("Ya-an", "yaan-earthquake-china-earthquake-network-alert", YAAN),
    ("ya an", "yaan-earthquake-china-earthquake-network-alert", YAAN),
    ("Lushan", "yaan-earthquake-china-earthquake-network-alert", YAAN),
    ("Lushan earthquake", "yaan-earthquake-china-earthquake-network-alert", YAAN),
    ("quake", "yaan-earthquake-china-earthquake-network-alert", YAAN),
    ("Sichuan", "yaan-earthquake-china-earthquake-network-alert", YAAN),
    (
        "earthquake donations",
        "yaan-earthquake-weibo-fundraising",
        {"yaan-earthquake-weibo-fundraising"},
    ),
    ("Weixin", "wechat-in-app-charitable-donations", WECHAT),
    ("TikTok", "fighting-the-virus-helping-the-farmers", DOUYIN),
    ("Kuaishou", "kwai-agricultural-assistance", KWAI),
    ("smoking", "world-no-tobacco-day-passive-smoking", TOBACCO),
    ("passive smoking", "world-no-tobacco-day-passive-smoking", TOBACCO),
    ("kidnapping", "take-photos-to-save-kidnapped-children", TRAFFICKING),
    ("trafficking", None, TRAFFICKING),
    ("tuberculosis", "tb-awareness-ministry-of-health", TB),
    ("TB", "tb-awareness-ministry-of-health", TB),
    ("rural revitalization", "kwai-rural-support-plans", RURAL),
    ("poverty relief", "wesee-navel-orange-video", POVERTY),
    # On SQLite too "live" finds the words whose stem is "live", not "livelihoods" (the rural
    # cause's name), which merely starts with it.
    ("live commerce", "song-xiaoying-apple-live-stream", LIVE_STREAM_SALES),
    ("short video", "wesee-navel-orange-video", SHORT_VIDEO),
    # Chinese
    ("捐款", "sina-weibo-free-lunch-and-season-of-giving", DONATIONS),
    ("众筹", "sina-weibo-free-lunch-and-season-of-giving", DONATIONS),
    ("新冠", "fighting-the-virus-helping-the-farmers", COVID),
    ("新冠肺炎", "fighting-the-virus-helping-the-farmers", COVID),
    ("抗疫", "fighting-the-virus-helping-the-farmers", COVID),
    ("疫情", "fighting-the-virus-helping-the-farmers", COVID),
    ("新冠 助农", None, COVID),
    ("芦山地震", "yaan-earthquake-china-earthquake-network-alert", YAAN),
    ("雅安", "yaan-earthquake-china-earthquake-network-alert", YAAN),
    ("四川", "yaan-earthquake-china-earthquake-network-alert", YAAN),
    ("微信", "wechat-in-app-charitable-donations", WECHAT),
    ("抖音", "fighting-the-virus-helping-the-farmers", DOUYIN),
    ("吸烟", "world-no-tobacco-day-passive-smoking", TOBACCO),
    ("拐卖", "take-photos-to-save-kidnapped-children", TRAFFICKING),
    ("打拐", "take-photos-to-save-kidnapped-children", TRAFFICKING),
    ("结核病", "tb-awareness-ministry-of-health", TB),
    ("乡村振兴", "kwai-rural-support-plans", RURAL),
    ("扶贫", "wesee-navel-orange-video", POVERTY),
    ("直播卖货", "song-xiaoying-apple-live-stream", LIVE_STREAM_SALES),
    ("短视频", "wesee-navel-orange-video", SHORT_VIDEO),
]
"""Everyday searches of the seed catalogue with its aliases, in both languages: the case that
comes first (the same on SQLite, whose rank is a title holding the search or one of its
alias's words, then the newest, as on PostgreSQL, whose rank is full text search's; None where
the two databases rank the cases differently) and every case found."""


@pytest.mark.parametrize(
    ("q", "first", "expected"),
    EVERYDAY_SEARCHES,
    ids=[search[0] if isinstance(search, tuple) else search.id for search in EVERYDAY_SEARCHES],
)
def test_an_everyday_search_finds_the_cases_a_reader_means_the_best_first(
    seed_catalogue, db, q, first, expected
):
    found = search(q)

    assert set(found) == expected
    if first is not None:
        assert found[0] == first


def fts5_query_for(q, aliases):
    """The FTS5 query SQLite runs for the search ``q``, as the database works it out."""
    expression, params = fts5_query(SearchTerms.parse(q, aliases))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {expression}", params)
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "sqlite" or not has_fts5(), reason="SQLite's FTS5 query")
def test_an_alias_is_an_fts5_alternative_of_the_quoted_words_of_each_stem(db):
    factories.CampaignFactory(
        slug="weixin",
        title="WeChat donations",
        summary="Donated through Weixin after the 雅安地震; livelihoods, lives.",
    )
    aliases = Aliases([(["Weixin"], "WeChat"), (["芦山", "雅安"], "")])

    assert fts5_query_for("Weixin donated", aliases) == (
        '((("wechat") OR ("weixin")) AND ("donated" OR "donations"))'
    )
    assert fts5_query_for("芦山地震", aliases) == '(("芦山" OR "雅安") AND "地震")'
    assert fts5_query_for("live", aliases) == '("lives")'  # not "livelihoods"
    assert fts5_query_for("nothing", aliases) == '"noth"'  # no such word: the stem


@pytest.mark.parametrize("q", ["TB", "结核病", "Ya-an"])
def test_without_fts5_an_alias_finds_the_same_cases(db, monkeypatch, q):
    factories.CampaignFactory(slug="tb", title="Tuberculosis awareness", summary=".")
    factories.CampaignFactory(slug="yaan", title="Ya'an earthquake", summary=".")
    alias("tb", "tuberculosis, TB, 结核病")
    alias("yaan", "Ya'an, Ya-an, 雅安", kind=AliasKind.PLACE)
    found = search(q)

    monkeypatch.setattr(backends, "has_fts5", lambda: False)

    assert search(q) == found
    assert len(found) == 1


def test_an_alias_s_change_and_history_pages_open_and_a_change_is_a_revision(reviewer):
    factories.CampaignFactory(slug="tb", title="Tuberculosis awareness", summary=".")
    made = alias("tb", "tuberculosis, 结核病")
    change = reverse("admin:campaigns_searchalias_change", args=[made.pk])
    page = reviewer.get(change)
    assert page.status_code == 200
    data = {
        name: value
        for name, value in page.context["adminform"].form.initial.items()
        if name in {"slug", "kind", "words", "reads_as", "note"}
    }
    token = page.context["adminform"].form["edit_token"].value()

    response = reviewer.post(change, {**data, "words": "tuberculosis\nTB", "edit_token": token})

    assert response.status_code == 302, response.context and response.context["errors"]
    assert search("TB") == ["tb"]
    history = reviewer.get(reverse("admin:campaigns_searchalias_history", args=[made.pk]))
    assert history.status_code == 200
    assert "TB" in history.content.decode()
