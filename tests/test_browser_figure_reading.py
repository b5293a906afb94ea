"""The figure form in Chromium: a value reads, as it is typed, as readers will read it in English
and in Chinese, on the figure's own form and in a figure row added to a case; and the script
writing it agrees with the site's Python (``display.figure_text``) on a table of values,
qualifiers and units in both languages.

Like the curator's journey (``test_browser_curation.py``) these tests write, so they have a
database of their own.
"""

from decimal import Decimal

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils.translation import override
from playwright.sync_api import expect

from campaigns.display import figure_text
from campaigns.models import Figure, Qualifier
from campaigns.roles import REVIEWER
from campaigns.units import units
from tests import factories
from tests.test_browser import CHROMIUM, PHONE, axe_report, browser  # noqa: F401
from tests.test_browser_curation import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"Chromium not found at {CHROMIUM}: browser tests skipped"
    ),
]

NOT_A_NUMBER = "Not a number: write the value in digits, such as 2500000 or 5.36."

VALUES = [
    "0",
    "1",
    "5.36",
    "0.5",
    "250",
    "5200",
    "9999",
    "10000",
    "12345",
    "35575",
    "52000",
    "424262",
    "999999",
    "1000000",
    "2500000",
    "2500000.5",
    "52000000",
    "100000000",
    "110000000",
    "123456789",
    "847000000",
    "1234500000",
    "1500000000",
    "20000000000",
    "3000000000000",
    "1.0001",
    "007.50",
    "1e6",
    "-2500000",
    "２５０００",
]
"""Round and unround numbers on each side of every scale, with decimals, and as a curator
might type them (leading zeros, an exponent, a sign, full-width digits)."""


@pytest.fixture
def reviewer_tab(browser, live_server):  # noqa: F811 - the fixture imported above
    """Open a tab signed in as a reviewer: ``reviewer_tab(width=1280)``; it records script
    errors in ``page.errors``."""
    user = factories.build_curator("rita", REVIEWER)
    user.set_password("a long passphrase")
    user.save()
    contexts = []

    def open_tab(width=1280):
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": 900}, locale="en-GB"
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        sign_in(page, "rita")
        return page

    yield open_tab
    for context in contexts:
        context.close()


@pytest.fixture
def cny_figure(db):
    """A case's figure of over 110 million CNY."""
    return factories.FigureFactory(
        label="Donations raised",
        value=Decimal("110000000"),
        unit="CNY",
        qualifier=Qualifier.OVER,
        stated_as="more than 110 million yuan",
    )


def reading(page, prefix="id_"):
    return page.locator(f"#{prefix}value_reading")


def test_the_figure_form_reads_the_value_as_it_is_typed(reviewer_tab, cny_figure):
    page = reviewer_tab()
    page.goto(f"/admin/campaigns/figure/{cny_figure.pk}/change/")

    # The figure as it is, when the page opens.
    expect(reading(page)).to_have_text(
        "Readers will read: over 110 million CNY / 超过1.1亿元", use_inner_text=True
    )
    expect(reading(page).locator("[lang=zh-Hans]")).to_have_text("超过1.1亿元")

    page.fill("#id_value", "")
    page.locator("#id_value").press_sequentially("2500000")
    page.select_option("#id_unit", "plays")
    expect(reading(page)).to_have_text(
        "Readers will read: over 2.5 million plays / 超过250万次播放", use_inner_text=True
    )
    page.select_option("#id_qualifier", Qualifier.EXACTLY)
    expect(reading(page)).to_have_text(
        "Readers will read: 2.5 million plays / 250万次播放", use_inner_text=True
    )

    page.fill("#id_value", "35575")
    page.select_option("#id_unit", "kg")
    expect(reading(page)).to_have_text(
        "Readers will read: 35,575 kg / 35,575千克", use_inner_text=True
    )
    page.fill("#id_value", "5.36")
    page.select_option("#id_unit", "percent")
    expect(reading(page)).to_have_text("Readers will read: 5.36% / 5.36%", use_inner_text=True)

    for typed in ("2.5 million", "1.2.3", "abc", "2,500,000"):
        page.fill("#id_value", typed)
        expect(reading(page)).to_have_text(NOT_A_NUMBER, use_inner_text=True)
    page.fill("#id_value", "")
    expect(reading(page)).to_have_text("", use_inner_text=True)
    assert page.locator("#id_value").get_attribute("aria-describedby") == "id_value_reading"
    assert page.errors == []

    page.fill("#id_value", "110000000")
    results = Axe().run(page, context=".form-row.field-value, #id_value_reading")
    assert results.violations_count == 0, axe_report(results)


def test_a_figure_row_added_to_a_case_reads_its_value_as_it_is_typed(reviewer_tab, cny_figure):
    page = reviewer_tab()
    page.goto(f"/admin/campaigns/campaign/{cny_figure.campaign.pk}/change/")
    expect(reading(page, "id_figures-0-")).to_have_text(
        "Readers will read: over 110 million CNY / 超过1.1亿元", use_inner_text=True
    )

    page.locator("#figures-group .add-row a").click()
    expect(page.locator("#id_figures-1-value")).to_have_attribute(
        "aria-describedby", "id_figures-1-value_reading"
    )
    page.locator("#id_figures-1-value").press_sequentially("52000000")
    page.select_option("#id_figures-1-unit", "plays")
    page.select_option("#id_figures-1-qualifier", Qualifier.UP_TO)

    expect(reading(page, "id_figures-1-")).to_have_text(
        "Readers will read: up to 52 million plays / 高达5200万次播放", use_inner_text=True
    )
    # The first row's reading is its own.
    expect(reading(page, "id_figures-0-")).to_have_text(
        "Readers will read: over 110 million CNY / 超过1.1亿元", use_inner_text=True
    )
    page.fill("#id_figures-1-value", "1.2.3")
    expect(reading(page, "id_figures-1-")).to_have_text(NOT_A_NUMBER, use_inner_text=True)
    assert page.errors == []


def test_the_chinese_admin_reads_the_value_in_chinese_first_and_fits_a_phone(
    reviewer_tab, cny_figure
):
    page = reviewer_tab(width=PHONE["width"])
    page.goto(f"/admin/campaigns/figure/{cny_figure.pk}/change/")
    page.get_by_role("button", name="中文").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")

    lines = reading(page).locator("[data-language]")
    expect(lines).to_have_count(2)
    expect(lines.first).to_have_text("超过1.1亿元")
    expect(lines.last).to_have_text("over 110 million CNY")
    page.fill("#id_value", "2500000000")
    expect(lines.first).to_have_text("超过25亿元")
    expect(lines.last).to_have_text("over 2.5 billion CNY")
    box = reading(page).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box


def test_the_script_reads_every_value_as_the_site_s_python_writes_it(reviewer_tab):
    """~30 values × every qualifier × every unit, in English and in Chinese."""
    page = reviewer_tab()
    page.goto("/admin/campaigns/figure/add/")
    cases = [
        (value, unit, qualifier)
        for value in VALUES
        for unit in units().codes
        for qualifier in Qualifier.values
    ]

    read = page.evaluate(
        """cases => {
            const value = document.getElementById("id_value");
            const unit = document.getElementById("id_unit");
            const qualifier = document.getElementById("id_qualifier");
            const lines = document.querySelectorAll("#id_value_reading [data-language]");
            return cases.map(([typed, unitCode, qualifierCode]) => {
                value.value = typed;
                unit.value = unitCode;
                qualifier.value = qualifierCode;
                value.dispatchEvent(new Event("input", {bubbles: true}));
                const read = {};
                lines.forEach(line => { read[line.dataset.language] = line.textContent; });
                return read;
            });
        }""",
        cases,
    )

    disagreements = []
    for (value, unit, qualifier), shown in zip(cases, read, strict=True):
        figure = Figure(value=Decimal(value), unit_id=unit, qualifier=qualifier)
        for language, code in (("en", "en"), ("zh", "zh-hans")):
            with override(code):
                written = figure_text(figure)
            if shown[language] != written:
                disagreements.append(
                    f"{value} {unit} {qualifier}: {shown[language]!r} ≠ {written!r}"
                )
    assert len(cases) > 5000
    assert disagreements == []
    assert page.errors == []


def test_a_unit_a_reviewer_adds_is_offered_and_read_in_the_figure_form(reviewer_tab):
    """The unit table's journey: a reviewer adds trees (棵树) in the admin (its form passes
    axe), and the figure form then offers the unit and reads a value in it in both
    languages, one tree as one."""
    page = reviewer_tab()
    page.goto("/admin/campaigns/unit/add/")
    results = Axe().run(page, context="#content-main")
    assert results.violations_count == 0, axe_report(results)
    page.fill("#id_code", "trees")
    page.fill("#id_name", "trees")
    page.fill("#id_name_singular", "tree")
    page.fill("#id_name_zh", "树")
    page.fill("#id_measure_word", "棵")
    page.fill("#id_heading_zh", "树木数量")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("trees")

    page.goto("/admin/campaigns/figure/add/")
    page.select_option("#id_unit", "trees")
    page.select_option("#id_qualifier", Qualifier.OVER)
    page.fill("#id_value", "1200000")
    expect(reading(page)).to_have_text(
        "Readers will read: over 1.2 million trees / 超过120万棵树", use_inner_text=True
    )
    page.select_option("#id_qualifier", Qualifier.EXACTLY)
    page.fill("#id_value", "1")
    expect(reading(page)).to_have_text("Readers will read: 1 tree / 1棵树", use_inner_text=True)
    assert page.errors == []
