"""What a careful reader notices (issue: readers): filter options with their counts and no
empty ones, tags in reading order, one site name, a place named once, a timeline with its gaps."""

import datetime
import html
import re

import pytest
from django.utils import translation

from campaigns.filters import CampaignFilterForm
from campaigns.models import Cause
from tests import factories
from tests.pages import contains_html, page, text

pytestmark = pytest.mark.django_db


def options(page, name):
    """The (value, text) of a select's options on a page."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S).group(1)
    return [
        (value, html.unescape(text))
        for value, text in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
    ]


def test_filter_options_show_their_counts_and_hide_causes_with_no_case(client, db):
    for number in range(3):
        factories.CampaignFactory(slug=f"relief-{number}", cause=Cause.DISASTER_RELIEF)
    factories.CampaignFactory(slug="farm", cause=Cause.RURAL_LIVELIHOODS)

    page = client.get("/campaigns/").content.decode()

    causes = options(page, "cause")
    assert ("disaster_relief", "Disaster relief · 3") in causes
    assert ("rural_livelihoods", "Rural livelihoods and agriculture · 1") in causes
    assert not [value for value, _text in causes if value == "education"]


def test_a_cause_with_no_case_asked_for_in_the_address_finds_nothing_quietly(client, db):
    factories.CampaignFactory(slug="farm", cause=Cause.RURAL_LIVELIHOODS)

    everything = client.get("/campaigns/")
    response = client.get("/campaigns/", {"cause": "education"})

    assert [case.slug for case in everything.context["page"]] == ["farm"]
    assert response.status_code == 200
    assert list(response.context["page"]) == []
    assert "No cases match" in response.content.decode()
    assert not response.context["form"].notes


def test_the_chip_of_a_filter_in_use_names_it_without_its_count(client, db):
    factories.CampaignFactory(slug="farm", cause=Cause.RURAL_LIVELIHOODS)

    response = client.get("/campaigns/", {"cause": "rural_livelihoods"})

    [chip] = response.context["form"].active_filters
    assert chip.value == "Rural livelihoods and agriculture"


def test_tags_are_offered_in_reading_order_whatever_their_capitals(db):
    factories.CampaignFactory(slug="a", tags=["COVID-19", "agriculture", "Weibo", "charity"])

    form = CampaignFilterForm({})

    names = [label.name for value, label in form.fields["tag"].choices if value]
    assert names == ["agriculture", "charity", "COVID-19", "Weibo"]


def test_chinese_tags_are_offered_by_their_pinyin(db):
    factories.CampaignFactory(slug="a", tags=["public welfare", "earthquake", "rural"])
    from campaigns.models import Tag

    for name, chinese in (("public welfare", "公益"), ("earthquake", "地震"), ("rural", "乡村")):
        Tag.objects.filter(name=name).update(name_zh=chinese)

    with translation.override("zh-hans"):
        form = CampaignFilterForm({})
        names = [label.name for value, label in form.fields["tag"].choices if value]

    assert names == ["地震", "公益", "乡村"]  # dìzhèn, gōngyì, xiāngcūn


def test_a_place_that_names_its_country_is_not_followed_by_it_again(client, db):
    factories.CampaignFactory(slug="cop25", location="Madrid, Spain", country="ES")

    page = re.sub(r"<[^>]+>", "", client.get("/campaigns/cop25/").content.decode())

    assert "Madrid, Spain" in page
    assert "Spain, Spain" not in page


def test_the_timeline_shows_years_with_no_case_and_heads_its_table_year(client, db):
    factories.CampaignFactory(slug="old", start_date=datetime.date(2013, 4, 20))
    factories.CampaignFactory(slug="new", start_date=datetime.date(2016, 1, 1))

    response = client.get("/timeline/")

    page = response.content.decode()
    assert contains_html(page, '<th scope="col">Year</th>')
    years = re.findall(r'<tr><th scope="row">(?:<a href="#year-\d+">)?(\d{4})', page)
    assert years == ["2013", "2014", "2015", "2016"]
    assert '<a href="#year-2014">' not in page  # an empty year has no section to link to


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/data/", "if you credit “Social Media for Social Good”"),
        ("/api/openapi.json", "Social Media for Social Good API"),
        ("/admin/login/", "<title>Log in | Social Media for Social Good</title>"),
    ],
)
def test_the_site_has_one_name_everywhere(client, db, path, text):
    response = client.get(path)

    body = html.unescape(response.content.decode())
    assert text in body
    assert "socialgood catalogue" not in body


# --------------------------------------------------------------------------- reading order


def names_on(client, url, pattern):
    return re.findall(pattern, html.unescape(client.get(url).content.decode()))


@pytest.fixture
def named_in_both_languages(db):
    """Platforms, tags and cases whose English and pinyin orders differ, with capitals."""
    platforms = [
        factories.PlatformFactory(name="WeChat", name_zh="微信", slug="wechat"),
        factories.PlatformFactory(name="baidu", name_zh="百度", slug="baidu"),
        factories.PlatformFactory(name="Kwai", name_zh="快手", slug="kwai"),
        factories.PlatformFactory(name="Facebook", name_zh="", slug="facebook"),
    ]
    for index, (title, title_zh) in enumerate(
        [("apple sales", "苹果销售"), ("Zebra rescue", "斑马救助"), ("Mask drive", "口罩募集")]
    ):
        factories.CampaignFactory(
            slug=f"case-{index}", title=title, title_zh=title_zh, platforms=platforms
        )
    return platforms


def test_english_lists_ignore_capitals_and_chinese_lists_sort_by_pinyin(
    client, named_in_both_languages
):
    link = r'<a href="/(?:zh-hans/)?platforms/([a-z]+)/"'
    assert names_on(client, "/platforms/", link) == ["baidu", "facebook", "kwai", "wechat"]
    # 百度 bǎidù, Facebook, 快手 kuàishǒu, 微信 wēixìn
    assert names_on(client, "/zh-hans/platforms/", link) == ["baidu", "facebook", "kwai", "wechat"]

    cases = r'<a href="/(?:zh-hans/)?campaigns/(case-\d)/"'
    assert names_on(client, "/campaigns/?sort=title", cases) == ["case-0", "case-2", "case-1"]
    # 斑马 bānmǎ, 口罩 kǒuzhào, 苹果 píngguǒ
    assert names_on(client, "/zh-hans/campaigns/?sort=title", cases) == [
        "case-1",
        "case-2",
        "case-0",
    ]


def test_a_renamed_platform_moves_in_the_chinese_list(client, named_in_both_languages):
    facebook = named_in_both_languages[3]
    facebook.name_zh = "脸书"  # liǎnshū: after 快手 kuàishǒu
    facebook.save()

    link = r'<a href="/zh-hans/platforms/([a-z]+)/"'
    assert names_on(client, "/zh-hans/platforms/", link) == ["baidu", "kwai", "facebook", "wechat"]


def test_the_about_page_says_what_the_catalogue_does_now(client, db):
    words = text(page(client, "/about/"))

    assert "in APA, GB/T 7714 and BibTeX" in words
    assert "“up to” and “under” repeat the source's own hedging, on pages and in charts" in words
    assert "the source's own conversion" in words
    chinese = text(page(client, "/zh-hans/about/"))
    assert "APA、GB/T 7714 和 BibTeX" in chinese and "“不到”" in chinese
