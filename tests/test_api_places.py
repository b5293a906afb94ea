"""The API's places: where the published cases are, as the maps draw it, from the kept summary."""

import json

import pytest

from campaigns.models import CatalogueSummary

pytestmark = pytest.mark.django_db


def test_places_lists_countries_and_provinces_with_both_names_counts_and_lists(
    client, seed_catalogue, django_assert_num_queries
):
    CatalogueSummary.current()  # kept once the catalogue changed, before anyone reads
    with django_assert_num_queries(2):  # the catalogue version (page cache) and the kept summary
        response = client.get("/api/places")
    places = json.loads(response.content)

    summary = CatalogueSummary.current()
    countries = {place["code"]: place for place in places["countries"]}
    assert {code: place["campaigns"] for code, place in countries.items()} == dict(
        summary.country_counts
    )
    assert countries["CN"]["name"] == "China" and countries["CN"]["name_zh"] == "中国"
    assert countries["CN"]["cases_url"] == "http://testserver/campaigns/?country=CN&scope=all"
    sichuan = next(place for place in places["provinces"] if place["code"] == "510000")
    assert (sichuan["name"], sichuan["name_zh"], sichuan["campaigns"]) == ("Sichuan", "四川省", 4)
    assert sichuan["cases_url"].endswith("/campaigns/?province=510000&scope=all")
    assert [place["code"] for place in places["provinces"]] == sorted(
        place["code"] for place in places["provinces"]
    )


def test_places_are_in_the_openapi_schema_and_the_codebook(client, db):
    schema = json.loads(client.get("/api/openapi.json").content)
    assert "/api/places" in schema["paths"]
    place = schema["components"]["schemas"]["PlaceOut"]["properties"]
    assert set(place) == {"code", "name", "name_zh", "campaigns", "cases_url"}
    assert 'href="/api/places"' in client.get("/data/").content.decode()
