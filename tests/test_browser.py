"""The public site in a real browser: Playwright drives Debian's Chromium against a live test
server with the seed catalogue loaded.

Skipped when /usr/bin/chromium is missing (browsers cannot be downloaded here). One browser and
one server serve the whole module, over the seed catalogue the whole run shares (its tests only
read); every test gets a fresh browser context (cookies, viewport).
"""

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connections
from playwright.sync_api import expect, sync_playwright
from pytest_django.live_server_helper import LiveServer

from campaigns.models import Campaign
from tests.browser_pages import (
    CASE,
    CASE_SOURCE_TITLE,
    CASE_TITLE,
    CASE_TITLE_ZH,
    PAGES,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    # Each test runs in a transaction rolled back after it; the catalogue is the shared seed.
    pytest.mark.django_db,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"Chromium not found at {CHROMIUM}: browser tests skipped"
    ),
]

PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the module.

    Playwright's sync API runs an event loop on this thread, so Django is told that database
    calls from it (the tests' own queries) are safe while the browser is open.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
            # Playwright's greenlets each have their own Django connection: close them, or
            # PostgreSQL refuses to empty or drop the test database at the end of the run.
            connections.close_all()


@pytest.fixture(scope="module")
def site(seed_catalogue):
    """A live server of the seed catalogue, for the whole module.

    pytest-django's ``live_server`` empties the database after every test, so each test would
    load the catalogue again. These tests only read, so they share the run's seed catalogue.
    """
    server = LiveServer("localhost")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def page(site, browser):
    """A fresh tab at desktop width; it records every sub-resource that fails to load.

    The server is set up before the browser, so it stops after the browser has closed: a
    request thread still serving Chromium must not outlive the server's database connection.
    """
    context = browser.new_context(
        base_url=site.url, viewport={"width": 1280, "height": 900}, locale="en-GB"
    )
    context.set_default_timeout(10_000)
    tab = context.new_page()
    tab.failed_resources = []
    tab.on(
        "response",
        lambda response: (
            response.status >= 400
            and response.request.resource_type != "document"
            and tab.failed_resources.append(f"{response.status} {response.url}")
        ),
    )
    tab.on("requestfailed", lambda request: tab.failed_resources.append(f"failed {request.url}"))
    yield tab
    context.close()


def visit(page, path, status=200):
    """Open ``path`` and check it answered ``status`` with its styles and scripts loaded."""
    response = page.goto(path)
    assert response is not None and response.status == status, (
        f"{path} answered {response.status if response else 'nothing'}, expected {status}"
    )
    assert page.failed_resources == [], f"{path} failed to load: {page.failed_resources}"
    return response


def card_titles(page):
    """The titles of the case cards on the page, as a reader sees them, without the name in
    the other language that follows a title."""
    return page.locator(".card .card-title").evaluate_all(
        """titles => titles.map(title => {
            const copy = title.cloneNode(true);
            copy.querySelectorAll('.alt-name').forEach(name => name.remove());
            return copy.textContent.trim();
        })"""
    )


def test_a_reader_filters_by_platform_opens_a_case_and_follows_a_figure_to_its_reference(page):
    visit(page, "/campaigns/")
    page.get_by_text("Filter by platform").click()
    page.get_by_label("Sina Weibo (新浪微博)").check()
    page.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"[?&]platform=sina-weibo"))
    expect(page.locator(".chips")).to_contain_text("Platform: Sina Weibo")
    titles = card_titles(page)
    assert CASE_TITLE in titles
    assert "Kwai's rural support plans" not in titles
    for card in page.locator(".card").all():
        expect(card).to_contain_text("Sina Weibo")

    page.get_by_role("link", name=CASE_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(CASE_TITLE)
    figure = page.locator(".figure").filter(has_text="Donations raised").first
    expect(figure).to_contain_text("110")
    citation = figure.locator("sup.cite a").first
    number = re.search(r"\[(\d+)\]", citation.inner_text()).group(1)
    citation.click()

    expect(page).to_have_url(re.compile(f"#ref-{number}$"))
    reference = page.locator(".references li:target")
    expect(reference).to_have_attribute("id", f"ref-{number}")
    expect(reference).to_contain_text(CASE_SOURCE_TITLE)
    expect(reference).to_be_in_viewport()


@pytest.mark.parametrize("size", [{"width": 1280, "height": 800}, PHONE])
def test_search_results_come_first_on_the_screen(page, size):
    page.set_viewport_size(size)
    visit(page, "/campaigns/?q=apples&cause=rural_livelihoods")

    expect(page.locator(".result-count")).to_be_in_viewport()
    first = page.locator(".card").first
    box = first.bounding_box()
    assert box["y"] < size["height"], f"the first result starts {box['y']:.0f} px down"
    expect(page.locator(".more-filters summary")).to_contain_text("(1 in use)")
    expect(page.locator(".chips")).to_contain_text("Cause:")


def test_searching_in_chinese_finds_the_cases_on_that_platform(page):
    visit(page, "/")
    search = page.get_by_role("searchbox", name="Search the cases")
    search.fill("快手")
    search.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Cases")
    expect(page).to_have_title(re.compile("快手"))
    titles = card_titles(page)
    assert "Kwai's agricultural assistance and Spring plowing plan" in titles
    assert "Kwai's rural support plans" in titles
    assert CASE_TITLE not in titles
    expected = Campaign.objects.public().search("快手").count()
    expect(page.locator(".result-count")).to_contain_text(f"{expected} case")
    assert len(titles) == expected


def test_two_ticked_cases_are_compared_side_by_side(page):
    visit(page, "/campaigns/?q=Ya%27an")
    other = "Volunteer groups coordinate Ya'an relief on WeChat"
    page.get_by_label(f"Compare {CASE_TITLE}").check()
    page.get_by_label(f"Compare {other}").check()
    page.get_by_role("button", name="Compare selected").click()

    expect(page).to_have_url(re.compile(r"/compare/\?"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Compare cases")
    headers = page.locator(".compare-table thead th")
    expect(headers).to_have_count(2)
    expect(headers.nth(0)).to_contain_text(CASE_TITLE)
    expect(headers.nth(1)).to_contain_text(other)
    first, second = headers.nth(0).bounding_box(), headers.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 1 and second["x"] > first["x"] + first["width"] - 1
    expect(page.locator(".compare-table")).to_contain_text("Sina Weibo")
    expect(page.locator(".compare-table")).to_contain_text("WeChat")


def compare_layout(page):
    """Where the compare table's parts are: the page's and the window's widths, the table's
    scroll box, each case's heading and the first row's label, in pixels."""
    return page.evaluate(
        """() => {
            const box = node => {
                const r = node.getBoundingClientRect();
                return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
            };
            const wrap = document.querySelector('.compare-wrap');
            return {
                page: document.documentElement.scrollWidth,
                window: window.innerWidth,
                wrap: box(wrap),
                scrolls: wrap.scrollWidth > wrap.clientWidth,
                headers: [...document.querySelectorAll('.compare-table thead th')].map(box),
                label: box(document.querySelector('.compare-table tbody th[scope="row"]')),
            };
        }"""
    )


@pytest.mark.parametrize("size", [{"width": 1280, "height": 800}, PHONE], ids=["1280", "360"])
def test_four_compared_cases_fit_the_page_with_the_labels_in_view(page, size):
    page.set_viewport_size(size)
    visit(page, PAGES["compare four cases"])

    layout = compare_layout(page)
    assert layout["page"] <= layout["window"], f"the page is {layout['page']} px wide"
    assert len(layout["headers"]) == 4
    wrap, label = layout["wrap"], layout["label"]
    if size["width"] == 1280:
        assert not layout["scrolls"], "at 1280 px every case fits without scrolling"
        expect(page.locator(".scroll-hint")).to_be_hidden()
        for header in layout["headers"]:
            assert wrap["left"] <= header["left"] and header["right"] <= wrap["right"] + 1
        assert max(h["bottom"] for h in layout["headers"]) < size["height"]
    else:
        assert layout["scrolls"]
        expect(page.locator(".scroll-hint")).to_be_visible()
    # Each case's heading can be scrolled into the table's box, beside the labels, which stay.
    for number in range(4):
        page.locator(".compare-table thead th").nth(number).scroll_into_view_if_needed()
        layout = compare_layout(page)
        header = layout["headers"][number]
        assert layout["page"] <= layout["window"]
        assert abs(layout["label"]["left"] - label["left"]) < 1, "the labels moved"
        assert header["left"] >= layout["label"]["right"] - 1, f"case {number + 1} is hidden"
        assert header["right"] <= layout["wrap"]["right"] + 1, f"case {number + 1} is cut off"
    expect(page.locator(".compare-table tbody th[scope='row']").first).to_be_in_viewport()


def test_cases_ticked_on_two_pages_of_the_list_are_compared_together(page):
    visit(page, "/campaigns/")
    first_title = card_titles(page)[0]
    page.get_by_label(f"Compare {first_title}").check()
    expect(page.locator(".compare-status")).to_contain_text("1")

    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Next").click()
    expect(page).to_have_url(re.compile(r"[?&]page=2"))
    second_title = card_titles(page)[0]
    assert second_title != first_title
    page.get_by_label(f"Compare {second_title}").check()
    expect(page.locator(".compare-status")).to_contain_text("2")
    page.get_by_role("button", name="Compare selected").click()

    expect(page).to_have_url(re.compile(r"/compare/\?"))
    headers = page.locator(".compare-table thead th")
    expect(headers).to_have_count(2)
    expect(headers.nth(0)).to_contain_text(first_title)
    expect(headers.nth(1)).to_contain_text(second_title)


def test_clearing_the_selection_unticks_the_cases_chosen_on_other_pages(page):
    visit(page, "/campaigns/")
    page.locator(".compare-pick input").first.check()
    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Next").click()
    expect(page.locator(".compare-status")).to_be_visible()

    page.get_by_role("link", name="Clear the selection").click()

    expect(page.locator(".compare-status")).to_be_hidden()
    assert page.locator(".compare-form input[name='c']:checked, .compare-kept input").count() == 0
    page.goto("/campaigns/")  # not remembered for the tab either
    expect(page.locator(".compare-pick input:checked")).to_have_count(0)
    expect(page.locator(".compare-status")).to_be_hidden()


def test_a_case_page_compares_the_case_with_one_chosen_from_the_list(page):
    visit(page, f"/campaigns/{CASE}/")
    page.get_by_role("link", name="Choose up to three cases from the list").click()

    expect(page.get_by_label(f"Compare {CASE_TITLE}")).to_be_checked()
    other = "Kwai's agricultural assistance and Spring plowing plan"
    page.get_by_label(f"Compare {other}").check()
    page.get_by_role("button", name="Compare selected").click()

    headers = page.locator(".compare-table thead th")
    expect(headers).to_have_count(2)
    expect(page.locator(".compare-table")).to_contain_text(CASE_TITLE)
    expect(page.locator(".compare-table")).to_contain_text(other)


def test_the_language_switcher_turns_the_interface_chinese_and_back(page, site):
    visit(page, f"/campaigns/{CASE}/")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Cases")).to_be_visible()

    page.get_by_role("navigation", name="Language").get_by_role("link", name="简体中文").click()

    expect(page).to_have_url(f"{site.url}/zh-hans/campaigns/{CASE}/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    nav = page.get_by_role("navigation", name="主导航")
    expect(nav.get_by_role("link", name="案例")).to_be_visible()
    expect(page.get_by_role("heading", name="参考文献")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(CASE_TITLE_ZH)

    page.get_by_role("navigation", name="语言").get_by_role("link", name="English").click()

    expect(page).to_have_url(f"{site.url}/campaigns/{CASE}/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Cases")
    ).to_be_visible()


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_page_scrolls_sideways_on_a_360_pixel_phone(page, path):
    page.set_viewport_size(PHONE)
    visit(page, path)

    widths = page.evaluate(
        "() => ({page: document.documentElement.scrollWidth, window: window.innerWidth})"
    )
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(node => node.getBoundingClientRect().right > window.innerWidth + 1)
            .filter(node => !node.closest('.table-wrap, pre, .visually-hidden'))
            .slice(0, 5)
            .map(node => node.tagName.toLowerCase() + '.' + node.className)"""
    )
    assert widths["page"] <= widths["window"], f"{path} is {widths['page']} px wide: {wide}"


def test_the_figures_table_shows_every_column_on_a_phone(page):
    page.set_viewport_size(PHONE)
    visit(page, "/figures/?sort=largest")

    table = page.locator(".figure-table")
    sizes = table.evaluate("table => ({inner: table.scrollWidth, outer: table.clientWidth})")
    assert sizes["inner"] <= sizes["outer"], sizes  # nothing hidden to the right
    first = page.locator(".figure-table tbody tr:not(.unit-group)").first
    for label in ("Value", "About", "As of", "Source"):
        cell = first.locator(f'td[data-label="{label}"]')
        expect(cell).to_be_visible()
        assert cell.bounding_box()["x"] + cell.bounding_box()["width"] <= PHONE["width"]


CHART_PAGES = {name: PAGES[name] for name in ("figures", "figures by size", "timeline")}


@pytest.mark.parametrize("language", ["", "/zh-hans"], ids=["English", "Chinese"])
@pytest.mark.parametrize("path", CHART_PAGES.values(), ids=CHART_PAGES.keys())
def test_chart_text_is_at_least_12_pixels_on_a_phone(page, path, language):
    page.set_viewport_size(PHONE)
    visit(page, language + path)

    sizes = page.evaluate(
        """() => [...document.querySelectorAll('.chart svg text')].map(text => [
            text.textContent,
            parseFloat(getComputedStyle(text).fontSize) * text.ownerSVGElement.getScreenCTM().a,
        ])"""
    )
    assert sizes, "no chart on the page"
    assert [(text, size) for text, size in sizes if size < 12] == []
    widths = page.evaluate(
        "() => ({page: document.documentElement.scrollWidth, window: window.innerWidth})"
    )
    assert widths["page"] <= widths["window"]  # the drawing scrolls within itself


@pytest.mark.parametrize(
    ("path", "labels"),
    [
        ("/organisations/", ["Kind", "Country", "Cases"]),
        ("/platforms/", ["Kind", "Operator", "Cases"]),
        ("/sources/", ["Publisher", "Published", "Kind", "Cases", "Figures"]),
    ],
    ids=["organisations", "platforms", "sources"],
)
def test_the_lists_of_names_are_cards_with_labelled_columns_on_a_phone(page, path, labels):
    page.set_viewport_size(PHONE)
    visit(page, path)

    table = page.locator(".table-wrap table")
    sizes = table.evaluate("table => ({inner: table.scrollWidth, outer: table.clientWidth})")
    assert sizes["inner"] <= sizes["outer"], sizes  # nothing hidden to the right
    first = page.locator(".table-wrap tbody tr").first
    for label in labels:
        cell = first.locator(f'td[data-label="{label}"]')
        expect(cell).to_be_visible()
        shown = cell.evaluate("cell => getComputedStyle(cell, '::before').content")
        assert shown == f'"{label}: "'  # the label a phone shows before the value
        box = cell.bounding_box()
        assert box["x"] + box["width"] <= PHONE["width"]


SMALL_TARGETS = r"""() => [...document.querySelectorAll('a[href]')]
    .filter(link => link.getClientRects().length && !link.closest('svg, .visually-hidden'))
    .filter(link => {
        // A link inside a sentence is exempt (WCAG 2.5.8): its block holds words besides links.
        const block = link.parentElement.closest(
            'p, li, dd, dt, td, th, h1, h2, h3, figcaption, div') || link.parentElement;
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        let others = '';
        while (walker.nextNode()) {
            if (!walker.currentNode.parentElement.closest('a')) others += walker.currentNode.data;
        }
        return !/\p{L}/u.test(others);
    })
    .filter(link => link.getBoundingClientRect().height < 24)
    .map(link => `${link.textContent.trim().slice(0, 30)}: ${link.getBoundingClientRect().height}`)
"""


@pytest.mark.parametrize("language", ["", "/zh-hans"], ids=["English", "Chinese"])
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_links_standing_on_their_own_are_at_least_24_pixels_tall_on_a_phone(page, path, language):
    """Menus, lists, tables, the footer and links under a heading: WCAG 2.5.8's minimum
    target. Links inside a sentence are exempt, and so are a map's regions, whose table
    beside it links to the same pages."""
    page.set_viewport_size(PHONE)
    visit(page, language + path)

    assert page.evaluate(SMALL_TARGETS) == []


def axe_report(results):
    """The violations of an axe run, one line per element: "rule-id (impact): selector"."""
    return "\n".join(
        f"{violation['id']} ({violation['impact']}): {', '.join(map(str, node['target']))}"
        f" — {node['failureSummary'].splitlines()[-1].strip()}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    )


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_axe_finds_no_accessibility_violations(page, path, language):
    visit(page, path if language == "en" else f"/zh-hans{path}")

    results = Axe().run(page)

    assert results.violations_count == 0, f"axe violations on {page.url}:\n{axe_report(results)}"


@pytest.mark.parametrize("size", [{"width": 1280, "height": 800}, PHONE], ids=["1280", "360"])
@pytest.mark.parametrize("path", ["/", "/campaigns/?cause=disaster_relief"], ids=["home", "list"])
def test_the_map_and_its_table_fit_the_screen_pass_axe_and_lead_to_the_cases(page, path, size):
    page.set_viewport_size(size)
    visit(page, path)
    if path != "/":
        page.locator(".list-map > summary").click()  # the list shows its results first
    world = page.locator("#world-map")
    world.locator(".map-table > summary").click()

    drawing = world.locator("svg")
    expect(drawing).to_be_visible()
    assert drawing.bounding_box()["width"] <= size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    results = Axe().run(page)
    assert results.violations_count == 0, f"axe violations on {page.url}:\n{axe_report(results)}"
    region = world.locator('svg a[data-region="CN"]')
    assert world.locator('.map-table tr[data-region="CN"] td').inner_text() in (
        region.locator("title").text_content()
    )
    region.click()
    expect(page).to_have_url(re.compile(r"country=CN"))
    expect(page.locator(".chips")).to_contain_text("China")


def test_a_missing_page_has_no_accessibility_violations(page):
    visit(page, "/campaigns/no-such-case/", status=404)

    results = Axe().run(page)

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert results.violations_count == 0, f"axe violations on {page.url}:\n{axe_report(results)}"


def test_a_reader_copies_a_citation_with_its_button_and_hears_it_was_copied(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    visit(page, f"/campaigns/{CASE}/")

    page.get_by_role("button", name="Copy the GB/T 7714 citation").click()

    expect(page.locator("#copy-status")).to_have_text("Copied")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.locator("#cite-gbt").inner_text().strip()
    assert copied.startswith(f"Social Media for Social Good. {CASE_TITLE}[EB/OL]. ")


def test_the_chinese_case_page_copies_its_gb_t_7714_citation_first(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    visit(page, f"/zh-hans/campaigns/{CASE}/")

    buttons = page.locator(".cite button[data-copy]")
    expect(buttons).to_have_count(3)
    buttons.first.click()

    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.startswith(f"社交媒体公益案例库. {CASE_TITLE_ZH}[EB/OL]. ")
    expect(page.locator("#copy-status")).not_to_be_empty()


def test_the_source_page_copies_its_bibtex_entry(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    visit(page, PAGES["source"])

    page.get_by_role("button", name="Copy the BibTeX citation").click()

    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.startswith("@misc{cgpi-2020-communication-for-social-good-pandemic,")
    assert copied.endswith("}")


def test_without_javascript_the_citations_are_text_and_no_button_shows(browser, site):
    context = browser.new_context(base_url=site.url, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(f"/campaigns/{CASE}/")

        expect(tab.locator("#cite-apa")).to_be_visible()
        expect(tab.locator(".cite button")).to_have_count(3)
        for button in tab.locator(".cite button").all():
            expect(button).to_be_hidden()
    finally:
        context.close()


def test_a_case_page_shows_its_share_image_to_link_previews(page):
    visit(page, f"/zh-hans/campaigns/{CASE}/")
    image = page.locator('meta[property="og:image"]').first.get_attribute("content")

    response = page.request.get(image)

    assert response.status == 200
    assert response.headers["content-type"] == "image/png"
    assert response.body()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("scripts", [True, False], ids=["with-javascript", "without"])
def test_a_reader_follows_a_sentences_mark_to_the_sources_words_and_back(site, browser, scripts):
    context = browser.new_context(
        base_url=site.url, viewport={"width": 1280, "height": 900}, java_script_enabled=scripts
    )
    tab = context.new_page()
    try:
        tab.goto(f"/campaigns/{CASE}/")
        mark = tab.locator(".lede .evidence-mark a").first
        number = mark.inner_text()
        mark.click()

        expect(tab).to_have_url(re.compile(f"#evidence-{number}$"))
        note = tab.locator(".evidence-notes li:target")
        expect(note).to_be_in_viewport()
        expect(note).to_contain_text("Summary, sentence 1")
        expect(note.locator("q")).not_to_be_empty()
        note.locator(".evidence-back").click()
        expect(tab).to_have_url(re.compile(f"#evidence-mark-{number}$"))
        expect(tab.locator(f"#evidence-mark-{number}")).to_be_in_viewport()
    finally:
        context.close()
