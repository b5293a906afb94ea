"""The maps of where cases took place: the shipped geometry, the drawing (links, shades, legend,
the table beside it, names in the page's language) and the map on the home and list pages."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from django_countries import countries

from campaigns.maps import GEOMETRY, SHADES, china_map, geometry, shade_of, world_map
from campaigns.models import Campaign
from tests import factories
from tests.pages import page

GEOMETRY_LIMIT = 100_000
"""Bytes the shipped geometry (world and China together) may weigh; it weighs about 60,000."""

HOME_MAP_LIMIT = 45_000
"""Bytes the home page's map of the seed catalogue may weigh (SVG, legend and table)."""

FULL_MAP_LIMIT = 120_000
"""Bytes a world map may weigh when every one of its 234 countries has cases (each then a link
in the drawing and in the table); it weighs about 95,000."""

PROVINCE_CODES = {
    *(f"{code}0000" for code in (11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37)),
    *(f"{code}0000" for code in (41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64)),
    *("650000", "710000", "810000", "820000"),
}
"""The 34 province-level divisions of GB/T 2260."""


class MapReader(HTMLParser):
    """What a drawn map holds: the SVG's links (region code → (href, title)), the regions drawn
    without a link, and the table's rows (region code → (href, name, count))."""

    def __init__(self):
        super().__init__()
        self.links, self.rows = {}, {}
        self.in_svg = self.in_table = False
        self.region = None
        self.text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg":
            self.in_svg = True
        elif tag == "table":
            self.in_table = True
        elif tag == "a" and self.in_svg:
            self.region = attrs["data-region"]
            self.links[self.region] = [attrs["href"], ""]
            self.text = []
        elif tag == "tr" and self.in_table and "data-region" in attrs:
            self.region = attrs["data-region"]
            self.rows[self.region] = [None, "", ""]
            self.text = []
        elif tag == "a" and self.in_table and self.region:
            self.rows[self.region][0] = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg = False
        elif tag == "table":
            self.in_table = False
        elif tag == "title" and self.in_svg and self.region:
            self.links[self.region][1] = "".join(self.text).strip()
        elif tag == "a" and self.in_svg:
            self.region = None
        elif tag == "th" and self.in_table and self.region:
            self.rows[self.region][1] = "".join(self.text).strip()
            self.text = []
        elif tag == "tr" and self.in_table and self.region:
            self.rows[self.region][2] = "".join(self.text).strip()
            self.region = None

    def handle_data(self, data):
        self.text.append(data)


def read(html):
    reader = MapReader()
    reader.feed(html)
    return reader


def drawn(region_map):
    return render_to_string("includes/region_map.html", {"map": region_map})


def list_link(code):
    return f"/campaigns/?country={code}"


SEED_COUNTS = {"CN": 76, "US": 7, "GB": 2, "ES": 1}


# --------------------------------------------------------------------------- the geometry


def test_the_shipped_geometry_is_light():
    weight = sum(path.stat().st_size for path in GEOMETRY.glob("*.json"))
    assert weight < GEOMETRY_LIMIT, weight


def test_the_world_is_keyed_by_country_codes_and_china_by_gb_t_2260_codes():
    assert set(geometry("world")["regions"]) <= set(dict(countries))
    assert {"CN", "TW", "HK", "MO", "IN", "US"} <= set(geometry("world")["regions"])
    assert set(geometry("china")["regions"]) == PROVINCE_CODES


def test_every_region_can_be_found_on_the_map():
    for name in ("world", "china"):
        for code, region in geometry(name)["regions"].items():
            assert region["d"] or region.get("dot"), (name, code)


# --------------------------------------------------------------------------- the drawing


def test_each_region_with_cases_is_a_link_to_its_cases_with_its_count():
    reader = read(drawn(world_map(SEED_COUNTS, list_link, language="en")))
    assert reader.links == {
        "CN": ["/campaigns/?country=CN", "China: 76 cases"],
        "US": ["/campaigns/?country=US", "United States of America: 7 cases"],
        "GB": ["/campaigns/?country=GB", "United Kingdom: 2 cases"],
        "ES": ["/campaigns/?country=ES", "Spain: 1 case"],
    }


def test_a_region_without_cases_is_drawn_but_is_no_link():
    html = drawn(world_map({"CN": 3}, list_link, language="en"))
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert svg.count("<a ") == 1
    assert "country=FR" not in html
    assert geometry("world")["regions"]["FR"]["d"] in svg  # France is land without a link


def test_the_table_lists_the_same_regions_links_and_counts_as_the_drawing():
    counts = {"CN": 1234, "US": 7, "GB": 2, "ES": 1, "TV": 3}  # Tuvalu is too small to draw
    reader = read(drawn(world_map(counts, list_link, language="en")))
    for code, (href, title) in reader.links.items():
        row_href, name, count = reader.rows[code]
        assert row_href == href
        assert title == f"{name}: {count} case{'s' if count != '1' else ''}"
    assert set(reader.rows) - set(reader.links) <= {"TV"}
    assert reader.rows["CN"][2] == "1,234"


def test_a_country_the_geometry_cannot_draw_is_still_in_the_table():
    region_map = world_map({"TV": 3}, list_link, language="en")
    if "TV" in geometry("world")["regions"]:
        pytest.skip("the geometry draws Tuvalu")
    html = drawn(region_map)
    assert read(html).rows["TV"] == ["/campaigns/?country=TV", "Tuvalu (not drawn on the map)", "3"]


def test_the_shades_step_by_tens_and_the_legend_shows_those_in_use():
    assert [shade_of(count) for count in (1, 2, 9, 10, 99, 100, 999, 1000, 100_000)] == [
        1, 2, 2, 3, 3, 4, 4, 5, 5
    ]  # fmt: skip
    region_map = world_map({"CN": 76, "US": 7, "ES": 1}, list_link, language="en")
    assert [step.text for step in region_map.legend] == ["1", "2–9", "10–99"]
    html = drawn(region_map)
    assert 'class="map-region shade-3" data-region="CN"' in html
    assert 'class="map-region shade-1" data-region="ES"' in html
    full = world_map({"CN": 100_000}, list_link, language="en")
    assert full.legend[-1].text == "1,000 or more"
    assert len(full.legend) == SHADES


def test_a_map_of_no_cases_says_so_and_has_no_links():
    html = drawn(world_map({}, list_link, language="en"))
    assert "<a " not in html[html.index("<svg") : html.index("</svg>")]
    assert "no region has a case yet" in html
    assert "No cases yet." in html


def test_the_world_map_names_countries_in_the_pages_language():
    reader = read(drawn(world_map({"CN": 2, "US": 1}, list_link, language="zh-hans")))
    assert reader.rows["CN"][1] == "中国"
    assert reader.rows["US"][1] == "美国"


def test_china_is_drawn_by_province_with_names_in_both_languages():
    counts = {"510000": 3, "110000": 120, "810000": 1, "999999": 5, "CN": 4}
    with translation.override("en"):
        region_map = china_map(counts, lambda code: f"/campaigns/?province={code}")
    reader = read(drawn(region_map))
    assert reader.links == {
        "110000": ["/campaigns/?province=110000", "Beijing: 120 cases"],
        "510000": ["/campaigns/?province=510000", "Sichuan: 3 cases"],
        "810000": ["/campaigns/?province=810000", "Hong Kong: 1 case"],
    }  # codes of no province-level division are left out
    assert reader.rows["510000"][1:] == ["Sichuan", "3"]
    chinese = read(drawn(china_map(counts, str, language="zh-hans")))
    assert chinese.rows["510000"][1] == "四川"
    assert chinese.rows["810000"][1] == "香港"


def test_the_drawing_weighs_little_even_with_every_country_counted():
    every = dict.fromkeys(geometry("world")["regions"], 1)
    html = drawn(world_map(every, list_link, language="en"))
    assert len(html.encode()) < FULL_MAP_LIMIT


# --------------------------------------------------------------------------- on the pages


def map_of(html, map_id=""):
    start = html.index(
        f'<figure class="region-map" id="{map_id}' if map_id else '<figure class="region-map"'
    )
    return html[start : html.index("</figure>", start) + len("</figure>")]


@pytest.mark.django_db
def test_the_home_page_maps_every_published_case_by_country(seed_catalogue, client):
    html = page(client, "/")
    region_map = map_of(html)
    assert len(region_map.encode()) < HOME_MAP_LIMIT
    reader = read(region_map)
    counted = {code: int(row[2]) for code, row in reader.rows.items()}
    assert reader.links["CN"] == [
        "/campaigns/?country=CN&scope=all",
        f"China: {counted['CN']} cases",
    ]
    published = Campaign.objects.public().exclude(country="")
    assert counted == {
        code: published.filter(country=code).count()
        for code in published.values_list("country", flat=True).distinct()
    }


@pytest.mark.django_db
def test_the_home_page_maps_the_cases_in_china_by_province(seed_catalogue, client):
    reader = read(map_of(page(client, "/"), "china-map"))

    counted = {code: int(row[2]) for code, row in reader.rows.items()}
    expected = Campaign.objects.public().count_by_province()
    assert counted == {row["province"]: row["count"] for row in expected}
    assert counted["510000"] == 4  # the four Ya'an cases, placed in Ya'an, Sichuan
    assert reader.links["510000"] == ["/campaigns/?province=510000&scope=all", "Sichuan: 4 cases"]
    assert "650000" not in reader.links  # a province without cases is no link


@pytest.mark.django_db
def test_the_list_maps_its_cases_in_china_by_province_only_when_it_selects_some(client):
    factories.CampaignFactory(country="CN", division_id="511800", cause="disaster_relief")
    factories.CampaignFactory(country="CN", division_id="140822", cause="health")
    factories.CampaignFactory(country="US", cause="health")

    relief = read(map_of(page(client, "/campaigns/?cause=disaster_relief"), "china-map"))
    assert {code: row[2] for code, row in relief.rows.items()} == {"510000": "1"}
    assert relief.links["510000"][0] == "?cause=disaster_relief&province=510000"
    everything = read(map_of(page(client, "/campaigns/"), "china-map"))
    assert {code: row[2] for code, row in everything.rows.items()} == {"510000": "1", "140000": "1"}
    in_the_us = page(client, "/campaigns/?country=US")
    assert 'id="china-map"' not in in_the_us


@pytest.mark.django_db
def test_a_filtered_lists_count_and_maps_count_every_case_it_selects(client):
    factories.CampaignFactory(country="CN", division_id="511800", cause="disaster_relief")
    factories.CampaignFactory(country="CN", division_id="511802", cause="disaster_relief")
    factories.CampaignFactory(country="CN", cause="disaster_relief")  # in China, in no province
    factories.CampaignFactory(country="US", cause="disaster_relief")
    factories.CampaignFactory(country="", cause="disaster_relief")  # on no map, but in the list
    factories.CampaignFactory(country="CN", division_id="140822", cause="education")

    response = client.get("/campaigns/?cause=disaster_relief")

    assert response.status_code == 200
    assert response.context["paginator"].count == 5
    html = response.content.decode()
    world = read(map_of(html))
    assert {code: row[2] for code, row in world.rows.items()} == {"CN": "3", "US": "1"}
    china = read(map_of(html, "china-map"))
    assert {code: row[2] for code, row in china.rows.items()} == {"510000": "2"}


@pytest.mark.django_db
def test_the_chinese_home_page_names_the_countries_in_chinese(seed_catalogue, client):
    reader = read(map_of(page(client, "/zh-hans/")))
    assert reader.rows["CN"][1] == "中国"
    assert reader.links["CN"][1].startswith("中国")


@pytest.mark.django_db
def test_the_list_maps_its_own_cases_and_each_country_keeps_the_filters(client):
    factories.CampaignFactory(country="CN", cause="disaster_relief")
    factories.CampaignFactory(country="CN", cause="disaster_relief")
    factories.CampaignFactory(country="US", cause="disaster_relief")
    factories.CampaignFactory(country="ES", cause="health")
    reader = read(map_of(page(client, "/campaigns/?cause=disaster_relief")))
    assert {code: row[2] for code, row in reader.rows.items()} == {"CN": "2", "US": "1"}
    assert reader.links["CN"][0] == "?cause=disaster_relief&country=CN"
    everything = read(map_of(page(client, "/campaigns/")))
    assert {code: row[2] for code, row in everything.rows.items()} == {
        "CN": "2",
        "US": "1",
        "ES": "1",
    }


def test_the_geometry_files_are_compact_json():
    for path in GEOMETRY.glob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert json.loads(text)["regions"]
        assert not re.search(r"\d\.\d", json.loads(text)["land"]), "coordinates are whole units"
