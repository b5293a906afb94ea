"""A reading list readers build without an account: kept in the address like compare, with the
whole list as CSV, JSON, RIS and BibTeX."""

import csv
import io

import pytest

from tests.pages import page

pytestmark = pytest.mark.django_db

YAAN = "yaan-earthquake-weibo-fundraising"
APPLES = "song-xiaoying-apple-live-stream"


def test_a_reading_list_shows_its_cases_in_order_and_its_address(client, seed_catalogue):
    html = page(client, f"/reading-list/?c={APPLES}&c={YAAN}&c={APPLES}")

    assert html.index("Song Xiaoying") < html.index("Ya&#x27;an earthquake")
    assert "2 cases" in html
    assert f"http://testserver/reading-list/?c={APPLES}&amp;c={YAAN}" in html
    # Each case can be dropped: the link is the list without it.
    assert f'href="/reading-list/?c={YAAN}">Remove from the list' in html
    assert f'href="/compare/?c={APPLES}&amp;c={YAAN}"' in html


def test_a_case_is_added_by_its_address_or_slug_and_unknown_ones_are_named(client, seed_catalogue):
    html = page(
        client,
        f"/reading-list/?c={YAAN}&c=no-such-case&add=https://example.org/campaigns/{APPLES}/",
    )

    assert "There is no published case “no-such-case”; it was left out." in html
    assert "2 cases" in html
    assert f'<input type="hidden" name="c" value="{APPLES}">' in html
    empty = page(client, "/reading-list/")
    assert "The list is empty." in empty


def test_drafts_are_never_listed(client, yaan_case, draft_case):
    html = page(client, f"/reading-list/?c={draft_case.slug}&c=yaan-earthquake")
    assert "1 case" in html and draft_case.title not in html


def test_the_list_downloads_as_csv_ris_and_bibtex_in_its_order(client, seed_catalogue):
    query = f"?c={APPLES}&c={YAAN}"
    download = client.get(f"/reading-list/export.csv{query}")
    rows = list(
        csv.DictReader(io.StringIO(b"".join(download.streaming_content).decode("utf-8-sig")))
    )
    assert [row["slug"] for row in rows] == [APPLES, YAAN]

    ris = client.get(f"/reading-list/export.ris{query}")
    assert ris["Content-Disposition"] == 'attachment; filename="socialgood-reading-list.ris"'
    text = ris.content.decode()
    assert text.count("TY  - ELEC") == 2 and text.count("ER  - ") == 2
    assert text.index("Song Xiaoying") < text.index("Ya'an")

    bib = client.get(f"/reading-list/export.bib{query}").content.decode()
    assert bib.count("@misc{socialgood-") == 2


def test_the_list_and_case_pages_lead_to_a_reading_list(client, yaan_case):
    assert 'formaction="/reading-list/"' in page(client, "/campaigns/")
    assert 'href="/reading-list/?c=yaan-earthquake">Start a reading list' in page(
        client, "/campaigns/yaan-earthquake/"
    )


def test_a_reading_list_runs_a_fixed_number_of_queries(
    client, seed_catalogue, django_assert_num_queries
):
    with django_assert_num_queries(4):  # version, cases, their platforms, their tags
        page(client, f"/reading-list/?c={APPLES}&c={YAAN}")
