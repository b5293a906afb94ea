"""The case downloads a researcher works with: each case's sources, labels in the page's
language, file names that say which filters made them, and the list of a source's cases."""

import csv
import io
import json

import pytest

from tests.pages import page

pytestmark = pytest.mark.django_db

CGPI = "cgpi-2020-communication-for-social-good-pandemic"


def rows_of(client, address):
    download = client.get(address)
    text = b"".join(download.streaming_content).decode("utf-8-sig")
    return download, {row["slug"]: row for row in csv.DictReader(io.StringIO(text))}


def test_each_case_lists_its_sources_and_its_labels_in_the_pages_language(client, seed_catalogue):
    _download, rows = rows_of(client, "/campaigns/export.csv?scope=all")
    yaan = rows["yaan-earthquake-weibo-fundraising"]
    assert yaan["sources"] == "gates-2013-power-of-social-media-china"
    assert (yaan["cause_label"], yaan["approach_label"]) == ("Disaster relief", "Fundraising")
    assert yaan["scope_label"] == "Social good"

    _download, chinese = rows_of(client, "/zh-hans/campaigns/export.csv?scope=all")
    assert chinese["yaan-earthquake-weibo-fundraising"]["cause_label"] == "救灾"
    assert chinese["yaan-earthquake-weibo-fundraising"]["cause"] == "disaster_relief"

    data = json.loads(b"".join(client.get("/campaigns/export.json?scope=all").streaming_content))
    case = next(row for row in data["campaigns"] if row["slug"] == "kwai-agricultural-assistance")
    assert isinstance(case["sources"], list) and case["sources"]


def test_a_downloads_file_name_carries_its_filters(client, seed_catalogue):
    download, _rows = rows_of(
        client, "/campaigns/export.csv?platform=kwai&platform=douyin&q=疫&year_from=2020&page=2"
    )
    name = download["Content-Disposition"]
    assert name.startswith(
        'attachment; filename="socialgood-campaigns-platform-kwai-platform-douyin-year_from-2020-'
    )
    plain = client.get("/figures/export.csv")["Content-Disposition"]
    assert plain.startswith('attachment; filename="socialgood-figures-20')
    odd = client.get('/figures/export.csv?unit=CNY";x=y')["Content-Disposition"]
    assert odd.count('"') == 2  # a quote in the address cannot end the name


def test_the_list_the_api_and_the_downloads_take_a_source(client, seed_catalogue):
    html = page(client, f"/campaigns/?source={CGPI}&scope=all")
    assert "13 cases" in html
    assert "Source: Communication for Social Good During Pandemic" in html
    assert f'<input type="hidden" name="source" value="{CGPI}">' in html

    api = json.loads(page(client, f"/api/campaigns?source={CGPI}&scope=all&limit=100"))
    assert api["count"] == 13
    _download, rows = rows_of(client, f"/campaigns/export.csv?source={CGPI}&scope=all")
    assert len(rows) == 13 and all(CGPI in row["sources"] for row in rows.values())

    unknown = page(client, "/campaigns/?source=no-such-source")
    assert "Unknown source “no-such-source” was ignored." in unknown


def test_a_source_page_links_to_the_list_of_every_case_citing_it(client, seed_catalogue):
    html = page(client, f"/sources/{CGPI}/")
    assert (
        f'<a href="/campaigns/?source={CGPI}&amp;scope=all">All 13 cases citing this source' in html
    )
