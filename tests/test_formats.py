"""Formats: what form a case took (a live stream, short videos, microblog posts …), apart from
its approach; a case may take several. The seed's formats as its documents state them, the
filter on the list, the downloads and the API, the counts in the stored summary, the records,
the case page and the search document."""

import csv
import importlib
import io
import json

import pytest
from django.core.exceptions import ValidationError

from campaigns import downloads
from campaigns.loading import load_catalogue
from campaigns.models import Campaign, CatalogueSummary, Format, Status
from tests import factories
from tests.pages import campaign_form_data, change_url, changelist_url, contains_html, page

pytestmark = pytest.mark.django_db

SEED_FORMATS = {
    "tb-awareness-ministry-of-health": "",
    "world-no-tobacco-day-passive-smoking": "",
    "yaan-earthquake-weibo-fundraising": "online_donation",
    "yaan-earthquake-china-earthquake-network-alert": "",
    "yaan-earthquake-missing-person-search": "search",
    "yaan-earthquake-wechat-volunteers": "messaging",
    "wechat-in-app-charitable-donations": "online_donation",
    "sina-weibo-free-lunch-and-season-of-giving": "microblog_post,online_donation",
    "unc-wilmington-students-save-sports-teams": "social_network_group",
    "leeds-city-council-trulysocial": "",
    "take-photos-to-save-kidnapped-children": "microblog_post,photo",
    "weibo-taking-photos-to-save-girls-and-guys": "microblog_post,photo",
    "sina-voicemail-weibo-launch": "microblog_post,audio_message",
    "budweiser-lovers-matching-mini-game": "microblog_post,online_game",
    "mengniu-lovers-wishes": "microblog_post,website",
    "groupon-china-launch-gaopeng": "website",
    "tencent-wesee-agricultural-assistance": "short_video,online_store",
    "wesee-navel-orange-video": "short_video",
    "wang-shuai-flower-videos-wesee": "short_video,online_store",
    "kwai-agricultural-assistance": "short_video,online_store",
    "kwai-rural-support-plans": "short_video",
    "fighting-the-virus-helping-the-farmers": "",
    "mountain-products-on-toutiao": "",
    "song-xiaoying-apple-live-stream": "live_stream",
    "xigua-video-county-magistrates-live-streams": "live_stream",
    "county-girl-xigua-video": "short_video",
    "greenovation-hub-kwai-madrid-climate-conference": "live_stream,short_video",
    "sound-volume-plan": "",
    "ecommerce-targeted-poverty-alleviation-villages": "online_store",
}
"""Each seed case's formats, as its document states them (the CGPI article's live rooms and
live broadcasts, its short videos and shopping links; the IWOM digest's Weibo posts, photos,
audio posts, mini game and event pages; the Gates posts' online donations, shared search and
WeChat), none where the document does not say (the TB and tobacco campaigns, the earthquake
network's post on an unnamed service, Leeds's culture shift, the ministry's and Toutiao's
activities, the Sound Volume Plan)."""

LIVE_STREAMS = [
    "greenovation-hub-kwai-madrid-climate-conference",
    "song-xiaoying-apple-live-stream",
    "xigua-video-county-magistrates-live-streams",
]


def slugs(queryset):
    return sorted(queryset.values_list("slug", flat=True))


# --------------------------------------------------------------------------- the seed


def test_every_seed_case_has_the_formats_its_document_states(seed_catalogue, db):
    assert dict(Campaign.objects.values_list("slug", "formats")) == SEED_FORMATS


def test_the_migration_gives_a_database_the_seed_formats_the_fixture_gives(db):
    migration = importlib.import_module("campaigns.migrations.0047_campaign_formats")
    assert migration.SEED_FORMATS == {slug: text for slug, text in SEED_FORMATS.items() if text}


def test_the_seed_live_streams_are_three_of_which_two_sold_produce(seed_catalogue, db):
    live = Campaign.objects.public().in_format(Format.LIVE_STREAM)
    assert slugs(live) == LIVE_STREAMS
    assert slugs(live.filter(approach="live_commerce")) == LIVE_STREAMS[1:]


# --------------------------------------------------------------------------- the column


def test_a_format_is_found_only_as_a_whole_code_between_commas(db):
    for text in ["website", "online_store,website", "live_stream,online_store,website"]:
        factories.CampaignFactory(slug=f"case-{text.replace(',', '-').replace('_', '-')}")
        Campaign.objects.filter(slug__startswith="case-").filter(formats="").update(formats=text)
    cases = Campaign.objects.all()

    assert len(cases.in_format("website")) == 3
    assert slugs(cases.in_format("online_store")) == [
        "case-live-stream-online-store-website",
        "case-online-store-website",
    ]
    assert slugs(cases.in_format("live_stream")) == ["case-live-stream-online-store-website"]
    assert not cases.in_format("store").exists()  # part of a code is no code
    assert not cases.in_format("online").exists()
    assert not cases.in_format("_").exists()  # LIKE's wildcard, taken as itself


def test_a_case_keeps_its_formats_in_the_lists_order_each_once(db):
    case = factories.CampaignFactory(formats=" website,live_stream,website ")
    case.full_clean()
    assert case.formats == "live_stream,website"
    assert case.format_list == [Format.LIVE_STREAM, Format.WEBSITE]


def test_an_unknown_format_is_refused_with_the_codes_it_may_be(db):
    case = factories.CampaignFactory(formats="live_stream,livestream")
    with pytest.raises(ValidationError) as error:
        case.full_clean()
    message = error.value.message_dict["formats"][0]
    assert message.startswith("Unknown format “livestream”: formats are live_stream, ")


def test_a_catalogue_file_with_an_unknown_format_is_refused_naming_it(tmp_path, db):
    source = factories.build_gates_report()
    record = {
        "model": "campaigns.campaign",
        "fields": {
            "slug": "bad-format",
            "title": "A case",
            "summary": "A case.",
            "description": "A case.",
            "cause": "disaster_relief",
            "approach": "fundraising",
            "formats": "live_stream,video",
            "status": "draft",
            "sources": [[source.slug]],
        },
    }
    path = tmp_path / "campaigns.json"
    path.write_text(json.dumps([record]))

    with pytest.raises(Exception, match="Unknown format “video”"):
        load_catalogue(paths=[path])
    assert not Campaign.objects.filter(slug="bad-format").exists()


# --------------------------------------------------------------------------- the list


def test_the_list_filters_by_format_and_shows_the_counted_menu(client, seed_catalogue, db):
    html = page(client, "/campaigns/?format=live_stream")

    for slug in LIVE_STREAMS:
        assert f'href="/campaigns/{slug}/"' in html
    assert 'href="/campaigns/kwai-agricultural-assistance/"' not in html  # short videos
    assert contains_html(html, '<option value="live_stream" selected>Live stream · 3</option>')
    assert contains_html(html, '<option value="short_video">Short video · 7</option>')
    assert 'href="/campaigns/export.csv?format=live_stream">CSV</a>' in html


def test_an_unknown_format_on_the_list_is_ignored_with_a_note(client, seed_catalogue, db):
    response = client.get("/campaigns/", {"format": "livestream"})

    assert response.status_code == 200
    assert "Unknown format “livestream” was ignored." in response.content.decode()
    assert 'href="/campaigns/kwai-agricultural-assistance/"' in response.content.decode()


def test_the_stored_summary_counts_each_format_by_scope(seed_catalogue, db):
    summary = CatalogueSummary.current()

    assert summary.format_counts_in("social_good") == [
        ["short_video", 7],
        ["online_store", 4],
        ["live_stream", 3],
        ["online_donation", 3],
        ["microblog_post", 2],
        ["messaging", 1],
        ["photo", 1],
        ["search", 1],
        ["social_network_group", 1],
    ]
    assert dict(summary.format_counts_in("all"))["microblog_post"] == 6
    assert summary.format_counts_in("commercial") == [
        ["microblog_post", 3],
        ["website", 2],
        ["audio_message", 1],
        ["online_game", 1],
    ]
    published = Campaign.objects.public()
    for code, count in summary.format_counts_in("all"):
        assert published.in_format(code).count() == count


def test_a_draft_is_not_counted_in_its_format(db, yaan_case):
    yaan_case.formats = "online_donation"
    yaan_case.save()
    draft = factories.build_draft_case()
    draft.formats = "online_donation,live_stream"
    draft.save()

    summary = CatalogueSummary.current()

    assert summary.format_counts_in("social_good") == [["online_donation", 1]]
    assert draft.status == Status.DRAFT


# --------------------------------------------------------------------------- the case page


def test_the_case_page_shows_its_formats_each_a_link_to_its_cases(client, seed_catalogue, db):
    html = page(client, "/campaigns/greenovation-hub-kwai-madrid-climate-conference/")

    assert contains_html(
        html,
        '<div><dt>Format</dt><dd><a href="/campaigns/?format=live_stream">Live stream</a>, '
        '<a href="/campaigns/?format=short_video">Short video</a></dd></div>',
    )


def test_a_case_page_without_formats_says_nothing_of_them(client, seed_catalogue, db):
    html = page(client, "/campaigns/tb-awareness-ministry-of-health/")
    assert "<dt>Format</dt>" not in html


# --------------------------------------------------------------------------- records


def test_the_csv_download_filters_by_format_and_lists_the_codes(client, seed_catalogue, db):
    response = client.get("/campaigns/export.csv", {"format": "live_stream"})
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )

    assert response.status_code == 200
    formats = {row["slug"]: row["formats"] for row in rows}
    assert formats == {
        "greenovation-hub-kwai-madrid-climate-conference": "live_stream; short_video",
        "song-xiaoying-apple-live-stream": "live_stream",
        "xigua-video-county-magistrates-live-streams": "live_stream",
    }


def test_the_json_download_lists_the_formats(client, seed_catalogue, db):
    response = client.get("/campaigns/export.json", {"format": "short_video"})
    data = json.loads(b"".join(response.streaming_content))
    cases = {case["slug"]: case["formats"] for case in data["campaigns"]}

    assert len(cases) == 7
    assert cases["kwai-agricultural-assistance"] == ["short_video", "online_store"]


def test_the_api_filters_by_format_and_lists_the_codes(client, seed_catalogue, db):
    response = client.get("/api/campaigns", {"format": "live_stream"})

    assert response.status_code == 200
    items = {item["slug"]: item["formats"] for item in response.json()["items"]}
    assert items == {
        "greenovation-hub-kwai-madrid-climate-conference": ["live_stream", "short_video"],
        "song-xiaoying-apple-live-stream": ["live_stream"],
        "xigua-video-county-magistrates-live-streams": ["live_stream"],
    }
    one = client.get("/api/campaigns/tb-awareness-ministry-of-health").json()
    assert one["formats"] == []


def test_the_api_refuses_an_unknown_format_naming_the_codes(client, db):
    response = client.get("/api/campaigns", {"format": "livestream"})

    assert response.status_code == 422
    assert "live_stream" in response.json()["detail"][0]["msg"]


def test_the_openapi_schema_names_the_format_parameter_and_field(client, db):
    schema = client.get("/api/openapi.json").json()
    parameters = schema["paths"]["/api/campaigns"]["get"]["parameters"]

    assert "format" in {parameter["name"] for parameter in parameters}
    assert (
        "format codes"
        in schema["components"]["schemas"]["CampaignOut"]["properties"]["formats"]["description"]
    )


def test_the_codebook_lists_the_formats_and_the_column(client, db):
    html = page(client, "/data/")

    assert ("format", "Formats", Format) in downloads.CODE_LISTS
    assert "<code>formats</code>" in html
    assert contains_html(html, "<code>live_stream</code>")


# --------------------------------------------------------------------------- search


@pytest.mark.parametrize("q", ["livestream", "live stream", "直播"])
def test_a_search_for_live_streams_finds_them_not_the_short_videos(seed_catalogue, db, q):
    found = slugs(Campaign.objects.public().search(q))

    assert set(LIVE_STREAMS) <= set(found)
    for short_video_only in ["kwai-agricultural-assistance", "wesee-navel-orange-video"]:
        assert short_video_only not in found


def test_a_search_for_live_stream_selling_finds_the_two_sales(seed_catalogue, db):
    found = slugs(Campaign.objects.public().search("直播带货"))

    assert LIVE_STREAMS[1:] == [slug for slug in found if slug in LIVE_STREAMS]
    assert len(found) <= 3


# --------------------------------------------------------------------------- the admin


def test_a_curator_ticks_formats_and_the_case_keeps_them_in_order(admin_client, campaign):
    form = admin_client.get(change_url(campaign)).content.decode()
    assert contains_html(
        form, '<input type="checkbox" name="formats" value="live_stream" id="id_formats_0">'
    )

    data = campaign_form_data(campaign, formats=["online_store", "live_stream"])
    response = admin_client.post(change_url(campaign), data)

    assert response.status_code == 302, response.context["errors"]
    campaign.refresh_from_db()
    assert campaign.formats == "live_stream,online_store"
    form = admin_client.get(change_url(campaign)).content.decode()
    assert contains_html(
        form,
        '<input type="checkbox" name="formats" value="live_stream" id="id_formats_0" checked>',
    )
    assert slugs(Campaign.objects.search("直播")) == [campaign.slug]


def test_a_curator_cannot_tick_a_format_not_in_the_list(admin_client, campaign):
    data = campaign_form_data(campaign, formats=["live_stream", "hologram"])

    response = admin_client.post(change_url(campaign), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["formats"] == [
        "Select a valid choice. hologram is not one of the available choices."
    ]
    campaign.refresh_from_db()
    assert campaign.formats == ""


def test_a_search_for_live_streams_offers_the_list_of_live_streams(client, seed_catalogue, db):
    html = page(client, "/campaigns/?q=直播")

    assert 'href="?format=live_stream"' in html


def test_the_admins_list_of_cases_filters_by_format(admin_client, seed_catalogue, db):
    response = admin_client.get(changelist_url(Campaign), {"format": "live_stream"})

    assert response.status_code == 200
    assert sorted(case.slug for case in response.context["cl"].result_list) == LIVE_STREAMS
    unknown = admin_client.get(changelist_url(Campaign), {"format": "hologram"})
    assert unknown.status_code == 200
    assert list(unknown.context["cl"].result_list) == []


def test_the_csv_names_the_formats_in_the_pages_language(client, seed_catalogue, db):
    response = client.get("/campaigns/export.csv", {"format": "online_store"})
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    labels = {row["slug"]: row["format_labels"] for row in rows}

    assert labels["kwai-agricultural-assistance"] == "Short video; Online store or shopping link"
