"""The curator's journey in a real browser: an editor writes a draft, previews it and submits
it; a reviewer publishes it, corrects a figure, reads the diff in its history and restores the
earlier version; readers see what they should at each step.

Unlike the readers' browser tests this one writes, so it has a database of its own (emptied when
it ends) and runs before the tests that share the seed catalogue.
"""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from campaigns.models import Campaign, Figure, Status, Tag
from campaigns.roles import EDITOR, REVIEWER
from tests import factories
from tests.test_browser import CHROMIUM, browser  # noqa: F401 - the module's Chromium

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"Chromium not found at {CHROMIUM}: browser tests skipped"
    ),
]


@pytest.fixture
def curators(django_user_model):
    for username, role in (("edna", EDITOR), ("rita", REVIEWER)):
        user = django_user_model.objects.create_user(username, password="a long passphrase")
        user.is_staff = True
        user.save()
        user.groups.add(Group.objects.get(name=role))


@pytest.fixture
def tab(browser, live_server):  # noqa: F811 - the fixture imported above
    """A new browser context at desktop width, and a second one for an anonymous reader."""
    contexts = []

    def open_tab():
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="en-GB"
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_tab
    for context in contexts:
        context.close()


def sign_in(page, username):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "a long passphrase")
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text(username)


def choose_autocomplete(page, select_id, text):
    """Pick ``text`` in one of the admin's autocompletes (select2)."""
    page.click(f"#{select_id} + .select2")
    page.fill(".select2-search__field", text[:6])
    page.locator(".select2-results__option", has_text=text).first.click()


def test_a_case_goes_from_draft_to_published_then_is_corrected_and_restored(tab, curators):
    source = factories.SourceFactory(title="Flood relief report", slug="flood-report")
    platform = factories.PlatformFactory(name="Kwai", slug="kwai")
    reader = tab()

    # An editor writes a draft.
    editor = tab()
    sign_in(editor, "edna")
    editor.goto("/admin/campaigns/campaign/add/")
    statuses = editor.locator("#id_status option").all_text_contents()
    assert statuses == ["Draft", "In review"]  # no way to publish
    editor.locator("#id_title").press_sequentially("Flood relief by live stream")
    expect(editor.locator("#id_slug")).to_have_value("flood-relief-by-live-stream")
    editor.fill("#id_summary", "Farmers sold flood-hit crops in live streams.")
    editor.fill("#id_description", "County officials hosted live streams after the flood.")
    editor.select_option("#id_cause", "disaster_relief")
    editor.select_option("#id_approach", "live_commerce")
    choose_autocomplete(editor, "id_sources", "Flood relief report")
    choose_autocomplete(editor, "id_platforms", "Kwai")
    editor.click("input[name=_save]")
    expect(editor.locator(".messagelist")).to_contain_text("was added successfully")
    campaign = Campaign.objects.get(slug="flood-relief-by-live-stream")
    assert campaign.status == Status.DRAFT
    assert list(campaign.platforms.all()) == [platform]

    # The editor previews it; a reader cannot tell it exists.
    preview = editor.goto(campaign.get_absolute_url())
    assert preview.status == 200
    expect(editor.locator(".preview-banner")).to_contain_text("Draft — not public")
    assert reader.goto(campaign.get_absolute_url()).status == 404

    # The editor submits it for review.
    editor.goto(f"/admin/campaigns/campaign/{campaign.pk}/change/")
    editor.select_option("#id_status", "review")
    editor.click("input[name=_save]")
    expect(editor.locator(".messagelist")).to_contain_text("was changed successfully")

    # A reviewer finds it waiting and publishes it.
    figure = factories.FigureFactory(
        campaign=campaign,
        source=source,
        label="Crops sold",
        stated_as="200 tonnes",
        value=200,
        unit="t",
        key="crops-sold",
    )
    reviewer = tab()
    sign_in(reviewer, "rita")
    reviewer.click("text=1 case waiting for review")
    reviewer.click("text=Flood relief by live stream")
    reviewer.click("text=Review")
    # The review page shows the figure to check against its source; publishing needs the tick.
    expect(reviewer.locator(".review-figures")).to_contain_text("Crops sold: 200 tonnes")
    reviewer.check("input[value=publish]")
    reviewer.click("input[type=submit][value='Carry out the decision']")
    expect(reviewer.locator(".errorlist")).to_contain_text("1 figure is not ticked")
    reviewer.check(f"input[name=checked][value='{figure.pk}']")
    reviewer.check("input[value=publish]")
    reviewer.click("input[type=submit][value='Carry out the decision']")
    expect(reviewer.locator(".messagelist")).to_contain_text("is published")
    assert reader.goto(campaign.get_absolute_url()).status == 200
    expect(reader.locator("h1")).to_have_text("Flood relief by live stream")

    # The reviewer corrects a figure: the public note is needed in both languages, and the
    # correction is shown as readers will see it, the note following what is typed.
    reviewer.fill("#id_figures-0-stated_as", "250 tonnes")
    reviewer.fill("#id_figures-0-value", "250")
    reviewer.fill("#id_figures-0-correction_note", "The county's final count.")
    reviewer.click("input[name=_save]")
    expect(reviewer.locator(".errorlist").first).to_contain_text(
        "Write the public note in Chinese."
    )
    preview = reviewer.locator(".correction-preview")
    chinese = preview.locator("li[data-language=zh-hans]")
    expect(chinese.locator(".correction-note span[lang=en]")).to_have_text(
        "The county's final count."
    )
    reviewer.fill("#id_figures-0-correction_note_zh", "县里的最终统计。")
    expect(chinese).to_contain_text("200 tonnes → 250 tonnes — 县里的最终统计。")
    expect(chinese.locator(".english-only")).to_have_count(1)  # the label only: no Chinese
    reviewer.click("input[name=_save]")
    expect(reviewer.locator(".messagelist")).to_contain_text("was changed successfully")
    reader.goto(campaign.get_absolute_url())
    expect(reader.locator(".corrections")).to_contain_text(
        "Crops sold: 200 tonnes → 250 tonnes — The county's final count."
    )

    # The history shows the diff; restoring the version before the correction undoes it.
    reviewer.goto(f"/admin/campaigns/campaign/{campaign.pk}/history/")
    newest = reviewer.locator(".history-entry").first
    expect(newest).to_contain_text("Stated as: 200 tonnes → 250 tonnes")
    reviewer.locator(".history-entry").nth(1).locator("text=Restore this version").click()
    expect(reviewer.locator("#content-main")).to_contain_text("Put back figure")
    expect(reviewer.locator(".correction-preview li[data-language=en]")).to_contain_text(
        "Crops sold: 250 tonnes → 200 tonnes"
    )
    reviewer.fill("#id_note", "Back to the first count.")
    reviewer.fill("#id_note_zh", "恢复为最初的统计。")
    expect(reviewer.locator(".correction-preview li[data-language=en]")).to_contain_text(
        "250 tonnes → 200 tonnes — Back to the first count."
    )
    reviewer.click("input[type=submit][value='Yes, restore this version']")
    expect(reviewer.locator(".messagelist")).to_contain_text("Restored to the version of")
    figure.refresh_from_db()
    assert (figure.stated_as, figure.value) == ("200 tonnes", 200)
    reviewer.goto(f"/admin/campaigns/campaign/{campaign.pk}/history/")
    expect(reviewer.locator(".history-entry").first).to_contain_text(
        re.compile(
            r"Restored to the version of .*"
            r"Value:\s+250 → 200\s+Stated as:\s+250 tonnes → 200 tonnes",
            re.S,
        )
    )
    assert Figure.objects.get(pk=figure.pk).corrections.count() == 2  # both changes are public


def test_english_and_chinese_fields_stand_side_by_side_on_a_wide_screen_only(browser, live_server):  # noqa: F811
    campaign = factories.CampaignFactory(title="Apples by live stream", slug="apples")
    user = factories.build_curator("rita", REVIEWER)
    user.set_password("a long passphrase")
    user.save()
    for width, side_by_side in ((1920, True), (800, False)):
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": 1000}, locale="en-GB"
        )
        page = context.new_page()
        sign_in(page, "rita")
        page.goto(f"/admin/campaigns/campaign/{campaign.pk}/change/")
        for name in ("summary", "description", "title"):
            english = page.locator(f"#id_{name}").bounding_box()
            chinese = page.locator(f"#id_{name}_zh").bounding_box()
            beside = abs(chinese["y"] - english["y"]) < 30 and chinese["x"] > english["x"] + 200
            assert beside == side_by_side, (width, name, english, chinese)
        assert page.locator("#id_summary_zh").evaluate("node => node.tagName") == "TEXTAREA"
        context.close()


def test_a_curator_switches_the_admin_to_chinese_and_back_on_the_same_page(tab, curators):
    page = tab()
    sign_in(page, "rita")
    page.goto("/admin/campaigns/source/")

    page.get_by_role("button", name="中文").click()

    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    assert page.url.endswith("/admin/campaigns/source/")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_tags_are_offered_as_a_curator_types_them(tab, curators):
    factories.CampaignFactory(title="Apples by live stream", slug="apples", tags=["agriculture"])
    Tag.objects.create(name="earthquake", name_zh="地震")
    page = tab()
    sign_in(page, "rita")
    page.goto("/admin/campaigns/campaign/")
    page.get_by_role("link", name="Apples by live stream").click()

    page.locator("#id_tags").fill("agriculture, 地")

    offered = page.locator("#id_tags-suggestions option")
    expect(offered).to_have_count(1)
    assert offered.get_attribute("value") == "agriculture, earthquake, "
    assert offered.get_attribute("label") == "earthquake · 地震"
