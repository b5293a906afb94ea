"""Scope: the commercial or marketing campaigns and the other online trends a source lists
beside social-good cases are kept and labelled, and lists hold the social-good cases unless a
reader asks for the rest (every scope, or one of the others alone)."""

import csv
import io
import re

import pytest

from campaigns.models import Campaign, CatalogueSummary, Figure, Scope
from tests.pages import contains_html, page
from tests.pages import text as page_text

pytestmark = pytest.mark.django_db


def card_titles(html):
    """The titles of the cases a list page shows."""
    return re.findall(r'class="card-title"><a href="[^"]*">([^<]*)', html)


COMMERCIAL = {
    "sina-voicemail-weibo-launch",
    "budweiser-lovers-matching-mini-game",
    "mengniu-lovers-wishes",
    "groupon-china-launch-gaopeng",
}
OTHER_TRENDS = {"weibo-taking-photos-to-save-girls-and-guys"}
NOT_SOCIAL_GOOD = COMMERCIAL | OTHER_TRENDS


def test_the_four_commercial_entries_of_the_digest_are_labelled_commercial(seed_catalogue):
    commercial = Campaign.objects.filter(scope=Scope.COMMERCIAL)
    assert set(commercial.values_list("slug", flat=True)) == COMMERCIAL


def test_the_dating_photo_trend_is_another_online_trend_not_commercial(seed_catalogue):
    trends = Campaign.objects.filter(scope=Scope.OTHER_TREND)
    assert set(trends.values_list("slug", flat=True)) == OTHER_TRENDS
    assert Scope.OTHER_TREND.label == "Other online trend"


def test_the_list_holds_social_good_cases_by_default(client, seed_catalogue):
    response = client.get("/campaigns/", {"q": "Valentine"})
    html = response.content.decode()

    assert response.status_code == 200
    assert card_titles(html) == []
    assert "Include commercial campaigns and other online trends" in html


def test_one_click_includes_the_commercial_campaigns_labelled(client, seed_catalogue):
    html = client.get("/campaigns/", {"q": "Valentine", "scope": "all"}).content.decode()

    assert any("Budweiser" in title for title in card_titles(html))
    assert contains_html(html, '<span class="scope-label">Commercial or marketing</span>')
    assert "Show social-good cases only" in html


def test_the_default_list_counts_the_social_good_cases(client, seed_catalogue):
    summary = CatalogueSummary.current()
    html = client.get("/campaigns/").content.decode()

    assert summary.social_good_campaigns == summary.campaigns - len(NOT_SOCIAL_GOOD)
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


def test_the_list_offers_every_scope_and_shows_the_other_trends_alone_labelled(
    client, seed_catalogue
):
    html = page(client, "/campaigns/?scope=other_trend")

    for value in ("social_good", "all", "commercial", "other_trend"):
        assert f'name="scope" value="{value}"' in html
    assert contains_html(
        html,
        '<label><input type="radio" name="scope" value="other_trend" checked> '
        "Other online trends only</label>",
    )
    assert [title.strip() for title in card_titles(html)] == [
        "“Taking Photos to Save Girls” and “Taking Photos to Save Guys”"
    ]
    assert contains_html(html, '<span class="scope-label">Other online trend</span>')
    assert "Showing only the other online trends: neither commercial nor for a public cause." in (
        html
    )
    assert count_shown(html) == len(OTHER_TRENDS)


def test_the_list_of_every_scope_says_what_it_includes(client, seed_catalogue):
    html = page(client, "/campaigns/?scope=all&year_from=2011&year_to=2011")

    assert "Commercial campaigns and other online trends are included, each labelled." in html
    assert contains_html(html, '<span class="scope-label">Other online trend</span>')
    assert contains_html(html, '<span class="scope-label">Commercial or marketing</span>')


def test_the_menus_of_the_other_trends_list_count_only_them(client, seed_catalogue):
    from campaigns.filters import CampaignFilterForm

    form = CampaignFilterForm(data={"scope": "other_trend"})
    causes = [code for code, _label in form.fields["cause"].choices if code]

    assert causes == ["social_connection"]
    assert dict(form.fields["cause"].choices)["social_connection"] == "Social connection · 1"
    summary = CatalogueSummary.current()
    assert summary.in_scope("other_trend")[0] == 1
    assert summary.in_scope("commercial")[0] == len(COMMERCIAL)
    assert summary.other_scope_campaigns == len(NOT_SOCIAL_GOOD)


def test_an_other_trend_case_page_says_what_it_is_in_both_languages(client, seed_catalogue):
    url = "/campaigns/weibo-taking-photos-to-save-girls-and-guys/"
    html = page(client, url)
    chinese = page(client, f"/zh-hans{url}")

    assert contains_html(html, '<span class="scope-label">Other online trend</span>')
    assert "neither commercial nor for a public cause; kept for the record." in html
    assert "A brand's campaign" not in html
    assert contains_html(chinese, '<span class="scope-label">其他网络潮流</span>')
    assert "既非商业活动，也不服务于公益" in chinese


def test_the_codebook_lists_the_third_scope(client, seed_catalogue):
    html = page(client, "/data/")

    assert "<code>other_trend</code>" in html
    assert "Other online trend" in html
    assert "another online trend it reports" in html


def test_curators_filter_and_set_the_scope_in_the_admin(admin_client, seed_catalogue):
    from tests.pages import change_url, changelist_url

    listed = page(admin_client, changelist_url(Campaign) + "?scope__exact=other_trend")
    trend = Campaign.objects.get(slug="weibo-taking-photos-to-save-girls-and-guys")
    form = page(admin_client, change_url(trend))

    assert "Other online trend" in listed
    assert "1 campaign" in listed or "1 result" in listed
    assert contains_html(form, '<option value="other_trend" selected>Other online trend</option>')


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
    trends = api_slugs(client, scope="other_trend")

    assert not NOT_SOCIAL_GOOD & set(default)
    assert set(default.values()) == {"social_good"}
    assert NOT_SOCIAL_GOOD <= set(everything)
    assert set(commercial) == COMMERCIAL
    assert trends == dict.fromkeys(OTHER_TRENDS, "other_trend")
    assert client.get("/api/campaigns", {"scope": "some"}).status_code == 422


def download_slugs(client, query=""):
    response = client.get(f"/campaigns/export.csv{query}")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return {row["slug"]: row["scope"] for row in csv.DictReader(io.StringIO(text))}


def test_the_downloads_have_the_same_default_and_override(client, seed_catalogue):
    default = download_slugs(client)
    everything = download_slugs(client, "?scope=all")

    assert not NOT_SOCIAL_GOOD & set(default)
    assert {slug for slug, scope in everything.items() if scope == "commercial"} == COMMERCIAL
    assert {slug for slug, scope in everything.items() if scope == "other_trend"} == OTHER_TRENDS
    assert len(everything) == len(default) + len(NOT_SOCIAL_GOOD)
    assert download_slugs(client, "?scope=other_trend") == dict.fromkeys(
        OTHER_TRENDS, "other_trend"
    )


def test_the_list_links_its_downloads_with_its_scope(client, seed_catalogue):
    html = client.get("/campaigns/?scope=all").content.decode()

    assert "/campaigns/export.csv?scope=all" in html


# --------------------------------------------------------------------------- counts and lists


def count_shown(html):
    return int(re.search(r'<p class="result-count" role="status">\s*(\d+) case', html).group(1))


def test_every_count_that_links_to_the_list_finds_as_many_cases_there(client, seed_catalogue):
    from html import unescape

    home = unescape(client.get("/").content.decode())
    # The ways in (a count after the link), the headline counts (a count in the link) and the
    # map's table (a count in the next cell).
    links = re.findall(
        r'<a href="(/campaigns/\?[^"]*scope=all[^"]*)">(.*?)</a>'
        r'\s*(?:<span class="count">(\d+)</span>|</th><td class="num">(\d+)</td>)?',
        home,
        re.S,
    )
    assert links, "the home page's ways in link to lists of every scope"
    assert any("country=" in url for url, *_counts in links), "the map's countries are checked"
    for url, text, count, mapped in links:
        number = count or mapped or re.search(r"<strong>(\d+)</strong>", text).group(1)
        assert count_shown(client.get(url).content.decode()) == int(number), url


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


def test_the_home_pages_headline_counts_social_good_cases_and_the_others_apart(
    client, seed_catalogue
):
    html = page(client, "/")

    social_good = Campaign.objects.public().filter(scope="social_good").count()
    others = Campaign.objects.public().exclude(scope="social_good").count()
    assert (social_good, others) == (24, 5)
    assert contains_html(html, f'<a href="/campaigns/"><strong>{social_good}</strong> cases</a>')
    assert contains_html(
        html,
        f'<a class="stats-other" href="/campaigns/?scope=all">+ {others} commercial campaigns '
        "or other trends</a>",
    )
    assert f"+ {others} 个商业活动或其他网络潮流" in page_text(page(client, "/zh-hans/"))


def test_the_timeline_and_the_figures_table_label_the_cases_of_other_scopes(client, seed_catalogue):
    timeline = page(client, "/timeline/")
    budweiser = Campaign.objects.get(slug="budweiser-lovers-matching-mini-game")
    entry = timeline[timeline.index(budweiser.get_absolute_url()) :].split("</li>")[0]
    assert '<span class="scope-label">Commercial or marketing</span>' in entry
    others = Campaign.objects.public().exclude(scope="social_good")
    assert timeline.count('class="scope-label"') == others.count() == 5

    figures = page(client, "/figures/")
    of_others = Figure.objects.public().filter(campaign__in=others)
    assert of_others.count() == 5
    assert figures.count('class="scope-label"') == of_others.count()
    assert '<span class="scope-label">Other online trend</span>' in figures
