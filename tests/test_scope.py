"""Scope: the commercial or marketing campaigns a source lists beside social-good ones are
kept and labelled, and lists hold the social-good cases unless a reader asks for the rest."""

import csv
import io
import re

import pytest

from campaigns.models import Campaign, CatalogueSummary, Scope
from tests.pages import contains_html, page

pytestmark = pytest.mark.django_db


def card_titles(html):
    """The titles of the cases a list page shows."""
    return re.findall(r'class="card-title"><a href="[^"]*">([^<]*)', html)


COMMERCIAL = {
    "sina-voicemail-weibo-launch",
    "budweiser-lovers-matching-mini-game",
    "mengniu-lovers-wishes",
    "groupon-china-launch-gaopeng",
    "weibo-taking-photos-to-save-girls-and-guys",
}


def test_the_five_commercial_entries_of_the_digest_are_labelled_commercial(seed_catalogue):
    commercial = Campaign.objects.filter(scope=Scope.COMMERCIAL)
    assert set(commercial.values_list("slug", flat=True)) == COMMERCIAL


def test_the_list_holds_social_good_cases_by_default(client, seed_catalogue):
    response = client.get("/campaigns/", {"q": "Valentine"})
    html = response.content.decode()

    assert response.status_code == 200
    assert card_titles(html) == []
    assert "Include commercial and marketing campaigns" in html


def test_one_click_includes_the_commercial_campaigns_labelled(client, seed_catalogue):
    html = client.get("/campaigns/", {"q": "Valentine", "scope": "all"}).content.decode()

    assert any("Budweiser" in title for title in card_titles(html))
    assert contains_html(html, '<span class="scope-label">Commercial or marketing</span>')
    assert "Show social-good cases only" in html


def test_the_default_list_counts_the_social_good_cases(client, seed_catalogue):
    summary = CatalogueSummary.current()
    html = client.get("/campaigns/").content.decode()

    assert summary.social_good_campaigns == summary.campaigns - len(COMMERCIAL)
    assert f"{summary.social_good_campaigns} cases" in html
    assert f"{summary.campaigns} cases" in client.get("/campaigns/?scope=all").content.decode()


def test_the_cause_menu_counts_the_cases_of_the_scope_shown(client, seed_catalogue):
    default = client.get("/campaigns/").content.decode()
    everything = client.get("/campaigns/?scope=all").content.decode()

    assert "Commerce and marketing ·" not in default
    assert "Commerce and marketing · 3" in everything


def test_an_unknown_scope_is_ignored_with_a_note(client, seed_catalogue):
    html = client.get("/campaigns/", {"scope": "everything"}).content.decode()

    assert "Unknown scope “everything” was ignored: showing social-good cases." in html
    assert not any("Budweiser" in title for title in card_titles(html))
    assert len(card_titles(html)) == 20  # a full first page of the social-good cases


def test_a_commercial_case_page_shows_its_scope(client, seed_catalogue):
    html = client.get("/campaigns/budweiser-lovers-matching-mini-game/").content.decode()

    assert contains_html(html, '<span class="scope-label">Commercial or marketing</span>')


def test_a_social_good_case_page_carries_no_scope_label(client, seed_catalogue):
    html = page(client, "/campaigns/yaan-earthquake-weibo-fundraising/")

    assert contains_html(html, "<h1>Sina Weibo fundraising after the Ya'an earthquake</h1>")
    assert "scope-label" not in html
    assert "kept for the record" not in html


def api_slugs(client, **params):
    items = client.get("/api/campaigns", {"limit": 100, **params}).json()["items"]
    return {item["slug"]: item["scope"] for item in items}


def test_the_api_has_the_same_default_and_override(client, seed_catalogue):
    default = api_slugs(client)
    everything = api_slugs(client, scope="all")
    commercial = api_slugs(client, scope="commercial")

    assert not COMMERCIAL & set(default)
    assert set(default.values()) == {"social_good"}
    assert COMMERCIAL <= set(everything)
    assert set(commercial) == COMMERCIAL
    assert client.get("/api/campaigns", {"scope": "some"}).status_code == 422


def download_slugs(client, query=""):
    response = client.get(f"/campaigns/export.csv{query}")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return {row["slug"]: row["scope"] for row in csv.DictReader(io.StringIO(text))}


def test_the_downloads_have_the_same_default_and_override(client, seed_catalogue):
    default = download_slugs(client)
    everything = download_slugs(client, "?scope=all")

    assert not COMMERCIAL & set(default)
    assert {slug for slug, scope in everything.items() if scope == "commercial"} == COMMERCIAL
    assert len(everything) == len(default) + len(COMMERCIAL)


def test_the_list_links_its_downloads_with_its_scope(client, seed_catalogue):
    html = client.get("/campaigns/?scope=all").content.decode()

    assert "/campaigns/export.csv?scope=all" in html


# --------------------------------------------------------------------------- counts and lists


def count_shown(html):
    return int(re.search(r'<p class="result-count" role="status">\s*(\d+) case', html).group(1))


def test_every_count_that_links_to_the_list_finds_as_many_cases_there(client, seed_catalogue):
    from html import unescape

    home = unescape(client.get("/").content.decode())
    links = re.findall(
        r'<a href="(/campaigns/\?[^"]*scope=all[^"]*)">(.*?)</a>'
        r'\s*(?:<span class="count">(\d+)</span>)?',
        home,
        re.S,
    )
    assert links, "the home page's ways in link to lists of every scope"
    for url, text, count in links:
        number = int(count) if count else int(re.search(r"<strong>(\d+)</strong>", text).group(1))
        assert count_shown(client.get(url).content.decode()) == number, url


def test_menu_counts_are_those_of_the_scope_shown(client, seed_catalogue):
    from campaigns.filters import CampaignFilterForm

    default = CampaignFilterForm(data={})
    every = CampaignFilterForm(data={"scope": "all"})
    commercial = CampaignFilterForm(data={"scope": "commercial"})
    bogus = CampaignFilterForm(data={"scope": "bogus"})

    # Platform counts kept on rows are of every scope: shown only on the list of every scope.
    assert all(" · " not in str(label) for _slug, label in default.fields["platform"].choices)
    assert any(" · " in str(label) for _slug, label in every.fields["platform"].choices)

    # Cause counts follow the scope; an unknown scope is the default's.
    def causes(form):
        return [code for code, _label in form.fields["cause"].choices if code]

    assert "commerce_marketing" not in causes(default)
    assert causes(bogus) == causes(default)
    assert "disaster_relief" not in causes(commercial)
    for code in causes(commercial):
        url = f"/campaigns/?scope=commercial&cause={code}"
        assert count_shown(client.get(url).content.decode()) > 0, url
