"""The units figures are counted in: a table reviewers extend in the admin (``models/units.py``),
read by every page once per catalogue version (``units.py``); a figure's unit must be in it,
and a unit figures use cannot be deleted. The seed's figures in units that fit what was
counted."""

import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from campaigns.display import figure_text, unit_label
from campaigns.loading import LoadError, load_catalogue
from campaigns.models import Figure, FigureKind, Qualifier, Status, Unit
from campaigns.units import units
from tests import factories
from tests.test_loading import figure_record, small_catalogue_records, write

pytestmark = pytest.mark.django_db

UNTIL_NOW = (
    "CNY USD percent kg t seconds hours days people users followers fans creators videos posts "
    "plays likes reposts children counties products organisations websites campaigns teams items"
).split()
"""The 27 codes of the closed list the units were before they became a table."""


def downloads_unit():
    """A unit a reviewer might add: downloads, 次下载."""
    return Unit.objects.create(
        code="downloads",
        name="downloads",
        name_singular="download",
        name_zh="下载",
        measure_word="次",
        kind=FigureKind.COUNT,
        order=40,
    )


def figure(value, unit, qualifier=Qualifier.EXACTLY):
    """An unsaved figure, written as pages write it."""
    return Figure(value=Decimal(value), unit=unit, qualifier=qualifier)


# --------------------------------------------------------------------------- the table


def test_the_table_holds_every_code_of_the_old_list_and_the_units_the_seed_needed():
    codes = units().codes

    assert codes[: len(UNTIL_NOW)] == UNTIL_NOW  # the same codes, in the same order
    assert {"visits", "chickens"} <= set(codes)
    assert units().kind_of("CNY") == FigureKind.MONEY
    assert units().kind_of("t") == FigureKind.MASS
    assert units().kind_of("hours") == FigureKind.DURATION
    assert units().kind_of("percent") == FigureKind.PERCENTAGE
    assert units().kind_of("visits") == FigureKind.COUNT
    outcomes = {unit.code for unit in units() if unit.is_outcome}
    assert {"CNY", "USD", "kg", "t", "products", "items"} <= outcomes
    assert "users" not in outcomes


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "english", "chinese"),
    [
        ("2500000", "visits", Qualifier.OVER, "over 2.5 million visits", "超过250万次访问"),
        ("10", "chickens", Qualifier.EXACTLY, "10 chickens", "10只鸡"),
        ("300000000", "users", Qualifier.OVER, "over 300 million users", "超过3亿名用户"),
        ("110000000", "CNY", Qualifier.EXACTLY, "110 million CNY", "1.1亿元"),
        ("35575", "kg", Qualifier.EXACTLY, "35,575 kg", "35,575千克"),
        ("5.36", "percent", Qualifier.EXACTLY, "5.36%", "5.36%"),
        ("1", "videos", Qualifier.EXACTLY, "1 video", "1条视频"),
        ("49", "videos", Qualifier.EXACTLY, "49 videos", "49条视频"),
        ("1016", "counties", Qualifier.EXACTLY, "1,016 counties", "1,016个县"),
    ],
)
def test_a_figure_reads_with_its_unit_s_names_and_measure_word(
    value, unit, qualifier, english, chinese
):
    with translation.override("en"):
        assert figure_text(figure(value, unit, qualifier)) == english
    with translation.override("zh-hans"):
        assert figure_text(figure(value, unit, qualifier)) == chinese


def test_a_heading_names_a_unit_without_its_measure_word():
    with translation.override("zh-hans"):
        assert unit_label("users") == "用户"
        assert unit_label("t") == "吨"
    with translation.override("en"):
        assert unit_label("t") == "tonnes"
    assert unit_label("no-such-unit") == "no-such-unit"


def test_a_unit_needs_a_chinese_name_or_measure_word_and_only_percent_is_a_percentage():
    unit = Unit(code="shares", name="shares", kind=FigureKind.PERCENTAGE)
    with pytest.raises(Exception) as error:
        unit.full_clean()
    messages = error.value.message_dict
    assert "Give a Chinese name, a measure word, or both" in messages["name_zh"][0]
    assert "Percentages are counted in the one unit" in messages["kind"][0]


def test_the_units_are_read_once_per_catalogue_version(django_assert_num_queries):
    kept = units()
    with django_assert_num_queries(1):  # the version, outside a request
        assert units() is kept
    downloads_unit()  # a new version: read again
    assert "downloads" in units()


# --------------------------------------------------------------------------- integrity


def test_a_unit_figures_use_cannot_be_deleted(figure):
    with pytest.raises(ProtectedError):
        Unit.objects.get(code=figure.unit_id).delete()
    assert Unit.objects.filter(code=figure.unit_id).exists()


def test_the_database_refuses_a_figure_whose_unit_is_not_in_the_table(figure):
    Figure.objects.filter(pk=figure.pk).update(unit="no-such-unit")
    with pytest.raises(IntegrityError), transaction.atomic():  # PostgreSQL: a savepoint to undo
        connection.check_constraints(table_names=[Figure._meta.db_table])
    Figure.objects.filter(pk=figure.pk).update(unit="videos")  # the test's end checks again


def test_a_figure_s_unknown_unit_is_refused_naming_the_units_there_are(figure):
    figure.unit = "no-such-unit"
    with pytest.raises(Exception) as error:
        figure.full_clean()
    message = error.value.message_dict["unit"][0]
    assert "There is no unit “no-such-unit”" in message
    assert "CNY, USD, percent" in message


# --------------------------------------------------------------------------- the admin


def test_a_reviewer_adds_a_unit_and_the_figure_form_offers_it(reviewer):
    response = reviewer.post(
        reverse("admin:campaigns_unit_add"),
        {
            "code": "downloads",
            "name": "downloads",
            "name_singular": "download",
            "name_zh": "下载",
            "measure_word": "次",
            "kind": "count",
            "order": "40",
        },
    )
    assert response.status_code == 302, response.context and response.context["errors"]

    form = reviewer.get(reverse("admin:campaigns_figure_add"))
    html = form.content.decode()

    assert form.status_code == 200
    assert '<optgroup label="Count">' in html
    assert 'value="downloads"' in html
    assert 'data-name-zh="下载"' in html and 'data-measure-word="次"' in html
    assert 'id="add_id_unit"' in html  # the reviewer's "add another" link


def test_an_editor_chooses_among_the_units_but_cannot_add_one(editor):
    listed = editor.get(reverse("admin:campaigns_unit_changelist"))
    adding = editor.get(reverse("admin:campaigns_unit_add"))
    form = editor.get(reverse("admin:campaigns_figure_add"))

    assert listed.status_code == 200
    assert "chickens" in listed.content.decode()
    assert adding.status_code == 403
    assert form.status_code == 200
    assert 'value="visits"' in form.content.decode()
    assert 'id="add_id_unit"' not in form.content.decode()


def test_deleting_a_unit_figures_use_is_refused_with_a_clear_message(reviewer, figure):
    url = reverse("admin:campaigns_unit_delete", args=[figure.unit_id])

    shown = reviewer.get(url)
    tried = reviewer.post(url, {"post": "yes"})

    html = shown.content.decode()
    assert shown.status_code == 200
    assert "Figures are counted in this unit: change their unit first, then delete it." in html
    assert str(figure) in html or figure.label in html
    assert tried.status_code == 200  # the same refusal, nothing deleted
    assert Unit.objects.filter(code=figure.unit_id).exists()


def test_a_reviewer_deletes_a_unit_no_figure_uses(reviewer):
    downloads_unit()
    response = reviewer.post(
        reverse("admin:campaigns_unit_delete", args=["downloads"]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Unit.objects.filter(code="downloads").exists()


# --------------------------------------------------------------------------- pages


@pytest.fixture
def downloads_case(db):
    """A published case with a figure in a unit a reviewer added."""
    downloads_unit()
    case = factories.CampaignFactory(slug="app-case", title="An app for good", status="published")
    factories.FigureFactory(
        campaign=case,
        key="app-downloads",
        label="App downloads",
        value=Decimal("2500000"),
        unit="downloads",
        qualifier=Qualifier.OVER,
        stated_as="more than 2.5 million downloads",
    )
    return case


def test_a_new_unit_reads_right_on_a_case_page_in_both_languages(client, downloads_case):
    english = client.get("/campaigns/app-case/").content.decode()
    chinese = client.get("/zh-hans/campaigns/app-case/").content.decode()

    assert "over 2.5 million downloads" in english
    assert "超过250万次下载" in chinese


def test_a_new_unit_reads_right_in_a_chart_in_both_languages(client, downloads_case):
    english = client.get("/figures/?unit=downloads").content.decode()
    chinese = client.get("/zh-hans/figures/?unit=downloads").content.decode()

    assert "over 2.5 million downloads" in english
    assert "超过250万次下载" in chinese
    assert '<option value="downloads" selected>downloads</option>' in english
    assert '<option value="downloads" selected>下载</option>' in chinese


def test_a_page_reads_the_units_once_per_catalogue_version(client, downloads_case):
    with CaptureQueriesContext(connection) as first:
        client.get("/figures/?unit=downloads")
    with CaptureQueriesContext(connection) as second:
        client.get("/figures/?unit=downloads&sort=largest")

    assert sum("campaigns_unit" in query["sql"] for query in first.captured_queries) == 1
    assert not any("campaigns_unit" in query["sql"] for query in second.captured_queries)


def test_the_codebook_lists_the_units_from_the_table_in_both_languages(client, downloads_case):
    english = client.get("/data/").content.decode()
    chinese = client.get("/zh-hans/data/").content.decode()

    assert "downloads (次下载)" in english
    assert "chickens (只鸡)" in english
    assert "次下载（downloads）" in chinese


def test_the_api_lists_the_units_and_filters_by_a_new_one(client, downloads_case):
    listed = client.get("/api/units").json()
    found = client.get("/api/figures?unit=downloads")
    unknown = client.get("/api/figures?unit=no-such-unit")

    by_code = {unit["code"]: unit for unit in listed}
    assert by_code["downloads"]["measure_word"] == "次"
    assert by_code["chickens"]["name_zh"] == "鸡"
    assert by_code["CNY"]["outcome"] is True
    assert [figure["key"] for figure in found.json()["items"]] == ["app-downloads"]
    assert unknown.status_code == 422
    assert "unknown unit “no-such-unit”" in unknown.content.decode()


def test_the_api_schema_documents_units_as_codes_not_a_fixed_enum(client):
    schema = client.get("/api/openapi.json").json()
    parameters = schema["paths"]["/api/figures"]["get"]["parameters"]
    unit = next(parameter for parameter in parameters if parameter["name"] == "unit")

    assert "enum" not in json.dumps(unit)
    assert "/api/units" in unit["description"]


# --------------------------------------------------------------------------- files


def test_a_catalogue_file_naming_an_unknown_unit_is_refused_naming_the_record(tmp_path):
    records = small_catalogue_records()
    records[-1] = figure_record("weibo-lost-children-reposts", unit="visitz")
    path = write(tmp_path, "catalogue.json", records)

    with pytest.raises(LoadError) as error:
        load_catalogue(paths=[path])

    message = str(error.value)
    assert "weibo-lost-children-reposts" in message
    assert "unit: There is no unit “visitz”. The units are: CNY, USD" in message
    assert "CNY, USD" in message and "visits" in message
    assert not Figure.objects.exists()


def test_a_catalogue_file_names_a_new_unit_by_its_code(tmp_path):
    downloads_unit()
    records = small_catalogue_records()
    records[-1] = figure_record(
        "weibo-lost-children-reposts", unit="downloads", value=300, stated_as="300 downloads"
    )
    load_catalogue(paths=[write(tmp_path, "catalogue.json", records)])

    loaded = Figure.objects.get(key="weibo-lost-children-reposts")
    assert loaded.unit_id == "downloads"
    assert loaded.kind == FigureKind.COUNT


def test_the_admin_import_names_the_record_with_an_unknown_unit(reviewer):
    records = small_catalogue_records()
    records[-1] = figure_record("weibo-lost-children-reposts", unit="visitz")
    upload = SimpleUploadedFile("catalogue.json", json.dumps(records).encode())

    response = reviewer.post("/admin/campaigns/campaign/import/", {"file": upload})

    assert response.status_code == 200
    (refused,) = response.context["refused"]
    assert refused.startswith(
        "catalogue.json, record 9 (campaigns.figure “weibo-lost-children-reposts”): unit: "
        "There is no unit “visitz”. The units are: CNY, USD, percent"
    )
    assert not Figure.objects.exists()


# --------------------------------------------------------------------------- the seed


def test_the_seed_s_chickens_are_chickens(seed_catalogue, client):
    eaten = Figure.objects.get(key="wang-shuai-chickens-eaten")
    case = eaten.campaign.get_absolute_url()

    assert eaten.unit_id == "chickens"
    assert eaten.value == 10
    assert "10只鸡" in client.get(f"/zh-hans{case}").content.decode()
    assert "10 chickens" in client.get(case).content.decode()


def test_no_seed_figure_is_counted_in_items_but_the_ginger_whose_unit_the_source_omits(
    seed_catalogue, db
):
    in_items = Figure.objects.filter(unit="items").values_list("key", flat=True)
    assert list(in_items) == ["county-girl-yellow-ginger-sold"]
    assert Figure.objects.filter(campaign__status=Status.PUBLISHED).exists()
