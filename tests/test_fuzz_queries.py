"""Every public page's query string, fuzzed with hostile values: over-long strings, NUL and
control characters, invalid UTF-8 percent-escapes, SQL, HTML and JavaScript injections, huge,
negative and not-quite numbers, repeated parameters, right-to-left text and emoji.

No answer may be a 500 (the test client raises the view's exception), and no injected markup
may come back unescaped. Hypothesis runs derandomized (the same examples every run) and briefly,
over the seed catalogue, which it only reads. The API's parameters are fuzzed from its schema
by schemathesis (test_schemathesis.py).
"""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaigns.filters import CampaignFilterForm, FigureFilterForm
from tests.browser_pages import CASE, PAGES

PATHS = sorted(
    {path.split("?")[0] for path in PAGES.values()}
    | {
        "/campaigns/export.csv",
        "/campaigns/export.json",
        "/figures/export.csv",
        "/figures/export.json",
        f"/campaigns/{CASE}/cite.ris",
        "/suggest/",
        "/no-such-page/",
    }
)
"""Each public page without its query string, in English; the Chinese pages run the same
code, so the fuzzing does not repeat them."""

KEYS = sorted({*CampaignFilterForm.base_fields, *FigureFilterForm.base_fields, "page", "c", "case"})
"""Every parameter a public page reads."""

MARKUP = [
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "'><img src=x onerror=alert(1)>",
    "</textarea><script>alert(2)</script>",
]
"""Injected markup: none of it may come back as it was sent."""

HOSTILE_TEXT = [
    *MARKUP,
    "javascript:alert(1)",
    "' OR '1'='1",
    "1; DROP TABLE campaigns_campaign; --",
    "%' UNION SELECT password FROM auth_user --",
    "\x00",
    "a\x00b",
    "\x1b[31m\r\n",
    "x" * 5000,
    "微博 " * 800,
    "9" * 400,
    "-1",
    "-99999999999999999999",
    "0",
    "1e309",
    "NaN",
    "Infinity",
    "0x10",
    "1.5",
    "2013-",
    "\u202eevil\u202c",
    "مرحبا بالعالم",
    "שלום",
    "😀👍🏽🇨🇳" * 30,
    "\ufeff",
    "  ",
    "..%2f..%2fetc%2fpasswd",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
]
"""Values sent percent-encoded, as a browser would send them."""

RAW_ESCAPES = ["%ff%fe", "%c3%28", "%ed%a0%80", "%f8%88%80%80%80", "%", "%zz", "%0", "%00", "%25"]
"""Values sent as they are: invalid UTF-8, broken escapes, an encoded NUL."""

values = st.one_of(
    st.sampled_from(HOSTILE_TEXT).map(lambda text: quote(text, safe="")),
    st.sampled_from(RAW_ESCAPES),
    st.text(max_size=40).map(lambda text: quote(text, safe="")),
    st.integers().map(str),
)
keys = st.one_of(st.sampled_from(KEYS), st.sampled_from(HOSTILE_TEXT).map(quote))
query_strings = st.lists(st.tuples(keys, values), min_size=1, max_size=6).map(
    lambda pairs: "&".join(f"{key}={value}" for key, value in pairs)
)
repeated = st.tuples(st.sampled_from(KEYS), st.lists(values, min_size=2, max_size=30)).map(
    lambda pair: "&".join(f"{pair[0]}={value}" for value in pair[1])
)


def check(client, path, query):
    """Ask for ``path?query`` and check the answer is not a fault and reflects no markup."""
    response = client.get(f"{path}?{query}")
    assert response.status_code in (200, 404), f"{path}?{query[:200]}: {response.status_code}"
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode("utf-8", errors="replace")
    for markup in MARKUP:
        assert markup not in body, f"{path}?{query[:200]} reflects {markup!r}"
    assert 'href="javascript:' not in body.lower()


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_every_hostile_value_in_every_parameter_is_answered_without_a_fault(
    client, seed_catalogue, path
):
    for key in KEYS:
        query = "&".join(
            f"{key}={value}"
            for value in [quote(text, safe="") for text in HOSTILE_TEXT] + RAW_ESCAPES
        )
        check(client, path, query)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_fuzzed_query_strings_never_fail_or_reflect_markup(client, seed_catalogue, path):
    @settings(
        max_examples=12,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(query=st.one_of(query_strings, repeated))
    def run(query):
        check(client, path, query)

    run()
