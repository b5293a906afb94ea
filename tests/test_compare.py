"""Comparing cases: the compare page, "Compare with…" on a case page, and the list carrying the
cases chosen to compare from page to page."""

import datetime
import re
from decimal import Decimal

import pytest

from campaigns.models import Role
from campaigns.views.common import CAMPAIGNS_PER_PAGE
from tests import factories
from tests.pages import contains_html, page, text

pytestmark = pytest.mark.django_db

APPLES = "apple-live-stream"
YAAN = "yaan-earthquake"


@pytest.fixture
def apple_case(db):
    """A case in "China" (its country too) with a partner, a champion and a platform operator
    but no organiser, and two figures in plays citing two sources: the second figure cites the
    case's reference [2]."""
    first = factories.SourceFactory(slug="apple-report", title="Apple report")
    second = factories.SourceFactory(slug="plays-report", title="Plays report")
    campaign = factories.CampaignFactory(
        title="Apple live stream",
        title_zh="苹果直播",
        slug=APPLES,
        location="China",
        location_zh="中国",
        country="CN",
        summary="A county official sold apples in a live stream.",
        summary_zh="",
        sources=[first, second],
    )
    for role, name in [
        (Role.PARTNER, "Apple Growers' Cooperative"),
        (Role.CHAMPION, "Song Xiaoying"),
        (Role.PLATFORM_OPERATOR, "ByteDance"),
    ]:
        factories.ParticipationFactory(
            campaign=campaign,
            organisation=factories.OrganisationFactory(name=name),
            role=role,
            note="hosted the stream" if role == Role.CHAMPION else "",
        )
    factories.FigureFactory(
        key="apple-kg",
        campaign=campaign,
        source=first,
        label="Apples sold",
        value=Decimal("53000"),
        unit="kg",
        stated_as="53,000 kg",
        as_of=None,
    )
    factories.FigureFactory(
        key="apple-plays",
        campaign=campaign,
        source=second,
        label="Plays",
        label_zh="播放量",
        value=Decimal("20000000000"),
        unit="plays",
        qualifier="over",
        stated_as="over 20 billion plays",
        period="in one month",
        period_zh="一个月内",
        as_of=datetime.date(2020, 2, 1),
        as_of_precision="month",
    )
    return campaign


@pytest.fixture
def plays_case(db):
    """A case with 52 million plays over a year."""
    campaign = factories.CampaignFactory(title="Plays over a year", slug="plays-over-a-year")
    factories.FigureFactory(
        key="year-plays",
        campaign=campaign,
        label="Plays",
        value=Decimal("52000000"),
        unit="plays",
        stated_as="52 million plays",
        period="in 2020",
        as_of=datetime.date(2020, 12, 31),
    )
    return campaign


@pytest.fixture
def compared(yaan_case, apple_case, plays_case, draft_case):
    """The Ya'an case, the apple case and the case of a year's plays, all published, and a
    draft that must never show."""


def compare_page(client, *slugs, language=""):
    """The HTML of the compare page of ``slugs``."""
    query = "&".join(f"c={slug}" for slug in slugs)
    return page(client, f"{language}/compare/?{query}")


def row(html, label):
    """The words of the table row headed ``label``."""
    match = re.search(
        rf'<tr><th scope="row">{label}(?: <span[^>]*>[^<]*</span>)?</th>.*?</tr>', html
    )
    assert match, f"no row {label}"
    return text(match.group(0))


# --------------------------------------------------------------------------- the compare page


def test_every_participant_role_shows_in_its_own_row(client, compared):
    html = compare_page(client, YAAN, APPLES)

    assert row(html, "Organiser") == "Organiser One Foundation 壹基金 (ran the appeal) —"
    assert row(html, "Partner") == "Partner — Apple Growers' Cooperative"
    assert row(html, "Champion or influencer") == (
        "Champion or influencer — Song Xiaoying (hosted the stream)"
    )
    assert "ByteDance" in row(html, "Platform operator")
    assert "Sina" in row(html, "Platform operator")
    assert "Beneficiary" not in html


def test_a_place_that_is_its_country_is_named_once(client, compared):
    assert row(compare_page(client, YAAN, APPLES), "Where") == "Where Ya'an, Sichuan, China China"
    assert row(compare_page(client, YAAN, APPLES, language="/zh-hans"), "地点") == (
        "地点 Ya'an, Sichuan 仅有英文 ，中国 中国"
    )


def test_figures_of_one_unit_share_a_row_with_their_periods_and_as_of_dates(
    client, compared, today
):
    today(datetime.date(2026, 6, 1))
    plays = row(compare_page(client, APPLES, "plays-over-a-year"), "plays")

    assert plays == (
        "plays Count "
        "over 20 billion plays Reference [2] Plays 播放量 in one month; "
        "as of February 2020 — 6 years ago "
        "52 million plays Reference [1] Plays in 2020; as of 31 December 2020 — 6 years ago"
    )


def test_each_figure_cites_its_reference_numbered_as_on_its_case_page(client, compared):
    case_page = page(client, f"/campaigns/{APPLES}/")
    numbered = dict(re.findall(r'<li id="ref-(\d+)" value="\d+">.*?<cite>(.*?)</cite>', case_page))
    assert numbered == {"1": "Apple report", "2": "Plays report"}

    html = compare_page(client, YAAN, APPLES)

    assert contains_html(
        html, '<a href="#case-2-ref-2"><span class="visually-hidden">Reference </span>[2]</a>'
    )
    assert contains_html(
        html, '<a href="#case-1-ref-1"><span class="visually-hidden">Reference </span>[1]</a>'
    )
    references = html.split('id="references-heading"')[1]
    assert (
        dict(re.findall(r'<li id="case-2-ref-(\d+)" value="\d+">.*?<cite>(.*?)</cite>', references))
        == numbered
    )
    assert re.search(r'<li id="case-1-ref-1" value="1">.*?<cite>The Power of Social', references)


def test_the_chinese_compare_page_shows_chinese_fields_and_marks_english(client, compared):
    html = compare_page(client, YAAN, APPLES, language="/zh-hans")

    assert "一个月内" in html
    assert "in one month" not in html
    assert "播放量" in html
    assert re.search(
        r'<span lang="en">A county official sold apples in a live stream.</span> '
        r'<span class="english-only">仅有英文</span>',
        html,
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Choose two to four cases to compare"),
        (f"c={YAAN}", "Choose two to four cases to compare"),
        (f"c={YAAN}&c={YAAN}", "“yaan-earthquake” was asked for more than once; it is shown once."),
        (f"c={YAAN}&c=no-such-case", "There is no published case “no-such-case”; it was left out."),
        (f"c={YAAN}&c=unchecked-draft", "There is no published case “unchecked-draft”"),
        (f"c={YAAN}&c=%3Cscript%3E", "There is no published case “&lt;script&gt;”"),
        (
            f"c={YAAN}&c={APPLES}&c=plays-over-a-year&c=four&c=five",
            "There is no published case “four”",
        ),
    ],
    ids=["none", "one", "duplicate", "unknown", "draft", "markup", "five"],
)
def test_bad_input_gets_a_clear_message_and_never_an_error(client, compared, query, message):
    html = page(client, f"/compare/?{query}")

    assert message in html
    assert "Unchecked draft" not in html


def test_five_published_cases_show_four_with_a_note(client, compared):
    for number in range(2):
        factories.CampaignFactory(slug=f"extra-{number}", title=f"Extra case {number}")
    html = compare_page(client, YAAN, APPLES, "plays-over-a-year", "extra-0", "extra-1")

    assert "Up to 4 cases can be compared; showing the first 4." in html
    assert html.count('<th scope="col">') == 4
    assert "Extra case 1" not in html


def test_a_draft_never_shows_on_the_compare_page(client, compared):
    html = compare_page(client, YAAN, "unchecked-draft", APPLES)

    assert html.count('<th scope="col">') == 2
    for hidden in ("Unchecked draft", "Hidden Draft Partner", "987", "Draft-only source"):
        assert hidden not in html


def test_the_compare_page_links_back_to_the_list_with_its_cases_chosen(client, compared):
    html = compare_page(client, YAAN, APPLES)

    assert f'href="/campaigns/?c={YAAN}&amp;c={APPLES}">Add or change cases</a>' in html


# --------------------------------------------------------------------------- choosing cases


def test_a_case_page_offers_to_compare_it_with_a_related_case_or_cases_from_the_list(
    client, compared, yaan_case
):
    related = factories.CampaignFactory(slug="also-on-weibo", title="Also on Weibo")
    related.platforms.add(*yaan_case.platforms.all())
    html = page(client, f"/campaigns/{YAAN}/")

    form = html.split('<h2 id="compare-with-heading">Compare with…</h2>')[1].split("</section>")[0]
    assert 'action="/compare/"' in form
    assert contains_html(form, f'<input type="hidden" name="c" value="{YAAN}">')
    assert contains_html(form, '<option value="also-on-weibo">Also on Weibo</option>')
    assert "unchecked-draft" not in form
    assert f'<a href="/campaigns/?c={YAAN}">' in form


def test_the_list_ticks_and_carries_the_cases_chosen_in_its_address(client, db):
    for number in range(CAMPAIGNS_PER_PAGE + 1):
        factories.CampaignFactory(slug=f"case-{number:02}", title=f"Case {number:02}")
    first_page = page(client, "/campaigns/?sort=title&c=case-00&c=case-20&c=bad%20slug")

    assert 'name="c" value="case-00" checked>' in first_page
    assert contains_html(first_page, '<input type="hidden" name="c" value="case-20">')
    assert "bad slug" not in first_page
    assert 'href="?sort=title&amp;page=2&amp;c=case-00&amp;c=case-20" rel="next"' in first_page
    assert re.search(r'class="compare-count">2</strong>', first_page)
    assert 'name="c" value="case-20" checked>' in page(
        client, "/campaigns/?sort=title&page=2&c=case-00&c=case-20"
    )


def test_the_list_without_a_choice_hides_the_count_of_chosen_cases(client, compared):
    html = page(client, "/campaigns/")

    assert '<p class="compare-status" role="status" hidden>' in html
    # No case is ticked (the scope's default radio button is checked: that is no case).
    assert not re.search(r'name="c" value="[^"]*" checked', html)
    assert 'name="scope" value="social_good" checked>' in html


def test_the_list_loads_the_selection_script_as_a_file_and_nothing_inline(client, compared):
    html = page(client, "/campaigns/")

    assert contains_html(html, '<script src="/static/js/compare.js" defer></script>')
    assert not re.search(r"<script(?![^>]*\bsrc=)|\son[a-z]+=|\sstyle=", html)
