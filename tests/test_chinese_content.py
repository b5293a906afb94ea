"""Chinese pages show the Chinese text of every content field that has one, and mark English
standing in for Chinese where a record has none yet; English pages stay English."""

import datetime
import html
import re

import pytest

from campaigns.models import Campaign
from tests import factories

pytestmark = pytest.mark.django_db

ENGLISH = {
    "summary": "Farmers sold flood-hit crops in live streams.",
    "description": "County officials hosted live streams after the flood.",
    "location": "Shouguang, Shandong",
    "note": "hosted the streams",
    "period": "in three days",
    "organisation": "A county government that ran the streams.",
    "platform": "A short-video platform with live commerce.",
    "source": "A report the county published after the flood.",
}
CHINESE = {
    "summary": "农民在直播中出售受灾农产品。",
    "description": "洪灾过后，县里的干部主持了直播。",
    "location": "山东寿光",
    "note": "主持直播",
    "period": "三天内",
    "organisation": "主持直播的县政府。",
    "platform": "带直播电商功能的短视频平台。",
    "source": "县里在洪灾后发布的报告。",
}


def build_case(chinese=True):
    zh = CHINESE if chinese else dict.fromkeys(CHINESE, "")
    source = factories.SourceFactory(
        slug="county-report", title="County report", note=ENGLISH["source"], note_zh=zh["source"]
    )
    platform = factories.PlatformFactory(
        slug="kwai",
        name="Kwai",
        name_zh="快手",
        description=ENGLISH["platform"],
        description_zh=zh["platform"],
    )
    organisation = factories.OrganisationFactory(
        slug="shouguang",
        name="Shouguang County",
        name_zh="寿光县",
        description=ENGLISH["organisation"],
        description_zh=zh["organisation"],
    )
    campaign = factories.CampaignFactory(
        slug="flood-crops",
        title="Flood crops",
        title_zh="洪灾农产品",
        summary=ENGLISH["summary"],
        summary_zh=zh["summary"],
        description=ENGLISH["description"],
        description_zh=zh["description"],
        location=ENGLISH["location"],
        location_zh=zh["location"],
        sources=[source],
        platforms=[platform],
        tags=["floods"],
        start_date=datetime.date(2021, 7, 1),
    )
    factories.ParticipationFactory(
        campaign=campaign, organisation=organisation, note=ENGLISH["note"], note_zh=zh["note"]
    )
    factories.FigureFactory(
        campaign=campaign, source=source, period=ENGLISH["period"], period_zh=zh["period"]
    )
    return campaign


PAGES = [
    "/zh-hans/",
    "/zh-hans/campaigns/",
    "/zh-hans/campaigns/flood-crops/",
    "/zh-hans/compare/?c=flood-crops&c=other-case",
    "/zh-hans/figures/",
    "/zh-hans/organisations/shouguang/",
    "/zh-hans/platforms/kwai/",
    "/zh-hans/sources/county-report/",
    "/zh-hans/tags/floods/",
]


def page_text(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("path", PAGES)
def test_chinese_pages_show_no_english_content_field_that_has_chinese(client, path):
    build_case()
    factories.CampaignFactory(slug="other-case", summary="Another case entirely.")

    page = page_text(client, path)

    shown = [key for key, text in ENGLISH.items() if text in page]
    assert shown == [], f"{path} shows the English {shown}"
    assert any(text in page for text in CHINESE.values()), path


@pytest.mark.parametrize("path", PAGES)
def test_english_standing_in_for_chinese_is_marked(client, path):
    build_case(chinese=False)
    factories.CampaignFactory(slug="other-case", summary="Another case entirely.")

    page = page_text(client, path)

    for key, text in ENGLISH.items():
        if text in page:
            # Marked as English, and followed by the "English only" note (after the case
            # page's mark of a sentence that is our summary, if it has one).
            unsourced = r'(?:<sup class="unsourced-mark" title="[^"]*">†</sup>)?'
            assert re.search(
                r'lang="en">(?:<p>)?'
                + re.escape(text)
                + unsourced
                + r'.{0,40}english-only">仅有英文',
                page,
                re.S,
            ), f"{path}: {key} is not marked"


def test_english_pages_show_the_english_text(client):
    build_case()

    page = page_text(client, "/campaigns/flood-crops/")

    for key in ("summary", "description", "location", "note", "period"):
        assert ENGLISH[key] in page
    assert "English only" not in page
    assert Campaign.objects.get().summary_zh == CHINESE["summary"]


def test_the_api_and_the_downloads_carry_the_chinese_texts(client):
    build_case()

    data = client.get("/api/campaigns/flood-crops").json()
    csv_text = client.get("/campaigns/export.csv").getvalue().decode()

    assert data["summary_zh"] == CHINESE["summary"]
    assert data["description_zh"] == CHINESE["description"]
    assert data["location_zh"] == CHINESE["location"]
    assert data["participants"][0]["note_zh"] == CHINESE["note"]
    assert data["figures"][0]["period_zh"] == CHINESE["period"]
    assert CHINESE["summary"] in csv_text and CHINESE["location"] in csv_text


def test_a_chinese_summary_is_found_by_search(client):
    build_case()

    response = client.get("/zh-hans/campaigns/", {"q": "受灾"})

    assert [c.slug for c in response.context["page"]] == ["flood-crops"]
