"""Discovery: the Atom feed of new case studies, the sitemap and robots.txt."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from campaigns.models import Status
from tests import factories
from tests.pages import contains_html

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def published_in_order(db):
    """Three published cases, first published a day apart, and a draft."""
    start = timezone.make_aware(datetime.datetime(2024, 5, 1, 9, 0))
    cases = []
    for day, (slug, title, title_zh) in enumerate(
        [
            ("first-case", "First case", ""),
            ("second-case", "Second case", "第二个案例"),
            ("third-case", "Third case", ""),
        ]
    ):
        case = factories.CampaignFactory(slug=slug, title=title, title_zh=title_zh, tags=["relief"])
        case.published_at = start + datetime.timedelta(days=day)
        case.save()
        cases.append(case)
    factories.CampaignFactory(slug="draft-case", title="Draft case", status=Status.DRAFT)
    return cases


def test_the_feed_is_atom_with_the_newest_published_case_first(client, published_in_order):
    response = client.get("/feeds/campaigns/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Third case",
        "Second case (第二个案例)",
        "First case",
    ]
    newest = entries[0]
    assert newest.find(f"{ATOM}link").get("href") == "http://testserver/campaigns/third-case/"
    assert newest.findtext(f"{ATOM}id") == "http://testserver/campaigns/third-case/"
    assert newest.findtext(f"{ATOM}published") == "2024-05-03T09:00:00+00:00"
    assert newest.findtext(f"{ATOM}summary") == (
        "A campaign used short videos to help farmers sell produce."
    )
    assert [c.get("term") for c in newest.findall(f"{ATOM}category")] == ["relief"]


def test_a_summary_reaches_feed_readers_as_plain_text_not_html(client, db):
    case = factories.CampaignFactory(
        title="Escaped case", summary="Tips <img src=x onerror=alert(1)> for A & B."
    )
    case.published_at = timezone.now()
    case.save()

    response = client.get("/feeds/campaigns/")

    summary = ET.fromstring(response.content).find(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "html"
    # A reader decodes the HTML once and must be left with the text, not an <img> element.
    assert summary.text == "Tips &lt;img src=x onerror=alert(1)&gt; for A &amp; B."
    assert b"<img" not in response.content


def test_the_feed_leaves_out_drafts(client, published_in_order):
    feed = ET.fromstring(client.get("/feeds/campaigns/").content)

    titles = {entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")}
    assert titles == {"First case", "Second case (第二个案例)", "Third case"}


def test_the_feed_names_its_own_address(client, published_in_order):
    feed = ET.fromstring(client.get("/feeds/campaigns/").content)

    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["self"] == "http://testserver/feeds/campaigns/"
    assert links["alternate"] == "http://testserver/"


def sitemap_sections(client):
    """The addresses of the sections the sitemap index at /sitemap.xml lists."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return [entry.findtext(f"{SITEMAP}loc") for entry in root.findall(f"{SITEMAP}sitemap")]


def sitemap_urls(client):
    """Every <url> element of every section of the sitemap."""
    urls = []
    for section in sitemap_sections(client):
        response = client.get(section)
        assert response.status_code == 200
        urls += ET.fromstring(response.content).findall(f"{SITEMAP}url")
    return urls


def sitemap_locations(client):
    return [url.findtext(f"{SITEMAP}loc") for url in sitemap_urls(client)]


def test_the_sitemap_lists_every_public_page_in_both_languages(client, campaign, figure):
    locations = sitemap_locations(client)

    for path in [
        "/",
        "/campaigns/",
        "/figures/",
        "/timeline/",
        "/about/",
        "/data/",
        "/organisations/",
        "/platforms/",
        "/sources/",
        "/tags/",
        "/campaigns/wesee-agricultural-assistance/",
        "/organisations/tencent/",
        "/platforms/tencent-wesee/",
        "/sources/short-video-for-good/",
        "/tags/agriculture/",
    ]:
        assert f"http://testserver{path}" in locations
        assert f"http://testserver/zh-hans{path}" in locations


def test_every_page_in_the_sitemap_answers_200(client, campaign, figure):
    for location in sitemap_locations(client):
        response = client.get(location)
        assert response.status_code == 200, location


def test_the_sitemap_leaves_out_drafts_and_what_only_drafts_use(client, campaign, draft_only_case):
    text = " ".join(sitemap_locations(client))

    assert "wesee-agricultural-assistance" in text
    for hidden in [
        "draft-only-case",
        "draft-only-source",
        "draft-only-partner",
        "draft-only-tag",
        "draft-only-figure",
    ]:
        assert hidden not in text


def test_the_sitemap_gives_each_case_its_last_change(client, campaign):
    for url in sitemap_urls(client):
        if url.findtext(f"{SITEMAP}loc").endswith("/campaigns/wesee-agricultural-assistance/"):
            assert url.findtext(f"{SITEMAP}lastmod") == campaign.updated_at.date().isoformat()
            break
    else:
        pytest.fail("the case is not in the sitemap")


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "User-agent: *" in lines


# --------------------------------------------------------------------------- case page metadata


def head_of(response):
    page = response.content.decode()
    return page[: page.index("</head>")]


def json_ld_of(response):
    import json
    import re

    [block] = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return json.loads(block)


@pytest.fixture
def described_case(db, campaign):
    """The Wesee case with a Chinese title, an end month, an organiser and a partner."""
    campaign.title_zh = "微视助农"
    campaign.start_date = datetime.date(2020, 2, 1)
    campaign.start_precision = "month"
    campaign.save()
    factories.ParticipationFactory(
        campaign=campaign,
        organisation=factories.OrganisationFactory(name="Tencent", slug="tencent"),
        role="organiser",
    )
    factories.ParticipationFactory(
        campaign=campaign,
        organisation=factories.OrganisationFactory(name="CGPI", slug="cgpi"),
        role="partner",
    )
    return campaign


def test_a_case_page_describes_itself_to_link_previews(client, described_case):
    response = client.get("/campaigns/wesee-agricultural-assistance/")

    assert response.status_code == 200
    head = head_of(response)
    url = "http://testserver/campaigns/wesee-agricultural-assistance/"
    assert contains_html(head, '<meta property="og:type" content="article">')
    assert contains_html(head, '<meta property="og:title" content="Wesee agricultural assistance">')
    assert contains_html(head, f'<meta property="og:url" content="{url}">')
    assert contains_html(
        head,
        '<meta property="og:description" '
        'content="A campaign used short videos to help farmers sell produce.">',
    )
    assert contains_html(head, '<meta property="og:locale" content="en_GB">')
    assert contains_html(head, '<meta property="article:tag" content="agriculture">')
    # Every public case has its share image (tests/test_share_images.py).
    assert contains_html(head, '<meta name="twitter:card" content="summary_large_image">')
    assert contains_html(
        head, '<meta name="twitter:title" content="Wesee agricultural assistance">'
    )
    assert contains_html(head, f'<link rel="canonical" href="{url}">')


def test_a_case_page_carries_schema_org_json_ld(client, described_case, source):
    data = json_ld_of(client.get("/campaigns/wesee-agricultural-assistance/"))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == "Wesee agricultural assistance"
    assert data["alternativeHeadline"] == "微视助农"
    assert data["url"] == "http://testserver/campaigns/wesee-agricultural-assistance/"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["keywords"] == ["agriculture"]
    event = data["about"]
    assert event["@type"] == "Event"
    assert event["startDate"] == "2020-02"
    assert "endDate" not in event
    assert event["location"]["address"]["addressCountry"] == "CN"
    assert [o["name"] for o in event["organizer"]] == ["Tencent"]
    assert [o["name"] for o in event["contributor"]] == ["CGPI"]
    assert [c["name"] for c in data["citation"]] == ["Short video for good"]


def test_the_chinese_case_page_says_so_in_its_metadata(client, described_case):
    response = client.get("/zh-hans/campaigns/wesee-agricultural-assistance/")

    head = head_of(response)
    assert contains_html(head, '<meta property="og:title" content="微视助农">')
    assert contains_html(head, '<meta property="og:locale" content="zh_CN">')
    assert json_ld_of(response)["inLanguage"] == "zh-Hans"


def test_json_ld_cannot_be_closed_early_by_text_in_a_title(client, described_case):
    described_case.title = "</script><script>alert(1)</script>"
    described_case.save()

    response = client.get("/campaigns/wesee-agricultural-assistance/")

    assert "<script>alert(1)" not in response.content.decode()
    assert json_ld_of(response)["headline"] == "</script><script>alert(1)</script>"


def test_a_case_with_an_image_offers_it_to_link_previews(client, described_case, media_root):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, format="PNG")
    described_case.images.create(
        image=SimpleUploadedFile("field.png", buffer.getvalue(), content_type="image/png"),
        alt_text="Farmers filming apples",
    )

    head = head_of(client.get("/campaigns/wesee-agricultural-assistance/"))

    assert contains_html(head, '<meta name="twitter:card" content="summary_large_image">')
    assert contains_html(head, '<meta property="og:image:alt" content="Farmers filming apples">')
    assert 'property="og:image" content="http://testserver/media/campaigns/' in head


def test_the_sitemap_is_an_index_of_sections_each_in_bounded_pages(client, campaign, monkeypatch):
    from campaigns.sitemaps import I18nSitemap

    for number in range(4):
        factories.CampaignFactory(slug=f"paged-case-{number}")
    monkeypatch.setattr(I18nSitemap, "limit", 4)  # four addresses a page: two cases, two languages

    sections = sitemap_sections(client)

    campaign_pages = [section for section in sections if "/sitemap-campaigns.xml" in section]
    assert campaign_pages == [
        "http://testserver/sitemap-campaigns.xml",
        "http://testserver/sitemap-campaigns.xml?p=2",
        "http://testserver/sitemap-campaigns.xml?p=3",
    ]
    pages = [ET.fromstring(client.get(page).content) for page in campaign_pages]
    counts = [len(page.findall(f"{SITEMAP}url")) for page in pages]
    assert counts == [4, 4, 2]  # five cases in two languages
    assert client.get("/sitemap-campaigns.xml?p=4").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_a_chinese_tag_is_in_the_sitemap_at_its_encoded_address(client, campaign):
    campaign.tags.add("新冠疫情")

    locations = sitemap_locations(client)

    encoded = "http://testserver/tags/%E6%96%B0%E5%86%A0%E7%96%AB%E6%83%85/"
    assert encoded in locations
    assert client.get(encoded.removeprefix("http://testserver")).status_code == 200


# --------------------------------------------------------------------------- query counts


def test_the_feed_and_sitemap_query_counts_stay_the_same_as_the_catalogue_grows(
    client, campaign, figure, django_assert_num_queries
):
    def count_queries(path):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    paths = ("/feeds/campaigns/", "/sitemap.xml", "/sitemap-campaigns.xml", "/sitemap-tags.xml")
    before = {path: count_queries(path) for path in paths}
    for number in range(3):
        case = factories.CampaignFactory(
            tags=[f"tag-{number}"], platforms=[figure.campaign.platforms.get()]
        )
        factories.ParticipationFactory(campaign=case)
        factories.FigureFactory(campaign=case)

    for path, queries in before.items():
        with django_assert_num_queries(queries):
            assert client.get(path).status_code == 200
