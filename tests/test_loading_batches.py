"""The loader's batches: new rows inserted together and unchanged rows counted without a
write give exactly what loading one record at a time gives, in a number of queries that does
not grow with the records."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.test.utils import CaptureQueriesContext

from campaigns import kept, loading
from campaigns.loading import bulk, load_catalogue, saving, seed_fixture_paths
from campaigns.models import Campaign, CatalogueVersion, Figure, Participation
from campaigns.registry import MODELS as CATALOGUE_MODELS

pytestmark = pytest.mark.django_db

TIMES = {"created_at", "updated_at", "published_at"}
"""Stamped with the time of the load, which differs from one load to the next."""


def catalogue_state():
    """Every catalogue row without its id and load times, related rows named by natural
    key, so that two loads can be compared whatever ids they gave."""
    state = {}
    for model in CATALOGUE_MODELS:
        rows = []
        for obj in model._base_manager.all():
            row = {}
            for model_field in model._meta.concrete_fields:
                if model_field.primary_key or model_field.name in TIMES:
                    continue
                value = getattr(obj, model_field.name)
                if isinstance(value, models.Model) and not hasattr(value, "natural_key"):
                    value = value.pk  # a unit, named by its code
                row[model_field.name] = (
                    tuple(value.natural_key()) if isinstance(value, models.Model) else str(value)
                )
            for model_field in model._meta.many_to_many:
                if model_field.name != "tags":
                    related = getattr(obj, model_field.name).all()
                    row[model_field.name] = sorted(tuple(r.natural_key()) for r in related)
            rows.append(row)
        state[model._meta.label] = sorted(rows, key=repr)
    return state


def load_counting_queries(paths):
    with CaptureQueriesContext(connection) as queries:
        report = load_catalogue(paths=paths)
    return report, len(queries)


def test_batches_load_the_seed_catalogue_as_one_record_at_a_time_does(monkeypatch):
    paths = seed_fixture_paths()
    monkeypatch.setattr(bulk, "BATCH_SIZE", 1)  # every batch goes the one-at-a-time way
    with transaction.atomic():
        one_at_a_time, queries_one_at_a_time = load_counting_queries(paths)
        expected = catalogue_state()
        transaction.set_rollback(True)
    assert not Campaign.objects.exists()
    monkeypatch.setattr(bulk, "BATCH_SIZE", 500)

    in_batches, queries_in_batches = load_counting_queries(paths)

    state = catalogue_state()
    for label in expected:  # model by model and row by row, so a difference reads plainly
        for row, expected_row in zip(state[label], expected[label], strict=True):
            assert row == expected_row
    assert in_batches.summary() == one_at_a_time.summary()
    assert queries_in_batches * 4 < queries_one_at_a_time


def many_cases(count):
    """Records of ``count`` new cases, each with a participant, a tag and two figures."""
    records = [
        {"model": "campaigns.source", "fields": {"slug": "report", "title": "R", "kind": "report"}},
        {
            "model": "campaigns.organisation",
            "fields": {"slug": "sina", "name": "Sina", "kind": "company"},
        },
        {
            "model": "campaigns.platform",
            "fields": {"slug": "weibo", "name": "Weibo", "kind": "microblog"},
        },
        {"model": "campaigns.tag", "fields": {"name": "flood", "slug": "flood"}},
    ]
    for n in range(count):
        records.append(
            {
                "model": "campaigns.campaign",
                "fields": {
                    "slug": f"case-{n}",
                    "title": f"Flood relief {n}",
                    "summary": "Volunteers posted where help was needed.",
                    "description": "Posts on Weibo matched volunteers with villages.",
                    "start_date": "2020-07-01",
                    "start_precision": "month",
                    "status": "published",
                    "cause": "disaster_relief",
                    "approach": "fundraising",
                    "platforms": [["weibo"]],
                    "sources": [["report"]],
                },
            }
        )
    for n in range(count):
        records.append(
            {
                "model": "campaigns.participation",
                "fields": {
                    "campaign": [f"case-{n}"],
                    "organisation": ["sina"],
                    "role": "organiser",
                },
            }
        )
    for n in range(count):
        records.append(
            {
                "model": "campaigns.taggedcampaign",
                "fields": {"content_object": [f"case-{n}"], "tag": ["flood"]},
            }
        )
    for n in range(count):
        for unit, kind, value in [("CNY", "money", "1000"), ("percent", "percentage", "12.5")]:
            records.append(
                {
                    "model": "campaigns.figure",
                    "fields": {
                        "key": f"case-{n}-{unit.lower()}",
                        "campaign": [f"case-{n}"],
                        "label": "Raised",
                        "value": value,
                        "unit": unit,
                        "kind": kind,
                        "stated_as": value,
                        "source": ["report"],
                    },
                }
            )
    return records


def load_cases(tmp_path, count):
    """Load ``count`` new cases (and roll them back), and say what it took."""
    path = tmp_path / f"{count}-cases.json"
    path.write_text(json.dumps(many_cases(count)), encoding="utf-8")
    ContentType.objects.clear_cache()  # each load looks its models' content types up once
    kept.forget()  # and reads the units once (a rolled-back load's version comes again)
    with transaction.atomic():
        report, queries = load_counting_queries([path])
        created = report.counts["campaigns.campaign"].created
        found = Campaign.objects.search("flood relief").count()
        money = Figure.objects.filter(kind="money").count()
        figures = Campaign.objects.get(slug="case-0").figure_count
        parts = Participation.objects.filter(organisation__slug="sina").count()
        transaction.set_rollback(True)
    return queries, (created, found, money, figures, parts)


def insert_parts(count):
    """How many INSERT statements the database needs for ``count`` new cases' campaigns and
    figures (two a case): SQLite takes 999 values a statement, so larger INSERTs come in parts."""
    parts = 0
    for model, rows in [(Campaign, count), (Figure, 2 * count)]:
        fields = [field for field in model._meta.concrete_fields if not field.primary_key]
        batch = connection.ops.bulk_batch_size(fields, [None] * rows)
        parts += -(-rows // batch)
    return parts


def test_a_load_runs_as_many_queries_for_25_new_cases_as_for_5(tmp_path):
    queries_for_5, loaded_5 = load_cases(tmp_path, 5)
    queries_for_25, loaded_25 = load_cases(tmp_path, 25)

    assert loaded_5 == (5, 5, 5, 2, 5)
    assert loaded_25 == (25, 25, 25, 2, 25)
    # The same queries, but for the parts the database's limit on values splits INSERTs into.
    assert queries_for_25 - insert_parts(25) == queries_for_5 - insert_parts(5)


def test_a_changed_row_in_a_batch_is_saved_and_the_rest_counted_unchanged(tmp_path):
    path = tmp_path / "cases.json"
    records = many_cases(10)
    path.write_text(json.dumps(records), encoding="utf-8")
    load_catalogue(paths=[path])
    version = CatalogueVersion.current()
    untouched = Campaign.objects.get(slug="case-2").updated_at
    records[4 + 3]["fields"]["title"] = "Flood relief, renamed"  # case-3
    path.write_text(json.dumps(records), encoding="utf-8")

    report = load_catalogue(paths=[path])

    assert report.counts["campaigns.campaign"].updated == 1
    assert report.counts["campaigns.campaign"].unchanged == 9
    assert report.changed == 1
    assert Campaign.objects.search("renamed").get().slug == "case-3"
    assert Campaign.objects.get(slug="case-2").updated_at == untouched
    assert CatalogueVersion.current().number > version.number


@pytest.mark.parametrize("again", [False, True], ids=["new", "unchanged"])
def test_parts_of_a_case_split_between_batches_still_load_in_bulk(again, tmp_path, monkeypatch):
    records = many_cases(6)
    for n in range(6):  # a second part for each case, after all the first ones
        records.append(
            {
                "model": "campaigns.participation",
                "fields": {"campaign": [f"case-{n}"], "organisation": ["sina"], "role": "funder"},
            }
        )
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    monkeypatch.setattr(bulk, "BATCH_SIZE", 4)
    if again:
        load_catalogue(paths=[path])
    one_at_a_time = []
    monkeypatch.setattr(
        saving,
        "load_record",
        lambda load, record, original=saving.load_record: (
            one_at_a_time.append(record.data["model"]),
            original(load, record),
        ),
    )

    report = load_catalogue(paths=[path])

    assert report.counts["campaigns.participation"].total == 12
    assert Participation.objects.count() == 12
    # Only the single records of the vocabulary (a source, an organisation …) go one at a time.
    assert "campaigns.participation" not in one_at_a_time
    assert "campaigns.campaign" not in one_at_a_time


def test_rows_found_unchanged_are_checked_too(tmp_path):
    # A later record can break a rule an unchanged row depends on: here the cases drop the
    # source their (unchanged) figures cite. One record at a time, the figure is refused.
    records = many_cases(3)
    records.insert(
        1, {"model": "campaigns.source", "fields": {**records[0]["fields"], "slug": "other"}}
    )
    for record in records:
        if record["model"] == "campaigns.campaign":
            record["fields"]["sources"] = [["report"], ["other"]]
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    load_catalogue(paths=[path])
    for record in records:
        if record["model"] == "campaigns.campaign":
            record["fields"]["sources"] = [["other"]]
    path.write_text(json.dumps(records), encoding="utf-8")
    before = catalogue_state()

    with pytest.raises(loading.LoadError) as error:
        load_catalogue(paths=[path])

    assert (
        "(campaigns.figure “case-0-cny”): source: The source “R” is not among the sources"
        in str(error.value)
    )
    assert catalogue_state() == before
