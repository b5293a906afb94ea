"""Who can tell a case that is not public exists: curators preview it at its own address,
readers get the same "not found" as for an address that never held anything, and a withdrawn
case's address says it was withdrawn (410)."""

import html

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from campaigns import services
from campaigns.models import Campaign, Status
from tests import factories
from tests.pages import contains_html, page, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator(viewer):
    """A curator who may preview cases that are not public (view them, nothing more)."""
    return viewer


@pytest.fixture
def withdrawn_case(yaan_case):
    services.withdraw(
        campaigns=Campaign.objects.filter(pk=yaan_case.pk),
        reason="A source it relied on was retracted.",
    )
    yaan_case.refresh_from_db()
    return yaan_case


def view_on_site_url(campaign):
    content_type = ContentType.objects.get_for_model(Campaign)
    return reverse("admin_view_on_site", args=[content_type.pk, campaign.pk])


@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW])
def test_a_curator_previews_a_case_that_is_not_public_with_a_banner(curator, draft_case, status):
    Campaign.objects.filter(pk=draft_case.pk).update(status=status)

    response = curator.get(draft_case.get_absolute_url())

    assert response.status_code == 200
    page = response.content.decode()
    banner = "Draft — not public" if status == Status.DRAFT else "In review — not public"
    assert banner in page
    assert reverse("admin:campaigns_campaign_change", args=[draft_case.pk]) in page
    assert contains_html(page, f"<h1>{draft_case.title}</h1>")
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert contains_html(page, '<meta content="noindex, nofollow" name="robots">')


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_preview_shows_the_figures_the_case_will_publish(curator, draft_case, language):
    from tests.factories import FigureFactory

    source = draft_case.sources.get(slug="draft-only-source")
    dollars = FigureFactory(
        key="draft-figure-usd",
        campaign=draft_case,
        source=source,
        label="Unverified draft figure",
        value=159000000,
        unit="USD",
        stated_as="about 159 million US dollars",
        conversion_of=draft_case.figures.get(key="draft-figure"),
    )
    prefix = "/zh-hans" if language == "zh-hans" else ""

    response = curator.get(prefix + draft_case.get_absolute_url())

    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "987,654,321 RMB" in page, "the figure's own words"
    assert dollars.stated_as in page, "its conversion beside it"
    assert page.count('href="#ref-') >= 1, "each figure cites a numbered reference"
    assert "Draft-only source" in page


def test_a_drafts_figures_stay_off_every_public_page(client, yaan_case, draft_case):
    for address, status, shown in [
        ("/", 200, "Weibo fundraising after the Ya'an earthquake"),
        ("/figures/", 200, "over 110 million CNY"),
        ("/platforms/sina-weibo/", 200, "Weibo fundraising after the Ya'an earthquake"),
        (draft_case.get_absolute_url(), 404, "Page not found"),
    ]:
        html = page(client, address, status=status)
        assert shown in text(html), address
        assert "987,654,321" not in html
        assert "987654321" not in html


def test_a_published_case_has_no_preview_banner_for_a_curator(curator, yaan_case):
    response = curator.get(yaan_case.get_absolute_url())

    assert response.status_code == 200
    assert "Weibo fundraising after the Ya'an earthquake" in text(response.content.decode())
    assert "not public" not in response.content.decode()
    assert "X-Robots-Tag" not in response


def test_a_draft_is_the_same_not_found_as_an_address_that_never_existed(client, draft_case):
    draft = client.get(draft_case.get_absolute_url())
    never = client.get(reverse("campaigns:campaign_detail", args=["never-existed"]))

    assert draft.status_code == never.status_code == 404
    # The same page, but for the address itself (in the language switch).
    assert draft.content.replace(b"unchecked-draft", b"never-existed") == never.content


def test_staff_without_permission_to_view_cases_get_not_found_for_a_draft(staff, draft_case):
    assert staff.get(draft_case.get_absolute_url()).status_code == 404


def test_a_preview_is_never_served_to_readers_from_the_cache(client, curator, draft_case, settings):
    settings.PAGE_CACHE_SECONDS = 60
    assert curator.get(draft_case.get_absolute_url()).status_code == 200
    client.logout()

    assert client.get(draft_case.get_absolute_url()).status_code == 404


def test_view_on_site_redirects_to_a_draft_only_for_those_who_may_view_it(staff, draft_case):
    response = staff.get(view_on_site_url(draft_case))

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "unchecked-draft" not in response.content.decode()


def test_view_on_site_leads_a_curator_to_the_preview(curator, draft_case):
    response = curator.get(view_on_site_url(draft_case))

    assert response.status_code == 302
    assert response["Location"].endswith(draft_case.get_absolute_url())


def test_view_on_site_asks_visitors_to_sign_in(client, draft_case):
    response = client.get(view_on_site_url(draft_case))

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


# --------------------------------------------------------------------------- withdrawn


def test_a_withdrawn_case_answers_410_with_its_title_when_and_why(client, withdrawn_case):
    response = client.get(withdrawn_case.get_absolute_url())

    assert response.status_code == 410
    page = response.content.decode()
    assert "This case study was withdrawn" in page
    assert html.escape(withdrawn_case.title) in page
    assert "A source it relied on was retracted." in page
    assert "It was taken out of the catalogue on" in page
    assert reverse("campaigns:campaign_list") in page


def test_a_withdrawn_case_answers_410_in_chinese_too(client, withdrawn_case):
    response = client.get("/zh-hans" + withdrawn_case.get_absolute_url())

    assert response.status_code == 410
    assert '<html lang="zh-Hans">' in response.content.decode()


@pytest.mark.parametrize(
    "address",
    [
        "/campaigns/",
        "/campaigns/?q=earthquake",
        "/api/campaigns",
        "/campaigns/export.csv",
        "/feeds/campaigns/",
        "/sitemap-campaigns.xml",
        "/timeline/",
    ],
)
def test_a_withdrawn_case_is_left_out_of_every_list(client, withdrawn_case, address):
    still_published = factories.CampaignFactory(
        slug="another-earthquake-appeal", title="Another earthquake appeal"
    )

    response = client.get(address)

    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert still_published.slug.encode() in body
    assert withdrawn_case.slug.encode() not in body


def test_a_curator_previews_a_withdrawn_case(curator, withdrawn_case):
    response = curator.get(withdrawn_case.get_absolute_url())

    assert response.status_code == 200
    assert "Withdrawn — not public" in response.content.decode()


def test_publishing_a_withdrawn_case_again_makes_its_page_public(client, withdrawn_case):
    services.publish_campaigns(campaigns=Campaign.objects.filter(pk=withdrawn_case.pk))

    assert client.get(withdrawn_case.get_absolute_url()).status_code == 200


def test_the_page_cache_never_keeps_a_preview_even_without_a_session(curator, draft_case):
    from campaigns.caching import cacheable_response

    preview = curator.get(draft_case.get_absolute_url())

    assert preview.status_code == 200
    assert "Unchecked draft about earthquake relief" in text(preview.content.decode())
    assert not cacheable_response(preview)
