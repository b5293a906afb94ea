"""The Content-Security-Policy in a real browser: every page type in both languages, the API
docs and the admin's main screens load with the policy enforced and Chromium reports no
violation (campaigns/security.py).

A violation is caught twice over: the page's ``securitypolicyviolation`` events, passed to the
test through a binding set up before any of the page's own scripts run, and Chromium's console
messages ("Refused to …", and errors in the Permissions-Policy header).
"""

import pytest
from django.db import connections
from playwright.sync_api import expect

from campaigns.models import Campaign, Status
from tests import factories
from tests.browser_pages import CASE, CASE_TITLE, PAGES
from tests.test_browser import CHROMIUM, browser, site  # noqa: F401 - the module's fixtures

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"Chromium not found at {CHROMIUM}: browser tests skipped"
    ),
]

LISTEN = """
document.addEventListener('securitypolicyviolation', event => {
    window.reportViolation(
        `${event.disposition} ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`
        + ` at ${event.sourceFile}:${event.lineNumber}`
    );
});
"""


def watched_tab(browser, base_url):  # noqa: F811 - the fixture imported above
    """A new tab that lists every policy violation and policy complaint it meets."""
    context = browser.new_context(
        base_url=base_url, viewport={"width": 1280, "height": 900}, locale="en-GB"
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    tab.violations = []
    tab.expose_binding("reportViolation", lambda source, text: tab.violations.append(text))
    tab.add_init_script(LISTEN)
    tab.on(
        "console",
        lambda message: (
            ("Refused to" in message.text or "Permissions-Policy" in message.text)
            and tab.violations.append(f"console: {message.text}")
        ),
    )
    return tab


def open_and_check(tab, path, status=200):
    """Open ``path``, let it settle, and fail on any violation it caused."""
    response = tab.goto(path)
    assert response is not None and response.status == status, f"{path} answered {status}"
    assert "content-security-policy" in response.headers, f"{path} has no policy"
    tab.wait_for_load_state("networkidle")
    assert tab.violations == [], f"{path} broke the policy:\n" + "\n".join(tab.violations)


@pytest.fixture
def reader_tab(site, browser):  # noqa: F811 - the fixtures imported above
    tab = watched_tab(browser, site.url)
    yield tab
    tab.context.close()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_every_page_type_loads_without_a_policy_violation(reader_tab, path, language):
    open_and_check(reader_tab, path if language == "en" else f"/zh-hans{path}")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"),
    [("/campaigns/no-such-case/", 404), ("/zh-hans/no-such-page/", 404)],
)
def test_the_missing_page_loads_without_a_policy_violation(reader_tab, path, status):
    open_and_check(reader_tab, path, status)


@pytest.mark.django_db
def test_the_case_page_s_copy_buttons_and_the_compare_selection_work_under_the_policy(
    reader_tab,
):
    reader_tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_and_check(reader_tab, f"/campaigns/{CASE}/")
    reader_tab.get_by_role("button", name="Copy the GB/T 7714 citation").click()
    expect(reader_tab.locator("#copy-status")).to_have_text("Copied")
    open_and_check(reader_tab, "/campaigns/")
    reader_tab.get_by_label(f"Compare {CASE_TITLE}").check()
    reader_tab.get_by_role("button", name="Compare selected").click()
    expect(reader_tab.get_by_role("heading", level=1)).to_have_text("Compare cases")

    assert reader_tab.violations == []


@pytest.mark.django_db
def test_the_api_docs_draw_and_try_an_operation_under_their_policy(reader_tab):
    open_and_check(reader_tab, "/api/docs")
    operation = reader_tab.locator(".opblock").first
    expect(operation).to_be_visible()
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()
    expect(operation.locator(".response .response-col_status").first).to_have_text("200")
    reader_tab.wait_for_load_state("networkidle")

    assert reader_tab.violations == [], "\n".join(reader_tab.violations)


# --------------------------------------------------------------------------- the admin


@pytest.fixture
def admin_tab(browser, live_server, django_user_model):  # noqa: F811 - imported above
    """A tab signed in as a superuser, over a database of its own with one case in review."""
    factories.build_yaan_case()
    Campaign.objects.update(status=Status.IN_REVIEW)
    django_user_model.objects.create_superuser("ada", password="a long passphrase")
    tab = watched_tab(browser, live_server.url)
    open_and_check(tab, "/admin/login/")
    tab.fill("#id_username", "ada")
    tab.fill("#id_password", "a long passphrase")
    tab.click("input[type=submit]")
    expect(tab.locator("#user-tools")).to_contain_text("ada")
    yield tab
    tab.context.close()
    connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_the_admin_s_main_screens_load_without_a_policy_violation(admin_tab):
    case = Campaign.objects.get()
    screens = [
        "/admin/",
        "/admin/campaigns/campaign/",
        "/admin/campaigns/campaign/?status__exact=review",
        f"/admin/campaigns/campaign/{case.pk}/change/",
        f"/admin/campaigns/campaign/{case.pk}/history/",
        f"/admin/campaigns/campaign/{case.pk}/review/",
        "/admin/campaigns/campaign/add/",
        "/admin/campaigns/figure/",
        "/admin/activity/",
    ]
    for path in screens:
        open_and_check(admin_tab, path)

    # The change form's scripts: an inline row added, an autocomplete opened.
    admin_tab.goto(f"/admin/campaigns/campaign/{case.pk}/change/")
    admin_tab.locator(".add-row a").first.click()
    admin_tab.locator(".select2").first.click()
    expect(admin_tab.locator(".select2-dropdown")).to_be_visible()
    admin_tab.wait_for_load_state("networkidle")

    assert admin_tab.violations == [], "\n".join(admin_tab.violations)
