"""Discovery: the Atom feed of new case studies, the sitemap and robots.txt."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from campaigns.models import Status
from tests import factories

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
    assert newest.findtext(f"{ATOM}published") == "2024-05-03T09:00:00+00:00"
    assert newest.findtext(f"{ATOM}summary") == (
        "A campaign used short videos to help farmers sell produce."
    )
    assert [c.get("term") for c in newest.findall(f"{ATOM}category")] == ["relief"]


def test_the_feed_leaves_out_drafts(client, published_in_order):
    assert b"Draft case" not in client.get("/feeds/campaigns/").content


def test_the_feed_names_its_own_address(client, published_in_order):
    feed = ET.fromstring(client.get("/feeds/campaigns/").content)

    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["self"] == "http://testserver/feeds/campaigns/"
    assert links["alternate"] == "http://testserver/"


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return [url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")]


def test_the_sitemap_lists_every_public_page_in_both_languages(client, campaign, metric):
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


def test_every_page_in_the_sitemap_answers_200(client, campaign, metric):
    for location in sitemap_locations(client):
        response = client.get(location)
        assert response.status_code == 200, location


def test_the_sitemap_leaves_out_drafts_and_what_only_drafts_use(client, campaign):
    hidden_source = factories.SourceFactory(slug="draft-only-source")
    draft = factories.CampaignFactory(
        slug="draft-case", status=Status.DRAFT, sources=[hidden_source], tags=["secret-tag"]
    )
    factories.ParticipationFactory(
        campaign=draft, organisation=factories.OrganisationFactory(slug="draft-only-partner")
    )

    text = " ".join(sitemap_locations(client))

    assert "wesee-agricultural-assistance" in text
    for hidden in ["draft-case", "draft-only-source", "draft-only-partner", "secret-tag"]:
        assert hidden not in text


def test_the_sitemap_gives_each_case_its_last_change(client, campaign):
    root = ET.fromstring(client.get("/sitemap.xml").content)

    for url in root.findall(f"{SITEMAP}url"):
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
