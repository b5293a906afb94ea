"""Where in China a case took place: the administrative divisions (GB/T 2260), a case's division,
the province filter on the list, the downloads and the API, the summary's province counts, the
case page and the catalogue files."""

import csv
import io
import json
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from campaigns import places
from campaigns.exporting import export_catalogue
from campaigns.filters import CampaignFilterForm
from campaigns.loading import FIXTURE_FILES, LoadError, load_catalogue
from campaigns.models import Campaign, CatalogueSummary, Division, Scope, Status
from tests import factories
from tests.pages import campaign_form_data, change_url
from tests.test_roundtrip import empty_the_catalogue

pytestmark = pytest.mark.django_db

SICHUAN, YAAN, LUSHAN = "510000", "511800", "511826"
SHANDONG, SHANGHE = "370000", "370126"


def place(campaign, code):
    """Put ``campaign`` in the division with ``code`` (in China)."""
    campaign.country = "CN"
    campaign.division_id = code
    campaign.save()
    return campaign


@pytest.fixture
def placed_cases(db):
    """Published cases at Lushan County and Ya'an (Sichuan) and Shanghe County (Shandong), one
    in China with no division, one in Spain, a commercial one in Sichuan and a draft in
    Sichuan."""
    return {
        "lushan": place(factories.CampaignFactory(slug="lushan"), LUSHAN),
        "yaan": place(factories.CampaignFactory(slug="yaan"), YAAN),
        "shanghe": place(factories.CampaignFactory(slug="shanghe"), SHANGHE),
        "china": factories.CampaignFactory(slug="china", country="CN"),
        "madrid": factories.CampaignFactory(slug="madrid", country="ES"),
        "brand": place(factories.CampaignFactory(slug="brand", scope=Scope.COMMERCIAL), YAAN),
        "draft": place(factories.CampaignFactory(slug="draft", status=Status.DRAFT), LUSHAN),
    }


def listed(query):
    """The form of the case list for a query string, and the slugs it lists."""
    form = CampaignFilterForm(data=QueryDict(query))
    return form, sorted(form.filter(Campaign.objects.public()).values_list("slug", flat=True))


# --------------------------------------------------------------------------- the divisions


def test_every_division_of_the_data_file_is_in_the_table_with_the_divisions_it_lies_in(db):
    assert Division.objects.count() == len(places.read_divisions())
    lushan = Division.objects.with_ancestors().get(code=LUSHAN)
    assert [(d.code, d.level, d.name, d.name_zh) for d in lushan.lineage] == [
        (LUSHAN, "county", "Lushan County", "芦山县"),
        (YAAN, "prefecture", "Ya'an", "雅安市"),
        (SICHUAN, "province", "Sichuan", "四川省"),
    ]
    assert lushan.province_id == SICHUAN
    assert Division.objects.filter(level="province").count() == len(places.provinces()) == 31


def test_a_district_of_a_municipality_lies_in_the_municipality_itself(db):
    chaoyang = Division.objects.with_ancestors().get(code="110105")
    assert [d.name for d in chaoyang.lineage] == ["Chaoyang District", "Beijing"]


def test_syncing_puts_back_a_missing_division_and_corrects_a_changed_name(db):
    Division.objects.filter(code="511827").delete()  # Baoxing County
    Division.objects.filter(code=LUSHAN).update(name="Lushan")

    assert places.sync_divisions() == 2
    assert Division.objects.get(code="511827").name_zh == "宝兴县"
    assert Division.objects.get(code=LUSHAN).name == "Lushan County"
    assert places.sync_divisions() == 0


# --------------------------------------------------------------------------- a case's place


def test_a_case_outside_china_cannot_have_a_chinese_division(db):
    campaign = factories.CampaignFactory(country="US", division_id=YAAN)
    with pytest.raises(ValidationError) as raised:
        campaign.full_clean()
    assert raised.value.message_dict["division"] == [
        "Only a case in China has a place in China: set the country to China."
    ]


def test_the_admin_places_a_case_in_a_division(admin_client, campaign):
    response = admin_client.post(
        change_url(campaign), campaign_form_data(campaign, division=LUSHAN)
    )

    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.division_id == LUSHAN


def test_the_admin_refuses_an_unknown_code_with_a_message_naming_it(admin_client, campaign):
    response = admin_client.post(
        change_url(campaign), campaign_form_data(campaign, division="519999")
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["division"] == [
        "There is no administrative division with the code “519999”: choose one from the "
        "list, by its six-digit GB/T 2260 code or its name."
    ]


def test_the_admin_refuses_a_division_for_a_case_outside_china(admin_client, campaign):
    data = campaign_form_data(campaign, country="US", division=YAAN)

    response = admin_client.post(change_url(campaign), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["division"] == [
        "Only a case in China has a place in China: set the country to China."
    ]


def test_the_admins_autocomplete_finds_divisions_by_code_english_and_chinese_name(editor):
    def found(term):
        response = editor.get(
            "/admin/autocomplete/",
            {
                "term": term,
                "app_label": "campaigns",
                "model_name": "campaign",
                "field_name": "division",
            },
        )
        assert response.status_code == 200
        return [item["id"] for item in response.json()["results"]]

    assert found("511826") == [LUSHAN]
    assert LUSHAN in found("Lushan County")
    assert found("芦山") == [LUSHAN]


def test_the_admins_division_list_is_read_only(admin_client):
    response = admin_client.get("/admin/campaigns/division/add/")
    assert response.status_code == 403


# --------------------------------------------------------------------------- catalogue files


def write(folder, records):
    path = folder / "campaigns.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def a_campaign_record(source, **fields):
    return {
        "model": "campaigns.campaign",
        "fields": {
            "slug": "lushan-relief",
            "title": "Relief in Lushan",
            "summary": "Volunteers coordinated relief.",
            "description": "Volunteers coordinated relief on WeChat.",
            "country": "CN",
            "cause": "disaster_relief",
            "approach": "volunteer_coordination",
            "sources": [[source.slug]],
            "status": "published",
            **fields,
        },
    }


def test_loading_a_case_with_a_division_code_places_it(db, source, tmp_path):
    path = write(tmp_path, [a_campaign_record(source, division=[LUSHAN])])

    load_catalogue(paths=[path])

    assert Campaign.objects.get(slug="lushan-relief").division_id == LUSHAN


def test_loading_an_unknown_division_code_names_the_record_and_the_code(db, source, tmp_path):
    path = write(tmp_path, [a_campaign_record(source, division=["519999"])])

    with pytest.raises(LoadError) as raised:
        load_catalogue(paths=[path])

    message = str(raised.value)
    assert "record 1 (campaigns.campaign “lushan-relief”)" in message
    assert "division: there is no campaigns.division “519999”." in message
    assert not Campaign.objects.filter(slug="lushan-relief").exists()


def test_the_admins_import_refuses_an_unknown_division_code_naming_record_and_code(reviewer):
    records = [
        {
            "model": "campaigns.source",
            "fields": {"slug": "s1", "title": "A report", "kind": "report"},
        },
        a_campaign_record(SimpleNamespace(slug="s1"), division=["519999"]),
    ]
    upload = SimpleUploadedFile("places.json", json.dumps(records).encode(), "application/json")

    response = reviewer.post("/admin/campaigns/campaign/import/", {"file": upload})

    assert response.status_code == 200
    assert "places.json cannot be imported; nothing was changed." in response.content.decode()
    assert response.context["refused"] == [
        "places.json, record 2 (campaigns.campaign “lushan-relief”): "
        "division: there is no campaigns.division “519999”."
    ]
    assert not Campaign.objects.exists()


def test_loading_a_division_for_a_case_outside_china_says_why(db, source, tmp_path):
    path = write(tmp_path, [a_campaign_record(source, country="US", division=[YAAN])])

    with pytest.raises(LoadError) as raised:
        load_catalogue(paths=[path])

    assert "Only a case in China has a place in China" in str(raised.value)


def test_the_seed_places_its_cases_as_their_documents_do(seed_catalogue, db):
    placed = dict(
        Campaign.objects.exclude(division=None).values_list("slug", "division").order_by("slug")
    )
    assert placed == {
        "song-xiaoying-apple-live-stream": "140822",  # Wanrong County, Shanxi
        "wang-shuai-flower-videos-wesee": SHANGHE,  # Shanghe County, Jinan, Shandong
        "yaan-earthquake-china-earthquake-network-alert": YAAN,
        "yaan-earthquake-missing-person-search": YAAN,
        "yaan-earthquake-wechat-volunteers": YAAN,
        "yaan-earthquake-weibo-fundraising": YAAN,
    }
    assert not Campaign.objects.exclude(country="CN").exclude(division=None).exists()


def test_an_export_loaded_into_an_empty_database_keeps_every_place(seed_catalogue, db, tmp_path):
    before = dict(Campaign.objects.public().values_list("slug", "division"))
    export_catalogue(directory=tmp_path)
    exported = json.loads((tmp_path / "campaigns.json").read_text(encoding="utf-8"))
    divisions = {
        r["fields"]["slug"]: r["fields"]["division"]
        for r in exported
        if r["model"] == "campaigns.campaign"
    }
    assert divisions["wang-shuai-flower-videos-wesee"] == [SHANGHE]
    empty_the_catalogue()
    load_catalogue(paths=[tmp_path / name for name in FIXTURE_FILES])

    assert dict(Campaign.objects.public().values_list("slug", "division")) == before


# --------------------------------------------------------------------------- the filter


def test_a_province_matches_the_cases_placed_in_it_its_prefectures_and_counties(placed_cases):
    form, slugs = listed(f"province={SICHUAN}")
    assert slugs == ["lushan", "yaan"]  # not the draft, nor the commercial case by default
    assert form.notes == []
    assert listed(f"province={SICHUAN}&scope=all")[1] == ["brand", "lushan", "yaan"]
    assert listed(f"province={SHANDONG}")[1] == ["shanghe"]


def test_the_province_filter_combines_with_the_country_filter(placed_cases):
    assert listed(f"province={SICHUAN}&country=CN")[1] == ["lushan", "yaan"]
    assert listed(f"province={SICHUAN}&country=ES")[1] == []


@pytest.mark.parametrize("value", ["999999", "Sichuan", "51", "%00"])
def test_an_unknown_province_is_ignored_with_a_note(placed_cases, value):
    form, slugs = listed(f"province={value}")
    assert slugs == ["china", "lushan", "madrid", "shanghe", "yaan"]
    shown = QueryDict(f"province={value}")["province"]
    assert form.notes == [f"No published case is placed in the province “{shown}”; ignored."]


def test_the_province_menu_counts_the_published_cases_of_each_province(placed_cases):
    form = CampaignFilterForm(data=QueryDict(""))
    assert [(code, str(label)) for code, label in form.fields["province"].choices] == [
        ("", "Any province"),
        (SHANDONG, "Shandong · 1"),
        (SICHUAN, "Sichuan · 2"),
    ]
    every_scope = CampaignFilterForm(data=QueryDict("scope=all"))
    assert (SICHUAN, "Sichuan · 3") in [
        (code, str(label)) for code, label in every_scope.fields["province"].choices
    ]


def test_the_list_page_filters_by_province_and_names_it_in_chinese(client, placed_cases):
    response = client.get(f"/zh-hans/campaigns/?province={SICHUAN}")

    assert response.status_code == 200
    page = response.content.decode()
    assert f'<option value="{SICHUAN}" selected>四川省 · 2</option>' in page
    assert 'href="/zh-hans/campaigns/lushan/"' in page
    assert 'href="/zh-hans/campaigns/shanghe/"' not in page


def test_the_summary_counts_published_cases_by_province_and_scope(placed_cases):
    summary = CatalogueSummary.current()
    assert summary.province_counts == [[SHANDONG, 1], [SICHUAN, 3]]
    assert summary.province_counts_in("social_good") == [[SHANDONG, 1], [SICHUAN, 2]]
    assert summary.province_counts_in("commercial") == [[SICHUAN, 1]]
    assert dict(summary.country_counts) == {"CN": 5, "ES": 1}


def test_moving_a_case_to_another_province_is_counted_again(placed_cases):
    with_place = placed_cases["yaan"]
    place(with_place, SHANGHE)
    assert CatalogueSummary.keep().province_counts == [[SHANDONG, 2], [SICHUAN, 2]]


# --------------------------------------------------------------------------- API and downloads


def test_the_api_filters_by_province_and_writes_the_division(client, placed_cases):
    response = client.get(f"/api/campaigns?province={SICHUAN}&sort=title")

    assert response.status_code == 200
    items = {item["slug"]: item for item in response.json()["items"]}
    assert sorted(items) == ["lushan", "yaan"]
    assert items["lushan"]["division_code"] == LUSHAN
    assert items["lushan"]["division_level"] == "county"
    assert items["lushan"]["division_name"] == "Lushan County, Ya'an, Sichuan"
    assert items["lushan"]["division_name_zh"] == "四川省雅安市芦山县"


@pytest.mark.parametrize("value", ["51", "Sichuan", "5100000"])
def test_the_api_refuses_a_value_that_is_no_province_code(client, placed_cases, value):
    response = client.get(f"/api/campaigns?province={value}")
    assert response.status_code == 422


def test_the_api_finds_nothing_in_a_province_with_no_case(client, placed_cases):
    response = client.get("/api/campaigns?province=650000")
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_the_openapi_schema_documents_the_province_filter_and_the_division_fields(client, db):
    schema = client.get("/api/openapi.json").json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/campaigns"]["get"]["parameters"]}
    assert "GB/T 2260" in parameters["province"]["description"]
    properties = json.dumps(schema["components"]["schemas"])
    for name in ("division_code", "division_level", "division_name", "division_name_zh"):
        assert f'"{name}"' in properties


def test_the_download_of_a_province_holds_its_cases_with_their_divisions(client, placed_cases):
    response = client.get(f"/campaigns/export.csv?province={SICHUAN}")

    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(text[1:]))}
    assert sorted(rows) == ["lushan", "yaan"]
    assert rows["yaan"]["division_code"] == YAAN
    assert rows["yaan"]["division_level"] == "prefecture"
    assert rows["yaan"]["division_name"] == "Ya'an, Sichuan"
    assert rows["yaan"]["division_name_zh"] == "四川省雅安市"


def test_a_case_with_no_division_has_empty_division_columns(client, placed_cases):
    response = client.get("/campaigns/export.csv?country=ES")
    text = b"".join(response.streaming_content).decode("utf-8")
    [row] = csv.DictReader(io.StringIO(text[1:]))
    assert [row[f"division_{name}"] for name in ("code", "level", "name", "name_zh")] == [
        "",
        "",
        "",
        "",
    ]


def test_the_codebook_says_what_the_division_codes_are(client, db):
    response = client.get("/data/")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="campaigns-division_code"' in page
    assert "GB/T 2260" in page
    assert "<code>510000</code>" in page and "Sichuan (四川省)" in page


# --------------------------------------------------------------------------- the case page


def test_the_case_page_shows_the_place_with_its_divisions_in_english(client, placed_cases):
    response = client.get("/campaigns/lushan/")

    assert response.status_code == 200
    assert (
        'Lushan County, Ya&#x27;an, <a href="/campaigns/?province=510000">Sichuan</a> '
        '<span class="muted">(GB/T 2260 511826)</span>'
    ) in response.content.decode()


def test_the_chinese_case_page_shows_the_place_in_chinese(client, placed_cases):
    response = client.get("/zh-hans/campaigns/lushan/")

    assert response.status_code == 200
    assert (
        '<a href="/zh-hans/campaigns/?province=510000">四川省</a>雅安市芦山县'
    ) in response.content.decode()


def test_a_case_page_costs_the_same_queries_with_a_place(client, placed_cases):
    client.get("/campaigns/china/")  # warms what every page reads once
    with CaptureQueriesContext(connection) as without_place:
        client.get("/campaigns/madrid/")
    with CaptureQueriesContext(connection) as with_place:
        client.get("/campaigns/shanghe/")
    assert len(with_place) == len(without_place)


def test_a_cases_admin_page_costs_the_same_queries_with_a_place(admin_client, placed_cases):
    admin_client.get(change_url(placed_cases["china"]))  # warms what every page reads once
    with CaptureQueriesContext(connection) as without_place:
        response = admin_client.get(change_url(placed_cases["madrid"]))
    with CaptureQueriesContext(connection) as with_place:
        placed = admin_client.get(change_url(placed_cases["lushan"]))
    assert response.status_code == placed.status_code == 200
    assert "Lushan County 芦山县 (511826)" in placed.content.decode()
    assert len(with_place) == len(without_place)
