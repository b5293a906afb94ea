"""The read-only JSON API under /api/."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from campaigns.api import MAX_LIMIT
from campaigns.models import CatalogueSummary, Status, Tag
from tests import factories


def assert_json_error(response, status):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    return response.json()["detail"]


# --------------------------------------------------------------------------- campaigns


def test_the_campaign_list_shows_published_campaigns_with_their_chinese_titles(
    client, yaan_case, draft_case
):
    Tag.objects.filter(slug="earthquake").update(name_zh="地震")

    response = client.get("/api/campaigns")

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 1
    assert data["limit"] == 20
    assert data["offset"] == 0
    [campaign] = data["items"]
    assert campaign["slug"] == "yaan-earthquake"
    assert campaign["title_zh"] == "雅安地震微博募捐"
    assert "雅安地震微博募捐" in response.content.decode()  # written as itself, not \u escaped
    assert campaign["start_date"] == "2013-04-01"
    assert campaign["start_precision"] == "month"
    assert campaign["end_date"] is None
    assert campaign["end_precision"] is None
    assert campaign["platforms"] == [
        {"slug": "sina-weibo", "name": "Sina Weibo", "name_zh": "新浪微博"}
    ]
    assert [participant["role"] for participant in campaign["participants"]] == [
        "organiser",
        "platform_operator",
    ]
    assert campaign["tags"] == [{"slug": "earthquake", "name": "Earthquake", "name_zh": "地震"}]
    assert campaign["figure_count"] == 1
    assert campaign["page_url"] == "http://testserver/campaigns/yaan-earthquake/"


def test_the_campaign_list_takes_the_list_pages_filters_and_search(client, yaan_case, campaign):
    def slugs(query):
        response = client.get(f"/api/campaigns?{query}")
        assert response.status_code == 200
        return [item["slug"] for item in response.json()["items"]]

    assert slugs("cause=disaster_relief") == ["yaan-earthquake"]
    assert slugs("q=雅安") == ["yaan-earthquake"]
    assert slugs("platform=tencent-wesee") == ["wesee-agricultural-assistance"]
    assert slugs("platform=tencent-wesee&platform=sina-weibo&sort=title") == [
        "yaan-earthquake",  # "Weibo fundraising after ..."
        "wesee-agricultural-assistance",  # "Wesee agricultural assistance"
    ]
    assert slugs("year_from=2015") == ["wesee-agricultural-assistance"]
    assert slugs("tag=earthquake") == ["yaan-earthquake"]
    assert slugs("country=CN&sort=oldest") == [
        "yaan-earthquake",
        "wesee-agricultural-assistance",
    ]


def test_a_tag_with_a_chinese_slug_filters_the_api_as_it_filters_the_site(
    client, yaan_case, campaign
):
    campaign.tags.add("新冠疫情")  # a curator's tag: taggit keeps its Chinese slug

    response = client.get("/api/campaigns?tag=新冠疫情")

    assert response.status_code == 200
    assert [item["slug"] for item in response.json()["items"]] == [campaign.slug]
    assert client.get("/campaigns/?tag=新冠疫情").context["page"].object_list[0] == campaign
    assert client.get("/api/campaigns?tag=no%20spaces").status_code == 422


def test_filtering_by_a_platform_no_published_campaign_uses_finds_nothing(client, yaan_case):
    response = client.get("/api/campaigns?platform=no-such-platform")

    assert response.status_code == 200
    assert response.json() == {
        "count": 0,
        "count_estimated": False,
        "limit": 20,
        "offset": 0,
        "next_cursor": None,
        "items": [],
    }


def test_the_campaign_list_is_paginated_with_limit_and_offset(client, yaan_case, campaign):
    response = client.get("/api/campaigns?limit=1&offset=1&sort=title")

    data = response.json()
    assert data["count"] == 2
    assert data["limit"] == 1
    assert [item["slug"] for item in data["items"]] == ["wesee-agricultural-assistance"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("cause=not-a-cause", "cause"),
        ("year_from=soon", "year_from"),
        ("year_to=1066", "year_to"),
        (f"limit={MAX_LIMIT + 1}", "limit"),
        ("limit=0", "limit"),
        ("offset=-1", "offset"),
        ("offset=99999999999999999999999", "offset"),
        ("sort=random", "sort"),
        ("q=%00", "q"),
        ("platform=not%20a%20slug", "platform"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_an_invalid_parameter_is_a_422_json_error_naming_it(client, yaan_case, query, parameter):
    detail = assert_json_error(client.get(f"/api/campaigns?{query}"), 422)

    assert len(detail) == 1
    assert parameter in detail[0]["loc"]
    assert detail[0]["msg"]


def test_one_campaign_comes_with_its_description_figures_and_sources(client, yaan_case):
    response = client.get("/api/campaigns/yaan-earthquake")

    assert response.status_code == 200
    data = response.json()
    assert data["description"] == (
        "When the earthquake struck Ya'an in April 2013, Sina opened its platform."
    )
    [figure] = data["figures"]
    assert figure["value"] == 110000000
    assert figure["unit"] == "CNY"
    assert figure["qualifier"] == "over"
    assert figure["stated_as"] == "over 110 million RMB"
    assert figure["source"] == "gates-2013"
    assert figure["campaign"] == "yaan-earthquake"
    [source] = data["sources"]
    assert source["title"] == "The Power of Social Media: New Case Studies From China"
    assert data["participants"] == [
        {
            "organisation": "one-foundation",
            "name": "One Foundation",
            "name_zh": "壹基金",
            "role": "organiser",
            "note": "ran the appeal",
            "note_zh": "",
            "assumed": False,
        },
        {
            "organisation": "sina",
            "name": "Sina Corporation",
            "name_zh": "新浪",
            "role": "platform_operator",
            "note": "",
            "note_zh": "",
            "assumed": False,
        },
    ]


def test_a_draft_or_unknown_campaign_is_a_404_json_error(client, draft_case):
    assert assert_json_error(client.get("/api/campaigns/unchecked-draft"), 404) == "Not Found"
    assert assert_json_error(client.get("/api/campaigns/no-such-case"), 404) == "Not Found"


def test_a_malformed_slug_is_a_422_json_error(client, db):
    detail = assert_json_error(client.get("/api/campaigns/not%20a%20slug"), 422)

    assert detail[0]["loc"][-1] == "slug"


# --------------------------------------------------------------------------- figures


def test_the_figure_list_holds_public_figures_only(client, yaan_case, draft_case):
    response = client.get("/api/figures")

    assert response.status_code == 200
    assert [item["key"] for item in response.json()["items"]] == ["yaan-donations"]


def test_the_figure_list_filters_by_kind_unit_and_campaign(client, yaan_case, figure):
    def keys(query):
        return [item["key"] for item in client.get(f"/api/figures?{query}").json()["items"]]

    assert keys("kind=money") == ["yaan-donations"]
    assert keys("unit=videos") == [figure.key]
    assert keys("campaign=yaan-earthquake") == ["yaan-donations"]
    assert keys("campaign=unchecked-draft") == []
    assert_json_error(client.get("/api/figures?unit=furlongs"), 422)


def test_one_figure_is_found_by_its_key_and_a_draft_figure_is_not(client, yaan_case, draft_case):
    response = client.get("/api/figures/yaan-donations")

    assert response.status_code == 200
    assert response.json()["period"] == "within 72 hours"
    assert_json_error(client.get("/api/figures/draft-figure"), 404)


def test_a_figure_about_a_platform_is_public_without_a_campaign(client, weibo):
    factories.FigureFactory(
        key="weibo-share", campaign=None, platform=weibo, value=Decimal("5.36"), unit="percent"
    )

    figure = client.get("/api/figures/weibo-share").json()
    platform = client.get("/api/platforms/sina-weibo").json()

    assert figure["value"] == 5.36
    assert figure["campaign"] is None
    assert figure["platform"] == "sina-weibo"
    assert [item["key"] for item in platform["figures"]] == ["weibo-share"]


# --------------------------------------------------------------------------- others


def test_organisations_in_published_content_are_listed_and_draft_only_ones_are_not(
    client, yaan_case, draft_case
):
    slugs = [item["slug"] for item in client.get("/api/organisations").json()["items"]]

    assert "sina" in slugs
    assert "hidden-partner" not in slugs
    assert_json_error(client.get("/api/organisations/hidden-partner"), 404)
    sina = client.get("/api/organisations/sina").json()
    assert sina["name_zh"] == "新浪"
    assert sina["campaigns"] == ["yaan-earthquake"]


def test_a_platform_lists_its_published_campaigns_only(client, yaan_case, draft_case):
    assert draft_case.platforms.get() == yaan_case.platforms.get()

    weibo = client.get("/api/platforms/sina-weibo").json()

    assert weibo["operator"] == "sina"
    assert weibo["campaigns"] == ["yaan-earthquake"]


def test_sources_of_draft_campaigns_are_not_listed(client, yaan_case, draft_case):
    slugs = [item["slug"] for item in client.get("/api/sources").json()["items"]]

    assert slugs == ["gates-2013"]
    assert_json_error(client.get("/api/sources/draft-only-source"), 404)
    report = client.get("/api/sources/gates-2013").json()
    assert report["campaigns"] == ["yaan-earthquake"]


def test_a_source_lists_its_numbered_references_in_order(client, yaan_case):
    report = yaan_case.sources.get()
    for number in (2, 1):
        factories.SourceFactory(
            slug=f"reference-{number}", cited_by=report, reference_number=number
        )

    data = client.get("/api/sources/gates-2013").json()

    assert data["references"] == ["reference-1", "reference-2"]
    assert client.get("/api/sources/reference-2").json()["cited_by"] == "gates-2013"


def test_the_list_query_count_stays_the_same_as_the_catalogue_grows(
    client, yaan_case, django_assert_num_queries
):
    # The version, the summary's count (kept after each change, as the commit keeps it), the
    # page and its platforms, tags and participants (with their organisations joined): no
    # filter menus (they were 4 more when the API went through the list page's form).
    CatalogueSummary.keep()
    with django_assert_num_queries(6):
        assert client.get("/api/campaigns").json()["count"] == 1
    for number in range(3):
        campaign = factories.CampaignFactory(tags=[f"tag-{number}"])
        factories.ParticipationFactory(campaign=campaign)
    CatalogueSummary.keep()
    with django_assert_num_queries(6):
        assert client.get("/api/campaigns").json()["count"] == 4


@pytest.mark.parametrize("scope", ["", "social_good", "commercial", "other_trend", "all"])
def test_the_whole_list_of_a_scope_is_counted_by_the_catalogue_summary(client, db, scope):
    for number, case_scope in enumerate(["social_good", "social_good", "commercial"]):
        factories.CampaignFactory(slug=f"case-{number}", scope=case_scope)
    factories.CampaignFactory(slug="a-draft", status=Status.DRAFT)
    CatalogueSummary.keep()
    expected = {"": 2, "social_good": 2, "commercial": 1, "other_trend": 0, "all": 3}[scope]
    scoped = {"scope": scope} if scope else {}

    with CaptureQueriesContext(connection) as queries:
        data = client.get(
            "/api/campaigns", {"sort": "title", "q": " ", "limit": 1, **scoped}
        ).json()

    assert data["count"] == expected and not data["count_estimated"]
    assert not any("COUNT(" in query["sql"] for query in queries)
    with CaptureQueriesContext(connection) as queries:  # narrowed: counted
        narrowed = client.get("/api/campaigns", {"cause": "rural_livelihoods", **scoped}).json()
    assert narrowed["count"] == expected
    assert sum("COUNT(" in query["sql"] for query in queries) == 1


# --------------------------------------------------------------------------- schema, docs, caching


def test_the_openapi_schema_documents_every_endpoint_and_field(client, db):
    response = client.get("/api/openapi.json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/campaigns",
        "/api/campaigns/{slug}",
        "/api/figures",
        "/api/figures/{key}",
        "/api/organisations",
        "/api/organisations/{slug}",
        "/api/platforms",
        "/api/platforms/{slug}",
        "/api/places",
        "/api/units",
        "/api/sources",
        "/api/sources/{slug}",
    }
    undescribed = [
        f"{name}.{field}"
        for name, component in schema["components"]["schemas"].items()
        for field, details in component.get("properties", {}).items()
        if not details.get("description")
    ]
    assert undescribed == []
    figure = schema["components"]["schemas"]["FigureOut"]["properties"]
    assert "110000000" in figure["value"]["description"]


def test_the_api_docs_load_swagger_ui_from_this_site_only(client, db):
    response = client.get("/api/docs")

    assert response.status_code == 200
    page = response.content.decode()
    assert "swagger-ui-bundle.js" in page
    addresses = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert addresses
    assert all(address.startswith("/") for address in addresses), addresses
    assert "cdn" not in page.lower()
    assert '"validatorUrl": null' in page


def test_an_api_response_carries_an_etag_and_answers_a_conditional_get_with_304(client, yaan_case):
    first = client.get("/api/campaigns/yaan-earthquake")
    assert first["ETag"]
    assert first["Last-Modified"]

    by_etag = client.get("/api/campaigns/yaan-earthquake", headers={"if-none-match": first["ETag"]})
    by_date = client.get("/api/campaigns", headers={"if-modified-since": first["Last-Modified"]})

    assert by_etag.status_code == 304
    assert by_date.status_code == 304


def test_publishing_a_campaign_makes_the_old_etag_stale(client, yaan_case, draft_case):
    etag = client.get("/api/campaigns")["ETag"]
    draft_case.status = Status.PUBLISHED
    draft_case.save()

    response = client.get("/api/campaigns", headers={"if-none-match": etag})

    assert response.status_code == 200
    assert response.json()["count"] == 2


def test_the_api_is_read_only(client, yaan_case):
    response = client.post("/api/campaigns", data={}, content_type="application/json")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response.json() == {"detail": "The API is read-only: use GET or HEAD, not POST."}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_every_api_address_refuses_writes_in_json_even_with_csrf_checks(method, yaan_case):
    client = Client(enforce_csrf_checks=True)
    for path in ["/api/campaigns/yaan-earthquake", "/api/figures", "/api/openapi.json"]:
        response = getattr(client, method)(path)

        assert response.status_code == 405, path
        assert response["Content-Type"] == "application/json"
        assert response["Allow"] == "GET, HEAD"
        assert response.json()["detail"].startswith("The API is read-only: use GET or HEAD")


def test_head_answers_like_get_without_the_body(client, yaan_case):
    got = client.get("/api/campaigns/yaan-earthquake")

    head = client.head("/api/campaigns/yaan-earthquake")

    assert head.status_code == 200
    assert head["Content-Type"] == got["Content-Type"]
    assert head["ETag"] == got["ETag"]
    assert head.content == b""
    assert client.head("/api/campaigns").status_code == 200
    assert client.head("/api/campaigns/no-such-case").status_code == 404
    assert client.head("/api/campaigns?limit=0").status_code == 422
    again = client.head("/api/campaigns/yaan-earthquake", headers={"if-none-match": got["ETag"]})
    assert again.status_code == 304


def test_every_platform_the_site_shows_is_in_the_api_list_and_found_by_slug(client, yaan_case):
    volcano = factories.PlatformFactory(name="Volcano Video", slug="volcano-video")
    factories.FigureFactory(
        key="volcano-users", campaign=None, platform=volcano, source=yaan_case.sources.first()
    )
    factories.PlatformFactory(name="Nothing public yet", slug="nothing-public-yet")

    slugs = [item["slug"] for item in client.get("/api/platforms").json()["items"]]

    assert slugs == ["sina-weibo", "volcano-video"]
    assert client.get("/platforms/volcano-video/").status_code == 200
    assert client.get("/api/platforms/volcano-video").json()["campaigns"] == []
    assert client.get("/api/platforms/nothing-public-yet").status_code == 404


# --------------------------------------------------------------------------- one record


@pytest.mark.parametrize(
    ("api", "download", "key"),
    [
        ("/api/campaigns?limit=100&scope=all", "/campaigns/export.json?scope=all", "slug"),
        ("/api/figures?limit=100", "/figures/export.json", "key"),
    ],
)
def test_the_api_and_the_json_download_write_every_shared_field_alike(
    client, seed_catalogue, db, api, download, key
):
    """Both are made from one record (``records.py``): every field they share holds the same
    value (times aside: the API writes UTC as "Z", the download as "+00:00")."""
    from campaigns import records

    items = {item[key]: item for item in client.get(api).json()["items"]}
    rows = json.loads(b"".join(client.get(download).streaming_content))
    rows = {row[key]: row for row in rows["campaigns" if key == "slug" else "figures"]}
    record = records.CAMPAIGN if key == "slug" else records.FIGURE
    shared = [
        field.name
        for field in record
        if {records.API, records.DOWNLOAD} <= field.formats
        and field.api is None
        and field.name != "updated_at"
    ]

    assert set(items) == set(rows)
    assert len(shared) > 15
    for name, row in rows.items():
        assert {field: items[name][field] for field in shared} == {
            field: row[field] for field in shared
        }, name


# --------------------------------------------------------------------------- pages by cursor


def walk(client, address, limit=7):
    """Every item of a list, page by page, following next_cursor; and how many pages."""
    items, pages, cursor = [], 0, None
    while True:
        separator = "&" if "?" in address else "?"
        extra = f"&cursor={cursor}" if cursor else ""
        page = client.get(f"{address}{separator}limit={limit}{extra}").json()
        items += page["items"]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            return items, pages


@pytest.mark.parametrize(
    ("address", "key"),
    [
        ("/api/campaigns?scope=all", "slug"),
        ("/api/campaigns?scope=all&sort=oldest", "slug"),
        ("/api/campaigns?scope=all&sort=title", "slug"),
        ("/api/campaigns?scope=all&sort=figures", "slug"),
        ("/api/figures", "key"),
        ("/api/figures?sort=largest", "key"),
        ("/api/figures?sort=oldest", "key"),
        ("/api/organisations", "slug"),
        ("/api/sources", "slug"),
    ],
)
def test_following_the_cursors_gives_every_item_once_in_the_lists_order(
    client, seed_catalogue, db, address, key
):
    separator = "&" if "?" in address else "?"
    everything = client.get(f"{address}{separator}limit=100").json()

    walked, pages = walk(client, address)

    assert [item[key] for item in walked] == [item[key] for item in everything["items"]]
    assert pages == -(-everything["count"] // 7)


def test_a_cursor_cannot_be_forged_mixed_with_an_offset_or_used_for_another_order(
    client, seed_catalogue, db
):
    cursor = client.get("/api/campaigns?limit=5").json()["next_cursor"]
    assert cursor

    forged = client.get(f"/api/campaigns?limit=5&cursor={cursor[:-2]}xx")
    both = client.get(f"/api/campaigns?limit=5&offset=5&cursor={cursor}")
    elsewhere = client.get(f"/api/campaigns?limit=5&sort=oldest&cursor={cursor}")

    assert (
        assert_json_error(forged, 422) == "This cursor is not one this API gave, or it was changed."
    )
    assert assert_json_error(both, 422) == "Give either offset or cursor, not both."
    assert "another list or order" in assert_json_error(elsewhere, 422)


def test_a_search_ranked_by_relevance_pages_by_offset_only(client, seed_catalogue, db):
    page = client.get("/api/campaigns?q=earthquake&limit=2").json()

    assert page["count"] == 4 and page["next_cursor"] is None
    assert client.get("/api/campaigns?q=earthquake&limit=2&offset=2").json()["items"]
    by_date = client.get("/api/campaigns?q=earthquake&limit=2&sort=newest").json()
    assert by_date["next_cursor"], "the same search in another order pages by key"


def test_a_page_by_cursor_runs_as_many_queries_as_the_first(
    client, seed_catalogue, db, django_assert_num_queries
):
    first = client.get("/api/campaigns?limit=5")
    cursor = first.json()["next_cursor"]
    client.get("/api/campaigns?limit=5&offset=5")  # the version is read and cached alike

    with django_assert_num_queries(6):  # as /api/campaigns's first page (the test above)
        assert client.get(f"/api/campaigns?limit=5&cursor={cursor}").status_code == 200


def test_years_given_the_wrong_way_round_are_read_the_right_way(client, db):
    for year in (2010, 2013, 2016):
        factories.CampaignFactory(slug=f"case-{year}", start_date=datetime.date(year, 1, 1))

    forwards = client.get("/api/campaigns?year_from=2010&year_to=2016").json()
    backwards = client.get("/api/campaigns?year_from=2016&year_to=2010").json()

    assert backwards["count"] == forwards["count"] == 3
