"""The public pages: what a reader sees, what stays hidden, bad input, query counts and size."""

import datetime
import re
from decimal import Decimal
from html import unescape

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.urls import reverse

from campaigns.models import (
    Campaign,
    CatalogueSummary,
    CatalogueVersion,
    Cause,
    Organisation,
    Platform,
    Role,
    Source,
    Tag,
)
from campaigns.units import units
from tests import factories
from tests.pages import contains_html, page, text

pytestmark = pytest.mark.django_db

PAGE_BUDGET_BYTES = 100 * 1024
"""Each page's HTML plus the stylesheet stays under this."""


# --------------------------------------------------------------------------- data


@pytest.fixture
def tobacco_case(db, gates_report):
    """A case with a before/after pair of figures."""
    campaign = factories.CampaignFactory(
        title="World No Tobacco Day campaign",
        slug="no-tobacco-day",
        cause=Cause.PUBLIC_HEALTH,
        approach="awareness",
        sources=[gates_report],
        start_date=datetime.date(2012, 5, 31),
    )
    for when, value in (("before", 5), ("after", 19)):
        factories.FigureFactory(
            key=f"tobacco-awareness-{when}",
            campaign=campaign,
            source=gates_report,
            label=f"Awareness of passive smoking {when} the campaign",
            value=Decimal(value),
            unit="percent",
            stated_as=f"{value}%",
            as_of=datetime.date(2013, 5, 1),
            as_of_precision="month",
        )
    return campaign


@pytest.fixture
def two_cases_and_a_draft(yaan_case, tobacco_case, draft_case):
    """The Ya'an case (featured, on Weibo, with a figure in CNY), the tobacco case (a
    before/after pair in percent), both citing the Gates report, and a draft on Weibo citing it
    too."""


# --------------------------------------------------------------------------- home and list


def test_home_page_shows_featured_cases_and_a_headline_figure(client, two_cases_and_a_draft):
    html = page(client, "/")
    assert "Weibo fundraising after the Ya&#x27;an earthquake" in html
    assert "over 110 million CNY" in text(html)
    # The count beside it is of every published case: the list it opens holds every scope.
    assert 'href="/campaigns/?platform=sina-weibo&amp;scope=all"' in html


def test_case_list_shows_every_published_case_with_a_count(client, two_cases_and_a_draft):
    html = page(client, "/campaigns/")
    assert "2 cases" in text(html)
    assert "World No Tobacco Day campaign" in html


def test_a_filter_chip_links_to_the_same_list_without_that_filter(client, two_cases_and_a_draft):
    html = page(client, "/campaigns/?platform=sina-weibo&cause=disaster_relief")
    assert "1 case" in text(html)
    remove = (
        '<span aria-hidden="true">×</span><span class="visually-hidden">(remove this filter)</span>'
    )
    assert contains_html(
        html,
        '<a class="chip" href="?cause=disaster_relief">'
        f"Platform: Sina Weibo (新浪微博) {remove}</a>",
    )
    assert contains_html(
        html, f'<a class="chip" href="?platform=sina-weibo">Cause: Disaster relief {remove}</a>'
    )


def test_ignored_filter_values_are_explained_on_the_page(client, two_cases_and_a_draft):
    html = page(client, "/campaigns/?platform=foo&year_to=zz")
    assert "Unknown platform “foo” was ignored." in html
    assert "“zz” is not a year; ignored." in html
    assert "2 cases" in text(html)


def test_a_search_with_no_results_says_what_to_try(client, two_cases_and_a_draft):
    html = page(client, "/campaigns/?q=volcano")
    assert "0 cases" in text(html)
    assert "No cases match" in html
    assert "Try removing a filter" in html


def test_a_chinese_search_finds_the_weibo_case(client, two_cases_and_a_draft):
    html = page(client, "/campaigns/?q=微博")
    assert "Weibo fundraising after the Ya&#x27;an earthquake" in html
    assert "World No Tobacco Day" not in html


def test_each_card_has_a_compare_checkbox_submitting_to_the_compare_page(
    client, two_cases_and_a_draft
):
    html = page(client, "/campaigns/")
    assert f'action="{reverse("campaigns:compare")}"' in html
    assert 'name="c" value="yaan-earthquake"' in html


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ("page=abc", "“abc” is not a page number; showing page 1."),
        ("page=9999", "There is no page 9999; showing the last page, 1."),
        ("page=-3", "There is no page -3; showing page 1."),
        ("page=" + "9" * 5000, "is not a page number; showing page 1."),
        ("year_to=zz", "“zz” is not a year; ignored."),
        ("year_from=1066", "“1066” is not a year; ignored."),
        ("platform=nope", "Unknown platform “nope” was ignored."),
        ("sort=sideways", "Unknown sort order “sideways” was ignored."),
        ("cause=<script>", "Unknown cause “&lt;script&gt;” was ignored."),
        ("q=" + "ab " * 5000, "only the first 200 were used."),
        ("tag=%00", "Unknown tag"),
    ],
)
def test_bad_query_strings_show_the_list_with_a_note(client, two_cases_and_a_draft, query, note):
    html = page(client, f"/campaigns/?{query}")
    assert note in html


def test_a_page_past_the_end_shows_the_last_page(client, db):
    for number in range(25):
        factories.CampaignFactory(slug=f"case-{number:02}", title=f"Case {number:02}")
    html = page(client, "/campaigns/?sort=title&page=7")
    assert "There is no page 7; showing the last page, 2." in html
    assert "Case 24" in html
    assert "Case 00" not in html


def test_pagination_links_keep_the_filters(client, db, weibo):
    for number in range(25):
        factories.CampaignFactory(slug=f"case-{number:02}", platforms=[weibo])
    html = page(client, "/campaigns/?platform=sina-weibo&sort=title")
    assert 'href="?platform=sina-weibo&amp;sort=title&amp;page=2"' in html


# --------------------------------------------------------------------------- case page


def test_case_page_shows_each_figure_as_a_person_would_say_it(client, two_cases_and_a_draft):
    html = text(page(client, "/campaigns/yaan-earthquake/"))
    assert "over 110 million CNY" in html
    assert "within 72 hours" in html
    assert "as of April 2013" in html
    assert "stated as “over 110 million RMB”" in html


def test_each_figure_cites_a_numbered_reference_at_the_foot_of_the_page(
    client, two_cases_and_a_draft
):
    html = page(client, "/campaigns/yaan-earthquake/")
    assert contains_html(
        html, '<a href="#ref-1"><span class="visually-hidden">Reference </span>[1]</a>'
    )
    reference = re.search(r'<li id="ref-1" value="1">(.*?)</li>', html, re.S).group(1)
    assert "Jane Writer" in reference
    assert "The Power of Social Media: New Case Studies From China" in reference
    assert "Bill &amp; Melinda Gates Foundation" in reference
    assert "13 May 2013" in reference
    assert 'href="https://www.example.org/power-of-social-media"' in reference


def test_a_before_and_after_pair_reads_as_a_change(client, two_cases_and_a_draft):
    html = text(page(client, "/campaigns/no-tobacco-day/"))
    assert "Awareness of passive smoking" in html
    assert "5% [1] → 19% [1]" in html.replace("Reference ", "")
    assert "5% before the campaign" in html
    assert "19% after the campaign" in html


def test_case_page_shows_its_facts_and_participants_by_role(client, two_cases_and_a_draft):
    html = text(page(client, "/campaigns/yaan-earthquake/"))
    assert "雅安地震微博募捐" in html
    assert "April 2013" in html
    assert "Ya'an, Sichuan, China" in html
    assert "Organiser One Foundation 壹基金 (ran the appeal)" in html
    assert "Platform operator Sina Corporation 新浪" in html
    assert "Sina Weibo 新浪微博" in html


def test_case_page_offers_apa_and_bibtex_citations_of_the_version_shown(
    client, two_cases_and_a_draft
):
    changed = datetime.datetime(2024, 3, 5, 12, 0, tzinfo=datetime.UTC)
    Campaign.objects.filter(slug="yaan-earthquake").update(updated_at=changed)

    html = page(client, "/campaigns/yaan-earthquake/")

    address = "http://testserver/campaigns/yaan-earthquake/"
    # Dated by the version the reader sees (when the case last changed), not by today.
    assert (
        "Social Media for Social Good. (2024, March 5). <i>Weibo fundraising after the Ya&#x27;an"
        " earthquake</i> [Version of 2024-03-05]. " + address in html
    )
    assert "Retrieved" not in html
    assert "@misc{socialgood-yaan-earthquake," in html
    assert f"url = {{{address}}}" in html
    assert "urldate = {2024-03-05}" in html and "note = {Version of 2024-03-05}" in html
    assert contains_html(
        html, 'Last updated <time datetime="2024-03-05T12:00:00+00:00">5 March 2024</time>'
    )


def test_the_bibtex_title_escapes_every_tex_special_character(client, db):
    factories.CampaignFactory(
        slug="tex-title", title="5^2 ~ 25 & 100% of $3 #1 for a_b {braced} back\\slash"
    )

    html = unescape(page(client, "/campaigns/tex-title/"))

    assert (
        "title = {{5\\textasciicircum{}2 \\textasciitilde{} 25 \\& 100\\% of \\$3 \\#1 "
        "for a\\_b braced back\\textbackslash{}slash}},"
    ) in html


def test_case_page_has_breadcrumbs_and_a_meta_block_for_open_data(client, two_cases_and_a_draft):
    html = page(client, "/campaigns/yaan-earthquake/")
    assert '<nav class="breadcrumbs" aria-label="Breadcrumbs">' in html
    assert contains_html(
        html, '<li aria-current="page">Weibo fundraising after the Ya&#x27;an earthquake</li>'
    )


def test_related_cases_share_a_platform_cause_or_tag_and_are_published(
    client, two_cases_and_a_draft, weibo
):
    sibling = factories.CampaignFactory(
        title="Another Weibo appeal", slug="weibo-appeal", platforms=[weibo]
    )
    factories.CampaignFactory(
        title="Unrelated climate case", slug="climate", cause=Cause.CLIMATE_ENVIRONMENT
    )
    html = page(client, "/campaigns/yaan-earthquake/")
    related = html.split('id="related-heading"')[1]
    assert sibling.title in related
    assert "Unrelated climate case" not in related
    assert "Unchecked draft" not in related


def test_a_case_with_no_platforms_still_shows_cases_of_the_same_cause_and_tag(client, db):
    factories.CampaignFactory(
        title="Passive smoking day",
        slug="passive-smoking",
        cause=Cause.PUBLIC_HEALTH,
        tags=["public-health"],
    )
    factories.CampaignFactory(
        title="TB awareness",
        slug="tb-awareness",
        cause=Cause.PUBLIC_HEALTH,
        tags=["public-health"],
    )
    html = page(client, "/campaigns/passive-smoking/")
    assert 'id="related-heading"' in html
    assert "TB awareness" in html.split('id="related-heading"')[1]


def test_a_case_with_no_tags_still_shows_cases_on_the_same_platform(client, db, weibo):
    factories.CampaignFactory(title="Untagged appeal", slug="untagged", platforms=[weibo])
    factories.CampaignFactory(
        title="Another Weibo appeal",
        slug="weibo-appeal",
        platforms=[weibo],
        cause=Cause.CLIMATE_ENVIRONMENT,
    )
    html = page(client, "/campaigns/untagged/")
    assert 'id="related-heading"' in html
    assert "Another Weibo appeal" in html.split('id="related-heading"')[1]


def test_unknown_case_is_not_found(client, two_cases_and_a_draft):
    html = page(client, "/campaigns/no-such-case/", status=404)
    assert "Page not found" in html


# --------------------------------------------------------------------------- drafts


YAAN_TITLE = "Weibo fundraising after the Ya'an earthquake"

PUBLIC_PAGES = {
    "/": YAAN_TITLE,
    "/campaigns/": YAAN_TITLE,
    "/campaigns/?q=earthquake": YAAN_TITLE,
    "/campaigns/?q=unchecked": "No cases match",
    "/campaigns/?platform=sina-weibo": YAAN_TITLE,
    "/campaigns/?sort=figures": YAAN_TITLE,
    "/campaigns/yaan-earthquake/": YAAN_TITLE,
    "/organisations/": "One Foundation",
    "/organisations/sina/": YAAN_TITLE,
    "/platforms/": "Sina Weibo",
    "/platforms/sina-weibo/": YAAN_TITLE,
    "/sources/": "The Power of Social Media: New Case Studies From China",
    "/sources/gates-2013/": YAAN_TITLE,
    "/tags/": "Earthquake",
    "/tags/earthquake/": YAAN_TITLE,
    "/figures/": YAAN_TITLE,
    "/figures/?unit=CNY": YAAN_TITLE,
    "/figures/?sort=largest": YAAN_TITLE,
    "/compare/?c=yaan-earthquake&c=no-tobacco-day": YAAN_TITLE,
    "/timeline/": YAAN_TITLE,
    "/about/": "About the catalogue",
    "/zh-hans/": "雅安地震微博募捐",
    "/zh-hans/campaigns/": "雅安地震微博募捐",
}
"""The public pages, each with words it shows of ``two_cases_and_a_draft`` (the published
cases and what they link to), so a test of what a page leaves out knows the page is there."""


DRAFT_NUMBER = re.compile(r"987,?654,?321|987\.\d+ million|9\.88亿|98,?765(?:\.\d+)?万")
"""The draft's figure, 987,654,321, however a page might write it (a page's timestamps may hold
the digits 987 by chance)."""


def test_drafts_and_their_figures_appear_on_no_public_page(client, two_cases_and_a_draft):
    for url, shown in PUBLIC_PAGES.items():
        html = page(client, url)
        assert shown in text(html), (url, shown)
        for secret in (
            "Unchecked draft",
            'unchecked-draft"',
            "Unverified draft figure",
            "Hidden Draft Partner",
            "draft-only",
        ):
            assert secret not in html, (url, secret)
        assert not DRAFT_NUMBER.search(html), (url, DRAFT_NUMBER.search(html))


@pytest.mark.parametrize(
    "url",
    [
        "/campaigns/unchecked-draft/",
        "/organisations/hidden-partner/",
        "/sources/draft-only-source/",
        "/tags/draft-only-tag/",
        "/zh-hans/campaigns/unchecked-draft/",
    ],
)
def test_a_draft_and_what_only_a_draft_uses_are_not_found(client, two_cases_and_a_draft, url):
    page(client, url, status=404)


def test_counts_leave_drafts_out(client, two_cases_and_a_draft):
    html = text(page(client, "/"))
    assert "2 cases" in html
    assert "3 sourced figures" in html
    html = text(page(client, "/platforms/"))
    assert "Sina Weibo 新浪微博 Microblog Sina Corporation 新浪 1" in html


def test_each_kind_of_entity_counts_only_its_published_cases(two_cases_and_a_draft):
    platforms = Platform.objects.all()
    assert {p.slug: p.published_campaign_count for p in platforms} == {"sina-weibo": 1}
    organisations = Organisation.objects.all()
    assert {o.slug: o.published_campaign_count for o in organisations} == {
        "sina": 1,
        "one-foundation": 1,
        "hidden-partner": 0,
    }
    sources = Source.objects.all()
    counts = {s.slug: (s.published_campaign_count, s.public_figure_count) for s in sources}
    assert counts["gates-2013"] == (2, 3)
    assert counts["draft-only-source"] == (0, 0)
    tags = Tag.objects.all()
    assert {tag.name: tag.published_campaign_count for tag in tags} == {
        "Earthquake": 1,
        "draft-only-tag": 0,
    }


def test_the_entities_with_published_cases_leave_out_those_only_in_drafts(two_cases_and_a_draft):
    assert list(Platform.objects.with_published_campaigns().values_list("slug", flat=True)) == [
        "sina-weibo"
    ]
    organisations = Organisation.objects.with_published_campaigns().values_list("slug", flat=True)
    assert sorted(organisations) == ["one-foundation", "sina"]


# --------------------------------------------------------------------------- other pages


def test_organisation_page_lists_its_cases_by_role(client, two_cases_and_a_draft):
    html = text(page(client, "/organisations/sina/"))
    assert "Platform operator" in html
    assert "Weibo fundraising after the Ya'an earthquake" in html
    assert "Operates Sina Weibo 新浪微博" in html


def test_platform_page_charts_its_figures_over_time_beside_a_table(
    client, two_cases_and_a_draft, weibo
):
    for year, users in ((2012, 300), (2013, 500)):
        factories.FigureFactory(
            key=f"weibo-users-{year}",
            campaign=None,
            platform=weibo,
            label="Registered users",
            value=Decimal(users * 1_000_000),
            unit="users",
            stated_as=f"{users} million users",
            as_of=datetime.date(year, 1, 1),
            as_of_precision="year",
        )
    html = page(client, "/platforms/sina-weibo/")
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg
    assert '<title id="chart-1-title">Registered users, by date</title>' in svg
    assert "The largest is 2013 (500 million users)" in svg
    table = html.split("</svg>")[1]
    assert '2012</th><td class="num">300 million users' in table
    assert "300 million users [1] → 500 million users [2]" in text(html).replace("Reference ", "")
    assert "1 case on this platform" in text(html)


@pytest.fixture
def kwai_with_figures(kwai, gates_report):
    """Kwai with its figures as the seed catalogue has them: two measures of users, one of
    videos."""
    for key, label, value, unit, as_of in (
        ("kwai-dau-2019", "Daily active users", 160, "users", datetime.date(2019, 5, 17)),
        (
            "kwai-spring",
            "Users gained over Spring Festival",
            40,
            "users",
            datetime.date(2020, 2, 9),
        ),
        ("kwai-dau-2020", "Daily active users", 300, "users", datetime.date(2020, 3, 6)),
        ("kwai-videos", "Videos uploaded", 15, "videos", datetime.date(2019, 5, 17)),
    ):
        factories.FigureFactory(
            key=key,
            campaign=None,
            platform=kwai,
            source=gates_report,
            label=label,
            value=Decimal(value * 1_000_000),
            unit=unit,
            stated_as=f"{value} million",
            as_of=as_of,
        )
    return kwai


def test_a_platform_chart_draws_one_measure_over_time_and_leaves_single_figures_to_the_list(
    client, kwai_with_figures
):
    html = page(client, "/platforms/kwai/")
    charts = re.findall(r"<figure class=\"chart\">.*?</figure>", html, re.S)
    assert len(charts) == 1
    svg, table = charts[0].split("</svg>")
    assert '<title id="chart-1-title">Daily active users, by date</title>' in svg
    assert "The largest is 6 March 2020 (300 million users)" in svg
    assert "the smallest is 17 May 2019 (160 million users)" in svg
    rows = re.findall(r'<th scope="row">(.*?)</th><td class="num">(.*?)</td>', table)
    assert rows == [("17 May 2019", "160 million users"), ("6 March 2020", "300 million users")]
    assert "Spring Festival" not in charts[0] and "Videos uploaded" not in charts[0]
    listed = text(html.split("</figure>")[-1])
    assert "Users gained over Spring Festival 40 million users" in listed
    assert "Videos uploaded 15 million videos" in listed


def test_source_page_lists_what_it_supports_and_its_numbered_references(
    client, two_cases_and_a_draft, gates_report
):
    cited = factories.SourceFactory(
        slug="cited-report",
        title="Cited report",
        cited_by=gates_report,
        reference_number=5,
    )
    html = page(client, "/sources/gates-2013/")
    assert "Weibo fundraising after the Ya&#x27;an earthquake" in html
    assert "over 110 million CNY" in html
    assert f'<li id="reference-5" value="5"><a href="{cited.get_absolute_url()}">' in html
    cited_page = text(page(client, "/sources/cited-report/"))
    assert "Reference [5] in The Power of Social Media" in cited_page


def test_a_source_cited_everywhere_shows_its_figures_in_pages_and_its_newest_cases(client):
    factories.build_shared_catalogue(30)

    first = page(client, "/sources/shared-source/")
    second = page(client, "/sources/shared-source/?page=2")

    assert first.count('<tr><th scope="row">') == 50
    assert second.count('<tr><th scope="row">') == 40
    assert 'href="?page=2" rel="next"' in first
    assert "Showing the newest 12 of the 30 cases that cite this source." in text(first)
    too_far = text(page(client, "/sources/shared-source/?page=9"))
    assert "There is no page 9; showing the last page, 2." in too_far


def test_tag_page_lists_the_published_cases_with_that_tag(client, two_cases_and_a_draft):
    html = page(client, "/tags/earthquake/")
    assert "Cases tagged “Earthquake”" in html
    assert "1 case" in text(html)


def test_tags_read_in_the_pages_language_wherever_they_are_shown(client, two_cases_and_a_draft):
    Tag.objects.filter(slug="earthquake").update(name_zh="地震")

    english_case = page(client, "/campaigns/yaan-earthquake/")
    chinese_case = page(client, "/zh-hans/campaigns/yaan-earthquake/")
    assert contains_html(english_case, '<a class="tag" href="/tags/earthquake/">Earthquake</a>')
    assert contains_html(chinese_case, '<a class="tag" href="/zh-hans/tags/earthquake/">地震</a>')
    assert contains_html(chinese_case, '<meta property="article:tag" content="地震">')
    assert '"keywords": [\n  "地震"\n ]' in chinese_case
    assert '<a class="tag" href="/zh-hans/tags/earthquake/">地震</a>' in page(
        client, "/zh-hans/tags/"
    )
    chinese_tag_page = page(client, "/zh-hans/tags/earthquake/")
    assert "<h1>标签为“地震”的案例</h1>" in chinese_tag_page
    assert contains_html(
        page(client, "/zh-hans/campaigns/"), '<option value="earthquake">地震 · 1</option>'
    )
    assert contains_html(
        page(client, "/campaigns/"), '<option value="earthquake">Earthquake · 1</option>'
    )


def test_a_tag_without_a_chinese_name_keeps_its_english_one_on_chinese_pages(
    client, two_cases_and_a_draft
):
    assert '<a class="tag" href="/zh-hans/tags/earthquake/">Earthquake</a>' in page(
        client, "/zh-hans/campaigns/yaan-earthquake/"
    )


def build_entities(count):
    """``count`` platforms, each run by its own organisation and carrying one tagged case."""
    for number in range(count):
        operator = factories.OrganisationFactory(
            name=f"Operator {number:03}", slug=f"operator-{number:03}"
        )
        platform = factories.PlatformFactory(
            name=f"Platform {number:03}", slug=f"platform-{number:03}", operator=operator
        )
        factories.CampaignFactory(
            slug=f"case-{number:03}", platforms=[platform], tags=[f"tag {number:03}"]
        )


@pytest.mark.parametrize(
    ("url", "row"),
    [
        ("/organisations/", r'<th scope="row"><a href="/organisations/operator-(\d+)/">'),
        ("/platforms/", r'<th scope="row"><a href="/platforms/platform-(\d+)/">'),
        ("/tags/", r'<a class="tag" href="/tags/tag-(\d+)/">'),
    ],
    ids=["organisations", "platforms", "tags"],
)
def test_long_lists_of_organisations_platforms_and_tags_come_in_pages_of_50(client, db, url, row):
    build_entities(60)
    first = page(client, url)
    assert re.findall(row, first) == [f"{number:03}" for number in range(50)]
    assert contains_html(first, '<a href="?page=2" rel="next">Next →</a>')
    second = page(client, f"{url}?page=2")
    assert re.findall(row, second) == [f"{number:03}" for number in range(50, 60)]
    assert "There is no page 9; showing the last page, 2." in page(client, f"{url}?page=9")


def test_figures_page_charts_the_most_common_unit_with_the_same_numbers_in_a_table(
    client, two_cases_and_a_draft
):
    html = page(client, "/figures/")
    assert "Case outcomes in percent compared" in html
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert "<desc" in svg and "19%" in svg and "5%" in svg
    assert (
        "Awareness of passive smoking after the campaign — World No Tobacco Day campaign"
        in (html.split("</svg>")[1])
    )


def test_figures_table_filters_by_unit_and_sorts_by_value(client, two_cases_and_a_draft):
    html = text(page(client, "/figures/?unit=percent&sort=largest"))
    assert "2 figures" in html
    assert html.index("19%") < html.index("5% ")
    assert "110 million" not in html.split("All matching figures")[1]


def test_compare_shows_cases_side_by_side_with_figures_by_unit(client, two_cases_and_a_draft):
    html = text(page(client, "/compare/?c=yaan-earthquake&c=no-tobacco-day"))
    assert "Weibo fundraising after the Ya'an earthquake" in html
    assert "World No Tobacco Day campaign" in html
    assert "CNY Money over 110 million CNY" in html
    assert "percent Percentage — 5%" in html


def test_compare_with_one_case_asks_for_two_to_four(client, two_cases_and_a_draft):
    html = page(client, "/compare/?c=yaan-earthquake")
    assert "Choose two to four cases to compare" in html


def test_compare_leaves_out_unknown_and_draft_cases_with_a_note(client, two_cases_and_a_draft):
    html = page(client, "/compare/?c=yaan-earthquake&c=nope&c=unchecked-draft&c=no-tobacco-day")
    assert "There is no published case “nope”; it was left out." in html
    assert "There is no published case “unchecked-draft”; it was left out." in html
    assert "World No Tobacco Day campaign" in html


def test_compare_with_five_hundred_cases_shows_four_with_a_note(client, db):
    for number in range(6):
        factories.CampaignFactory(slug=f"case-{number}", title=f"Case {number}")
    query = "&".join(f"c=case-{number % 6}-{number}" for number in range(494))
    query += "&" + "&".join(f"c=case-{number}" for number in range(6))
    html = page(client, f"/compare/?{query}")
    assert "Only the first 50 of the 500 cases asked for were looked up." in html
    html = page(client, "/compare/?" + "&".join(f"c=case-{n}" for n in range(6)))
    assert "Up to 4 cases can be compared; showing the first 4." in html
    assert "Case 3" in html and "Case 4" not in html


def test_timeline_groups_cases_by_year_with_a_chart(client, two_cases_and_a_draft):
    html = page(client, "/timeline/")
    assert contains_html(html, '<h2 id="year-2012">2012</h2>')
    assert contains_html(html, '<h2 id="year-2013">2013</h2>')
    assert contains_html(html, '<title id="years-chart-title">Cases started each year</title>')


def test_the_timeline_lists_a_dozen_cases_a_year_and_links_to_the_rest(client, db):
    for number in range(30):
        factories.CampaignFactory(
            slug=f"case-{number:02}",
            title=f"Case {number:02}",
            start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
        )
    factories.CampaignFactory(
        slug="older", title="Older case", start_date=datetime.date(2019, 6, 1)
    )
    html = page(client, "/timeline/")
    year = html.split('<h2 id="year-2020">')[1]
    assert re.findall(r'<a href="/campaigns/case-(\d+)/">', year) == [
        f"{number:02}" for number in range(12)
    ]
    assert (
        '<a href="/campaigns/?year_from=2020&amp;year_to=2020&amp;scope=all">See all 30 cases '
        "from 2020" in year
    )
    assert "Older case" in html.split('<h2 id="year-2019">')[1]
    assert "See all 1 case" not in html
    chart = re.search(r'<table class="chart-table">.*?</table>', html, re.S).group(0)
    assert re.findall(r'<a href="#year-(\d+)">\1</a></th><td class="num">(\d+)<', chart) == [
        ("2019", "1"),
        ("2020", "30"),
    ]


def test_the_timeline_shows_cases_with_no_known_start_last_and_says_how_many_more(client, db):
    for number in range(15):
        factories.CampaignFactory(slug=f"undated-{number:02}", start_date=None)
    html = page(client, "/timeline/")
    undated = html.split('<h2 id="year-unknown">Date not known</h2>')[1]
    assert len(re.findall(r'<a href="/campaigns/undated-\d+/">', undated)) == 12
    assert "and 3 more cases with no known start date" in text(undated)


def test_home_page_lists_the_dozen_platforms_with_most_cases_and_links_to_the_rest(client, db):
    build_entities(20)
    busy = factories.PlatformFactory(name="Busy platform", slug="busy")
    for number in range(3):
        factories.CampaignFactory(slug=f"busy-{number}", platforms=[busy])
    html = page(client, "/")
    ways = html.split("<h3>By platform</h3>")[1].split("</div>")[0]
    assert re.findall(r"\?platform=([-\w]+)&amp;scope=all\"", ways) == ["busy"] + [
        f"platform-{number:03}" for number in range(11)
    ]
    assert contains_html(
        ways, f'<a href="{reverse("campaigns:platform_list")}">See every platform</a>'
    )


def test_about_page_explains_qualifiers_units_and_as_of_dates(client, db):
    html = page(client, "/about/")
    for words in ("Qualifier", "As-of date", "Value and unit", "How entries are sourced"):
        assert words in html


def test_the_language_switcher_links_to_the_same_page_in_chinese(client, two_cases_and_a_draft):
    html = page(client, "/campaigns/yaan-earthquake/?x=1")
    assert 'href="/zh-hans/campaigns/yaan-earthquake/?x=1" hreflang="zh-hans"' in html
    chinese = page(client, "/zh-hans/campaigns/yaan-earthquake/")
    assert 'href="/campaigns/yaan-earthquake/" hreflang="en"' in chinese
    assert '<html lang="zh-Hans">' in chinese
    assert "<h1>雅安地震微博募捐</h1>" in chinese
    assert '<p class="subtitle" lang="en">Weibo fundraising' in chinese


def test_the_language_switcher_never_links_to_another_site(client, two_cases_and_a_draft):
    # Under gunicorn a request for "//evil.com/" arrives with that path; the test client
    # would parse "//evil.com/" as a host, so the path is set the way the server sets it.
    response = client.get("/", PATH_INFO="//evil.com/")
    html = response.content.decode()

    assert response.wsgi_request.path == "//evil.com/"
    assert "evil.com" not in html
    assert 'href="/zh-hans/" hreflang="zh-hans"' in html


def test_the_language_switcher_on_a_missing_chinese_page_leads_to_the_english_home_page(
    client, two_cases_and_a_draft
):
    response = client.get("/zh-hans/nothing-here/")

    assert response.status_code == 404
    assert 'href="/" hreflang="en"' in response.content.decode()


def test_chinese_pages_write_large_numbers_in_wan_and_yi(client, two_cases_and_a_draft):
    html = page(client, "/zh-hans/campaigns/yaan-earthquake/")
    assert "1.1亿" in html


# --------------------------------------------------------------------------- structure


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_page_has_landmarks_one_h1_and_a_skip_link(client, two_cases_and_a_draft, url):
    html = page(client, url)
    assert html.count("<h1") == 1
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html
    assert '<a class="skip-link" href="#main">' in html
    levels = [int(level) for level in re.findall(r"<h([1-6])", html)]
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False)), (
        levels
    )


# --------------------------------------------------------------------------- queries and size


# Pages with figures read the other statements of each figure's measure in one query more
# (``with_conversions``); the figures page twice, for its table and its chart.
QUERY_COUNTS = {
    "/": 12,
    "/campaigns/": 8,
    # Filtered: one query more than the unfiltered list (which reads its count and maps from
    # the catalogue's summary): the list's count and its maps' counts by country and by
    # province are one grouped count of its cases (three queries before).
    "/campaigns/?platform=shared&sort=figures": 9,
    # Searched: one query more than filtered, for the search aliases, read once per catalogue
    # version (each test's first request is a new version's), and the search is counted on its
    # own (``count_matches``, which may estimate): on PostgreSQL through the indexes, four
    # statements more in a test's transaction (a savepoint, the planner's settings, their
    # reset, the savepoint released), two outside one.
    "/campaigns/?q=farming&platform=shared&year_from=2000&sort=figures&page=1": (
        15 if connection.vendor == "postgresql" else 11
    ),
    "/campaigns/case-0/": 15,
    "/campaigns/case-0/cite.ris": 2,
    "/campaigns/case-0/cite.bib": 2,
    "/organisations/": 3,
    "/organisations/?page=2": 3,
    "/organisations/organiser/": 6,
    "/organisations/operator/": 6,
    "/platforms/": 3,
    "/platforms/?page=2": 3,
    "/platforms/shared/": 9,
    "/sources/": 3,
    "/sources/shared-source/": 6,
    "/sources/shared-source/?page=2": 6,
    "/sources/shared-source/cite.ris": 2,
    "/tags/": 3,
    "/tags/?page=2": 3,
    "/tags/shared/": 5,
    "/figures/": 8,
    # One unit: one query more, for the figures converted into it (read by their index), so
    # that the table is read along the index of (unit, value) rather than scanned.
    "/figures/?unit=CNY&platform=shared&sort=largest": 10,
    "/compare/?c=case-0&c=case-1&c=case-2": 7,
    "/compare/?c=case-0&c=case-1&c=case-2&c=case-3": 7,
    "/timeline/": 4,
    "/about/": 0,
}
"""The number of queries each page runs, whatever the size of the catalogue (with the catalogue's
summary counted; the first request after a change counts it, in ``SUMMARY_QUERIES`` more).
Pages that show figures fetch their conversions (the same amount in another unit) in one
query more."""

SUMMARY_QUERIES = 15
"""(14 before cases had formats: their counts, by scope, are one query more.)"""


@pytest.fixture(scope="class", params=[4, 60], ids=lambda size: f"{size}-cases")
def grown_catalogue(request, django_db_setup, django_db_blocker):
    """``build_catalogue`` of 4 cases (as many as can be compared), then of 60, each built once
    for all the tests of a class (one test per page) and rolled back after the last of them.

    Class-scoped rather than module-scoped: a module-scoped one would stay in the database while
    the module's other tests, which expect only their own cases, run after the class.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        factories.build_shared_catalogue(request.param)
        yield request.param
        transaction.set_rollback(True)


class TestEveryPageAtAnySize:
    """Every page of ``QUERY_COUNTS`` over a catalogue of 4 cases and of 60: one test per page
    and size, so that one page over its budget does not hide another."""

    @pytest.mark.parametrize(("url", "expected"), QUERY_COUNTS.items(), ids=list(QUERY_COUNTS))
    def test_every_page_runs_the_same_number_of_queries_at_any_size(
        self, client, django_assert_num_queries, grown_catalogue, url, expected
    ):
        CatalogueSummary.current()  # counted once per change (its own test is below)
        units()  # read once per catalogue version (its own test is in test_units.py)
        with django_assert_num_queries(expected):
            page(client, url)

    def test_the_share_image_runs_the_same_number_of_queries_at_any_size(
        self, client, django_assert_num_queries, grown_catalogue
    ):
        units()  # read once per catalogue version (test_units.py)
        # The case, its figures, its platforms, and the catalogue's version, which says the
        # units kept in the process are current (3 when units were a fixed list).
        with django_assert_num_queries(4):
            response = client.get("/campaigns/case-0/share.png")
        assert response.status_code == 200

    def test_the_catalogue_summary_is_counted_in_the_same_queries_at_any_size(
        self, django_assert_num_queries, grown_catalogue
    ):
        CatalogueVersion.bump()
        with django_assert_num_queries(SUMMARY_QUERIES):  # read, eight counts, kept
            summary = CatalogueSummary.current()
        with django_assert_num_queries(1):  # read
            assert CatalogueSummary.current() == summary
        assert summary.campaigns == Campaign.objects.public().count()

    @pytest.mark.parametrize("url", QUERY_COUNTS)
    def test_every_page_with_its_stylesheet_stays_under_100_kb(self, client, grown_catalogue, url):
        stylesheet = (settings.BASE_DIR / "static" / "css" / "site.css").stat().st_size
        size = len(client.get(url).content) + stylesheet
        assert size < PAGE_BUDGET_BYTES, (url, size)


def test_the_list_offers_its_filtered_results_as_downloads(client, two_cases_and_a_draft):
    html = page(client, "/campaigns/?cause=public_health&platform=zz")
    assert 'href="/campaigns/export.csv?cause=public_health">CSV</a>' in html
    html = page(client, "/figures/?unit=percent")
    assert 'href="/figures/export.json?unit=percent">JSON</a>' in html


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/campaigns/?q=%00", 200),
        ("/campaigns/?q=earth%00quake", 200),
        ("/campaigns/?organisation=%00&tag=%00&country=%00", 200),
        ("/compare/?c=%00&c=yaan-earthquake", 200),
        ("/figures/?year=%00&unit=%00&platform=%00", 200),
        ("/sources/?page=%00", 200),
        ("/tags/%00/", 404),
    ],
)
def test_a_nul_character_anywhere_in_the_address_never_breaks_a_page(
    client, two_cases_and_a_draft, url, status
):
    page(client, url, status=status)


def test_the_server_error_page_is_plain_and_needs_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert "<h1>Something went wrong</h1>" in html


# --------------------------------------------------------------------------- Chinese pages


def test_a_before_and_after_pair_reads_in_chinese_on_chinese_pages(
    client, two_cases_and_a_draft, tobacco_case, today
):
    today(datetime.date(2026, 6, 1))
    for when, chinese in (("before", "活动前"), ("after", "活动后")):
        tobacco_case.figures.filter(key=f"tobacco-awareness-{when}").update(
            label_zh=f"{chinese}公众对被动吸烟危害的知晓率"
        )

    html = page(client, "/zh-hans/campaigns/no-tobacco-day/")
    english = text(page(client, "/campaigns/no-tobacco-day/"))

    assert contains_html(html, '<span lang="zh-Hans">公众对被动吸烟危害的知晓率</span>')
    assert "<li>5%（活动前）：截至2013年5月，距今13年；原文为“5%”</li>" in html
    assert "<li>19%（活动后）：截至2013年5月，距今13年；原文为“19%”</li>" in html
    assert "before the campaign" not in html
    assert "5% before the campaign: as of May 2013 — 13 years ago; stated as “5%”" in english


def test_the_figures_chart_names_figures_and_cases_in_chinese_on_chinese_pages(
    client, two_cases_and_a_draft
):
    html = page(client, "/zh-hans/figures/?unit=CNY")
    labels = re.findall(r'class="chart-label">([^<]*)<', html)

    assert (
        "募集善款 — 雅安地震微博募捐（2013年4月）" in labels
    )  # with its date, in full-width parentheses
    assert "Donations raised — " not in html


def test_the_citation_stays_english_apa_under_a_chinese_heading(client, two_cases_and_a_draft):
    changed = datetime.datetime(2024, 3, 5, 12, 0, tzinfo=datetime.UTC)
    Campaign.objects.filter(slug="yaan-earthquake").update(updated_at=changed)

    html = page(client, "/zh-hans/campaigns/yaan-earthquake/")

    assert contains_html(html, '<h2 id="cite-heading">引用本案例</h2>')
    assert (
        '<p class="apa" lang="en" id="cite-apa">Social Media for Social Good. (2024, March 5).'
    ) in html
    assert "[Version of 2024-03-05]. http://testserver/zh-hans/" in html
    assert "author = {{Social Media for Social Good}}" in html
    assert "检索自" not in html


def test_the_compare_checkbox_names_the_case_in_the_page_language(client, two_cases_and_a_draft):
    html = page(client, "/zh-hans/campaigns/")

    assert contains_html(html, '<span class="visually-hidden"> 雅安地震微博募捐</span>')


def test_a_person_page_heads_its_figures_as_about_this_person(
    client, two_cases_and_a_draft, yaan_case
):
    person = factories.OrganisationFactory(
        name="Deng Fei", name_zh="邓飞", slug="deng-fei", kind="individual"
    )
    factories.ParticipationFactory(campaign=yaan_case, organisation=person, role=Role.ORGANISER)
    factories.FigureFactory(
        key="deng-fei-followers",
        organisation=person,
        source=yaan_case.sources.first(),
        label="Weibo followers",
        label_zh="微博粉丝",
        value=Decimal("1000"),
        unit="followers",
        stated_as="1,000 followers",
    )

    assert "关于此人的数据" in page(client, "/zh-hans/organisations/deng-fei/")
    assert "Figures about this person" in page(client, "/organisations/deng-fei/")


def test_a_source_page_calls_its_date_the_publication_date_in_chinese(
    client, two_cases_and_a_draft
):
    html = page(client, "/zh-hans/sources/gates-2013/")

    assert "<dt>发布日期</dt><dd>2013年5月13日</dd>" in html
    assert "已发布" not in text(html).split("引用")[0]


def test_a_filter_chip_uses_a_full_width_colon_in_chinese(client, two_cases_and_a_draft):
    html = text(page(client, "/zh-hans/campaigns/?q=earthquake"))

    assert "搜索：earthquake" in html


def test_an_organisations_page_shows_each_roles_latest_cases_and_links_to_all_of_them(client, db):
    factories.build_shared_catalogue(20)

    html = page(client, "/organisations/organiser/")

    cases = re.findall(r'<li><a href="/campaigns/(case-\d+)/">', html)
    assert len(cases) == 12
    assert cases[0] == "case-19", "the latest first"
    assert "The latest 12 of 20." in text(html)
    assert '<a href="/campaigns/?organisation=organiser&amp;scope=all">See them all' in html
