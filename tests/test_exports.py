"""The CSV and JSON downloads of the campaign list and the figures table, and the codebook."""

import csv
import datetime
import hashlib
import io
import json
from decimal import Decimal

import pytest
from django.utils import translation

from campaigns import downloads
from campaigns.models import (
    Campaign,
    CatalogueSummary,
    Figure,
    Organisation,
    Participation,
    Role,
)
from campaigns.units import units
from tests import factories


def body(response):
    """The whole text of a streamed response."""
    return b"".join(response.streaming_content).decode("utf-8")


def csv_rows(response):
    text = body(response)
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_the_campaign_csv_is_a_utf8_attachment_with_the_chinese_title_intact(client, yaan_case):
    response = client.get("/campaigns/export.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="socialgood-campaigns-')
    assert response["Content-Disposition"].endswith('.csv"')
    [row] = csv_rows(response)
    assert row["title"] == "Weibo fundraising after the Ya'an earthquake"
    assert row["title_zh"] == "雅安地震微博募捐"
    assert row["start_date"] == "2013-04-01"
    assert row["start_precision"] == "month"
    assert row["end_date"] == ""
    assert row["country"] == "CN"
    assert row["cause"] == "disaster_relief"
    assert row["approach"] == "fundraising"
    assert row["platforms"] == "sina-weibo"
    assert row["organisations"] == "one-foundation:organiser; sina:platform_operator"
    assert row["tags"] == "earthquake"  # the slug the tag filter takes, not the name "Earthquake"
    assert row["figure_count"] == "1"
    assert row["url"] == "http://testserver/campaigns/yaan-earthquake/"


FORMULAS = {
    "=": '=HYPERLINK("https://evil.example.org","click")',
    "+": "+1 more relief drive",
    "-": "-2+3 volunteers",
    "@": "@SUM(A1:A9)",
    "tab": "\t=1+1",
    "carriage return": "\r=1+1",
}


@pytest.mark.parametrize("start", FORMULAS, ids=list(FORMULAS))
def test_a_csv_cell_that_would_start_a_formula_is_quoted_as_text(client, db, start):
    title = FORMULAS[start]
    case = factories.CampaignFactory(slug="formula-case", title=title)
    factories.FigureFactory(key="formula-figure", campaign=case, label=title, stated_as=title)

    [campaign] = csv_rows(client.get("/campaigns/export.csv"))
    [figure] = csv_rows(client.get("/figures/export.csv"))

    assert campaign["title"] == f"'{title}"
    assert figure["label"] == f"'{title}"
    assert figure["stated_as"] == f"'{title}"
    assert figure["campaign_title"] == f"'{title}"


def test_ordinary_csv_cells_and_the_json_keep_their_text_unquoted(client, db):
    case = factories.CampaignFactory(slug="formula-case", title="=SUM(1,2) is not run")
    factories.FigureFactory(
        key="formula-figure", campaign=case, label="Reposts", value=Decimal("5.36")
    )

    [figure] = csv_rows(client.get("/figures/export.csv"))
    [campaign] = json.loads(body(client.get("/campaigns/export.json")))["campaigns"]

    assert figure["label"] == "Reposts"
    assert figure["value"] == "5.36"
    assert figure["campaign"] == "formula-case"
    assert campaign["title"] == "=SUM(1,2) is not run"


def test_the_campaign_csv_columns_are_those_the_codebook_documents(client, yaan_case):
    text = body(client.get("/campaigns/export.csv"))

    header = next(csv.reader(io.StringIO(text[1:])))
    assert header == [column.name for column in downloads.CAMPAIGN_COLUMNS]
    assert header[:4] == ["slug", "title", "title_zh", "summary"]


def test_the_figure_csv_row_has_the_value_its_campaign_and_its_source(client, yaan_case):
    response = client.get("/figures/export.csv")

    assert response.status_code == 200
    assert 'filename="socialgood-figures-' in response["Content-Disposition"]
    [row] = csv_rows(response)
    assert row["key"] == "yaan-donations"
    assert row["label_zh"] == "募集善款"
    assert row["value"] == "110000000"
    assert row["unit"] == "CNY"
    assert row["kind"] == "money"
    assert row["qualifier"] == "over"
    assert row["stated_as"] == "over 110 million RMB"
    assert row["period"] == "within 72 hours"
    assert row["as_of"] == "2013-04-01"
    assert row["campaign"] == "yaan-earthquake"
    assert row["campaign_title"] == "Weibo fundraising after the Ya'an earthquake"
    assert row["campaign_platforms"] == "sina-weibo"
    assert row["source_title"] == "The Power of Social Media: New Case Studies From China"
    assert row["source_url"] == "https://www.example.org/power-of-social-media"


def test_a_percentage_keeps_its_decimals_and_loses_only_trailing_zeros(client, campaign):
    factories.FigureFactory(key="share", campaign=campaign, value=Decimal("5.3600"), unit="percent")

    [row] = csv_rows(client.get("/figures/export.csv"))

    assert row["value"] == "5.36"


def test_downloads_leave_out_draft_campaigns_and_their_figures(client, yaan_case, draft_case):
    campaigns = body(client.get("/campaigns/export.csv"))
    figures = body(client.get("/figures/export.csv"))
    campaigns_json = body(client.get("/campaigns/export.json"))
    figures_json = body(client.get("/figures/export.json"))

    assert "yaan-earthquake" in campaigns
    for text in (campaigns, figures, campaigns_json, figures_json):
        assert "unchecked-draft" not in text
        assert "draft-figure" not in text


def test_figures_about_a_platform_are_in_the_figures_download(client, weibo_users):
    [row] = csv_rows(client.get("/figures/export.csv"))

    assert row["key"] == "weibo-users"
    assert row["campaign"] == ""
    assert row["platform"] == "sina-weibo"
    assert row["value"] == "500000000"


def test_the_campaign_download_follows_the_list_filters_and_search(client, yaan_case, campaign):
    by_cause = csv_rows(client.get("/campaigns/export.csv?cause=disaster_relief"))
    by_search = csv_rows(client.get("/campaigns/export.csv?q=雅安"))
    by_platform = csv_rows(client.get("/campaigns/export.csv?platform=tencent-wesee"))
    everything = csv_rows(client.get("/campaigns/export.csv"))

    assert [row["slug"] for row in by_cause] == ["yaan-earthquake"]
    assert [row["slug"] for row in by_search] == ["yaan-earthquake"]
    assert [row["slug"] for row in by_platform] == ["wesee-agricultural-assistance"]
    assert {row["slug"] for row in everything} == {
        "yaan-earthquake",
        "wesee-agricultural-assistance",
    }


def test_an_invalid_filter_in_a_download_is_ignored_as_on_the_list_page(client, yaan_case):
    response = client.get("/campaigns/export.csv?cause=not-a-cause&year_from=soon")

    assert response.status_code == 200
    assert [row["slug"] for row in csv_rows(response)] == ["yaan-earthquake"]


def test_the_figure_download_follows_the_table_filters(client, yaan_case, figure):
    money = csv_rows(client.get("/figures/export.csv?kind=money"))
    videos = csv_rows(client.get("/figures/export.csv?unit=videos"))

    assert [row["key"] for row in money] == ["yaan-donations"]
    assert [row["value"] for row in videos] == ["2234"]


def test_the_campaign_json_holds_the_licence_and_one_object_per_campaign(client, yaan_case):
    response = client.get("/campaigns/export.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].endswith('.json"')
    data = json.loads(body(response))
    assert "CC BY 4.0" in data["licence"]
    assert data["codebook"] == "http://testserver/data/"
    [campaign] = data["campaigns"]
    assert campaign["title_zh"] == "雅安地震微博募捐"
    assert campaign["platforms"] == ["sina-weibo"]
    assert campaign["organisations"] == [
        {"organisation": "one-foundation", "role": "organiser"},
        {"organisation": "sina", "role": "platform_operator"},
    ]
    assert campaign["end_date"] is None
    assert "雅安地震微博募捐" in body(client.get("/campaigns/export.json"))  # not \\u escaped


def test_the_figure_json_gives_values_as_numbers(client, yaan_case):
    data = json.loads(body(client.get("/figures/export.json")))

    [figure] = data["figures"]
    assert figure["value"] == 110000000
    assert figure["campaign_platforms"] == ["sina-weibo"]
    assert figure["source"] == "gates-2013"


def test_an_empty_catalogue_downloads_a_header_and_an_empty_list(client, db):
    assert body(client.get("/campaigns/export.csv")).splitlines() == [
        "\ufeff" + ",".join(column.name for column in downloads.CAMPAIGN_COLUMNS)
    ]
    assert json.loads(body(client.get("/figures/export.json")))["figures"] == []


def test_an_unknown_download_format_is_not_found(client, yaan_case):
    assert client.get("/campaigns/export.xml").status_code == 404
    assert client.get("/figures/export.xlsx").status_code == 404


def test_a_download_cannot_be_posted_to(client, yaan_case):
    assert client.post("/campaigns/export.csv").status_code == 405


def test_downloads_work_under_the_chinese_prefix_with_chinese_addresses(client, yaan_case):
    [row] = csv_rows(client.get("/zh-hans/campaigns/export.csv"))

    assert row["url"] == "http://testserver/zh-hans/campaigns/yaan-earthquake/"


def test_the_labels_of_codes_follow_the_language_of_each_download(client, yaan_case):
    """The names of codes are looked up in a table per language, kept by the process: one
    language's download never gives another's names, nor names that are not the model's."""
    causes = set()
    for address in ("/campaigns/export.csv", "/zh-hans/campaigns/export.csv") * 2:
        [row] = csv_rows(client.get(address))
        with translation.override("zh-hans" if "zh-hans" in address else "en"):
            for name in ("scope", "cause", "approach"):
                assert row[f"{name}_label"] == getattr(yaan_case, f"get_{name}_display")()
        causes.add(row["cause_label"])
    assert causes == {"Disaster relief", "救灾"}


def test_the_download_query_count_stays_the_same_as_the_catalogue_grows(
    client, yaan_case, django_assert_num_queries
):
    def download(expected):
        with django_assert_num_queries(expected):
            response = client.get("/figures/export.csv")
            rows = csv_rows(response)
        return rows

    units()  # read once per catalogue version (test_units.py), as the table is below
    baseline = len(download(4))
    for number in range(5):
        factories.FigureFactory(key=f"extra-{number}", campaign=factories.CampaignFactory())

    units()  # the figures made a new catalogue version: its units are read once
    assert len(download(4)) == baseline + 5


def test_the_campaign_download_query_count_stays_the_same_as_the_catalogue_grows(
    client, yaan_case, django_assert_num_queries
):
    CatalogueSummary.current()  # counted once per change, by whichever request comes first
    # (10: the cases' sources are one query a chunk, as their platforms and tags are.)
    with django_assert_num_queries(10):
        assert len(csv_rows(client.get("/campaigns/export.csv"))) == 1
    for number in range(4):
        campaign = factories.CampaignFactory(tags=[f"tag-{number}"])
        factories.ParticipationFactory(campaign=campaign)
    CatalogueSummary.current()
    with django_assert_num_queries(10):
        assert len(csv_rows(client.get("/campaigns/export.csv"))) == 5


def test_a_download_reaches_its_end_with_more_than_a_thousand_organisations(client, db):
    # Django's prefetch of a foreign key asked SQLite for "id = 1 OR id = 2 OR …": past 1,000
    # organisations in one chunk of rows the download stopped mid-way ("Expression tree is too
    # large"), as the CSV of a platform did at 100,000 grown cases.
    count = 1_001
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Organisation {n}", slug=f"organisation-{n}") for n in range(count)
    )
    campaigns = Campaign.objects.bulk_create(
        factories.CampaignFactory.build(slug=f"case-{n}", title=f"Case {n}") for n in range(count)
    )
    Participation.objects.bulk_create(
        Participation(campaign=campaign, organisation=organisation, role=Role.ORGANISER)
        for campaign, organisation in zip(campaigns, organisations, strict=True)
    )

    rows = csv_rows(client.get("/campaigns/export.csv"))

    assert len(rows) == count
    assert {row["organisations"] for row in rows} == {
        f"{organisation.slug}:organiser" for organisation in organisations
    }


# --------------------------------------------------------------------------- conditional GET


def test_a_download_carries_an_etag_and_last_modified(client, yaan_case):
    response = client.get("/campaigns/export.csv")

    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")


def test_a_download_asked_again_with_its_etag_is_answered_304(client, yaan_case):
    first = client.get("/figures/export.csv")

    again = client.get("/figures/export.csv", headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""


def test_a_download_asked_with_if_modified_since_is_answered_304(client, yaan_case):
    first = client.get("/campaigns/export.json")

    again = client.get(
        "/campaigns/export.json", headers={"if-modified-since": first["Last-Modified"]}
    )

    assert again.status_code == 304


def test_changing_a_campaign_changes_the_etag_and_the_download(client, yaan_case):
    first = client.get("/campaigns/export.csv")
    etag = first["ETag"]
    yaan_case.title = "Ya'an earthquake relief on Weibo"
    yaan_case.save()

    again = client.get("/campaigns/export.csv", headers={"if-none-match": etag})

    assert again.status_code == 200
    assert again["ETag"] != etag
    assert csv_rows(again)[0]["title"] == "Ya'an earthquake relief on Weibo"


def test_adding_a_figure_changes_the_etag(client, yaan_case):
    etag = client.get("/figures/export.csv")["ETag"]
    factories.FigureFactory(key="new-figure", campaign=yaan_case, source=yaan_case.sources.first())

    again = client.get("/figures/export.csv", headers={"if-none-match": etag})

    assert again.status_code == 200
    assert "new-figure" in body(again)


def test_correcting_a_figure_alone_changes_the_etag(client, yaan_case):
    figure = factories.FigureFactory(
        key="corrected", campaign=yaan_case, source=yaan_case.sources.first()
    )
    etag = client.get("/figures/export.csv")["ETag"]
    figure.value = 2235
    figure.save()

    again = client.get("/figures/export.csv", headers={"if-none-match": etag})

    assert again.status_code == 200
    assert {row["key"]: row["value"] for row in csv_rows(again)}["corrected"] == "2235"


def test_renaming_a_source_alone_changes_the_etag(client, yaan_case):
    factories.FigureFactory(key="cited", campaign=yaan_case, source=yaan_case.sources.first())
    etag = client.get("/figures/export.csv")["ETag"]
    source = yaan_case.sources.first()
    source.title = "A corrected source title"
    source.save()

    again = client.get("/figures/export.csv", headers={"if-none-match": etag})

    assert again.status_code == 200
    assert csv_rows(again)[0]["source_title"] == "A corrected source title"


def test_deleting_a_figure_changes_the_etag(client, yaan_case):
    figure = factories.FigureFactory(
        key="doomed", campaign=yaan_case, source=yaan_case.sources.first()
    )
    etag = client.get("/figures/export.csv")["ETag"]
    figure.delete()

    assert client.get("/figures/export.csv", headers={"if-none-match": etag}).status_code == 200


def test_a_differently_filtered_download_has_a_different_etag(client, yaan_case):
    everything = client.get("/campaigns/export.csv")["ETag"]
    filtered = client.get("/campaigns/export.csv?cause=education")["ETag"]

    assert everything != filtered


# --------------------------------------------------------------------------- codebook


def test_the_codebook_documents_every_column_and_code_and_the_licence(client, db):
    response = client.get("/data/")

    assert response.status_code == 200
    page = response.content.decode()
    for column in downloads.CAMPAIGN_COLUMNS + downloads.FIGURE_COLUMNS:
        assert f"<code>{column.name}</code>" in page
    for _anchor, _heading, choices in downloads.CODE_LISTS:
        codes = choices.values if choices is not None else units().codes  # units: the table's
        for code in codes:
            assert f"<code>{code}</code>" in page
    assert "CC BY 4.0" in page
    assert "https://creativecommons.org/licenses/by/4.0/" in page
    assert "remain their owners" in page
    assert 'href="/campaigns/export.csv"' in page
    assert 'href="/figures/export.json"' in page
    assert 'href="/api/docs"' in page


def test_the_codebook_is_served_in_chinese_under_the_prefix(client, db):
    response = client.get("/zh-hans/data/")

    assert response.status_code == 200
    assert 'href="/zh-hans/campaigns/export.csv"' in response.content.decode()


def test_the_figures_counted_in_the_export_are_only_public(db, yaan_case, draft_case, weibo_users):
    keys = set(Figure.objects.public().for_download().values_list("key", flat=True))

    assert keys == {"yaan-donations", "weibo-users"}
    assert Figure.objects.count() == 3


# --------------------------------------------------------------------------- links from the pages


def download_links(page, path):
    import html
    import re

    return [html.unescape(link) for link in re.findall(rf'href="({re.escape(path)}[^"]*)"', page)]


def test_the_filtered_case_list_links_to_the_same_cases_as_a_download(client, yaan_case, campaign):
    page = client.get("/campaigns/?cause=disaster_relief").content.decode()

    [csv_link] = download_links(page, "/campaigns/export.csv")
    [json_link] = download_links(page, "/campaigns/export.json")
    assert "cause=disaster_relief" in csv_link
    assert [row["slug"] for row in csv_rows(client.get(csv_link))] == ["yaan-earthquake"]
    assert json.loads(body(client.get(json_link)))["campaigns"][0]["slug"] == ("yaan-earthquake")


def test_the_figures_table_links_to_its_download_with_its_filters(client, yaan_case, figure):
    page = client.get("/figures/?unit=CNY").content.decode()

    [csv_link] = download_links(page, "/figures/export.csv")
    assert [row["key"] for row in csv_rows(client.get(csv_link))] == ["yaan-donations"]
    assert download_links(page, "/figures/export.json")


def test_a_search_with_control_characters_still_downloads(client, yaan_case):
    response = client.get("/campaigns/export.csv?q=%00雅安%07")

    assert response.status_code == 200
    assert [row["slug"] for row in csv_rows(response)] == ["yaan-earthquake"]


def test_the_codebook_page_needs_only_the_catalogue_s_version(
    client, db, django_assert_num_queries
):
    # It needed none while units were a fixed list; it lists them from their table now, kept
    # per catalogue version (test_units.py): the version says the kept units are current.
    units()
    with django_assert_num_queries(1):
        assert client.get("/data/").status_code == 200


def test_editing_a_participant_changes_the_api_etag(client, yaan_case):
    participation = factories.ParticipationFactory(campaign=yaan_case)
    address = f"/api/campaigns/{yaan_case.slug}"
    etag = client.get(address)["ETag"]
    participation.note = "Edited by a curator"
    participation.save()

    again = client.get(address, headers={"if-none-match": etag})

    assert again.status_code == 200
    assert "Edited by a curator" in again.content.decode()


def test_the_codebook_explains_the_apostrophe_before_formula_like_cells(client, db):
    assert "starts with an apostrophe (')" in client.get("/data/").content.decode()
    assert "撇号" in client.get("/zh-hans/data/").content.decode()


def test_a_download_sends_its_header_before_fetching_any_row(client, yaan_case):
    response = client.get("/campaigns/export.csv")

    first = next(iter(response.streaming_content)).decode()

    assert first.startswith("\ufeffslug,title,title_zh,")
    assert first.endswith("url\r\n")


# --------------------------------------------------------------------------- exact bytes

SEED_DOWNLOAD_DIGESTS = {
    "/campaigns/export.csv?scope=all": (
        "6de1ca651f351768930730c74ebad726cb783a711edbdd59b3b9800be89957d2"
    ),
    "/campaigns/export.json?scope=all": (
        "f131ed5071fdf26e689aef82aa46517df38b26c8f696bb17e7660ccf653a58d7"
    ),
    "/zh-hans/campaigns/export.csv?platform=sina-weibo": (
        "3d3929b4522f6e7684aeb8ff4873272c624767848f1e01666c0beea84e22f5d8"
    ),
    "/zh-hans/campaigns/export.json?platform=sina-weibo": (
        "dd76dd0c981512efbf42e46d9af168f8d44376f169e7d90e07b791204c3aed23"
    ),
    "/figures/export.csv": "5ded3c6c0257d4286fcdc02488f5770c6d91dd82e6b5268c4c902ce206019cdb",
    "/figures/export.json": "e906b643d3ac5937f282f2cf6e9b4683ea8c9fcc3b9b7ec58acb7e7a8a9bf5d9",
}
"""The SHA-256 of each download of the seed catalogue, byte for byte (``seed_download``): the
same on SQLite and PostgreSQL. (The case downloads' digests changed on purpose when they gained
their place in China's columns; the rows read faster gave the same bytes as before.
The figure downloads' changed when figures gained their age and the measure they restate, and
the seed's 857 million short-video users became a statement of the 847 million's measure,
and again when money and goods said whether they are donations or sales; the case downloads'
when they gained each case's sources and its labels in the page's language, and its formats
(codes and names, with live_commerce named "Selling online"), the figures' when they named the
source a document was found through, and when the ten chickens Wang Shuai ate were counted in
the new unit chickens instead of items.)"""


def seed_download(client, address):
    """A download of the seed catalogue, every case and figure changed at one fixed time (the
    seed's own times are those of its loading), with its microseconds."""
    changed = datetime.datetime(2026, 1, 2, 3, 4, 5, 678900, tzinfo=datetime.UTC)
    Campaign.objects.update(updated_at=changed)
    Figure.objects.update(updated_at=changed)
    return b"".join(client.get(address).streaming_content)


@pytest.mark.parametrize("address", SEED_DOWNLOAD_DIGESTS)
def test_the_seed_catalogue_downloads_keep_their_exact_bytes(
    client, seed_catalogue, db, today, address
):
    """A change to how the rows are read or written must not change a byte of the files readers
    have: a new digest here is a change to the published data, to be made on purpose (with the
    fixtures changed, or the record). Figures' ages are counted from a fixed day."""
    today(datetime.date(2026, 6, 1))
    digest = hashlib.sha256(seed_download(client, address)).hexdigest()

    assert digest == SEED_DOWNLOAD_DIGESTS[address]
