"""The catalogue loader: campaigns.loading.load_catalogue and the load_catalogue command."""

import datetime
import json
import os
import subprocess
import sys
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from campaigns import jsonlist
from campaigns.loading import (
    FIXTURE_FILES,
    LoadError,
    LoadProblems,
    load_catalogue,
    reading,
    seed_fixture_paths,
)
from campaigns.models import (
    Campaign,
    Figure,
    Organisation,
    Participation,
    Platform,
    Source,
    Status,
    Tag,
    TaggedCampaign,
)

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parent.parent
SEED_PRESENT = (PROJECT / "fixtures" / "campaigns.json").exists()

CATALOGUE_MODELS = [
    Source,
    Organisation,
    Platform,
    Campaign,
    Campaign.platforms.through,
    Campaign.sources.through,
    Participation,
    Tag,
    TaggedCampaign,
    Figure,
]


def snapshot():
    """Every catalogue row, column by column, to prove a failed load changed nothing."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in CATALOGUE_MODELS
    }


def write(folder, name, records):
    """Write records (or raw text) to a JSON file and return its path."""
    path = folder / name
    path.write_text(
        records if isinstance(records, str) else json.dumps(records, ensure_ascii=False),
        encoding="utf-8",
    )
    return path


def source(slug, **fields):
    return {
        "model": "campaigns.source",
        "fields": {"slug": slug, "title": f"Report {slug}", "kind": "report", **fields},
    }


def campaign(slug, **fields):
    return {
        "model": "campaigns.campaign",
        "fields": {
            "slug": slug,
            "title": "Weibo helps find lost children",
            "title_zh": "微博打拐",
            "summary": "Parents posted photos of missing children on Weibo.",
            "description": "Thousands of reposts led to children being found.",
            "start_date": "2011-01-01",
            "start_precision": "month",
            "country": "CN",
            "cause": "child_protection",
            "approach": "crowdsourced_information",
            "platforms": [["weibo"]],
            "sources": [["weibo-report"]],
            "status": "published",
            **fields,
        },
    }


def figure_record(key, **fields):
    return {
        "model": "campaigns.figure",
        "fields": {
            "key": key,
            "campaign": ["weibo-lost-children"],
            "label": "Reposts",
            "value": 5.36,
            "unit": "percent",
            "stated_as": "5.36%",
            "source": ["weibo-report"],
            **fields,
        },
    }


def small_catalogue_records():
    """A small catalogue with a record of every kind the seed fixtures hold."""
    return [
        source("weibo-report", published_on="2012-04-01", published_precision="month"),
        {
            "model": "campaigns.organisation",
            "fields": {"slug": "sina", "name": "Sina", "name_zh": "新浪", "kind": "company"},
        },
        {
            "model": "campaigns.platform",
            "fields": {"slug": "weibo", "name": "Sina Weibo", "kind": "microblog"},
        },
        {
            "model": "campaigns.platform",
            "fields": {
                "slug": "wechat",
                "name": "WeChat",
                "kind": "messaging",
                "operator": None,
            },
        },
        campaign("weibo-lost-children"),
        {
            "model": "campaigns.participation",
            "fields": {
                "campaign": ["weibo-lost-children"],
                "organisation": ["sina"],
                "role": "platform_operator",
            },
        },
        {
            "model": "campaigns.tag",
            "fields": {
                "name": "missing children",
                "slug": "missing-children",
                "name_zh": "失踪儿童",
            },
        },
        {
            "model": "campaigns.taggedcampaign",
            "fields": {"content_object": ["weibo-lost-children"], "tag": ["missing children"]},
        },
        figure_record("weibo-lost-children-reposts"),
    ]


@pytest.fixture
def catalogue_file(tmp_path):
    return write(tmp_path, "catalogue.json", small_catalogue_records())


@pytest.fixture
def loaded(catalogue_file):
    """The small catalogue, already in the database."""
    load_catalogue(paths=[catalogue_file])
    return catalogue_file


def run_command(*args):
    """Run load_catalogue as a person would and return what it printed."""
    out = StringIO()
    call_command("load_catalogue", *map(str, args), stdout=out)
    return out.getvalue()


# --------------------------------------------------------------------------- loading


def test_loading_a_file_creates_every_record_with_its_relations(catalogue_file):
    report = load_catalogue(paths=[catalogue_file])

    case = Campaign.objects.get(slug="weibo-lost-children")
    assert case.title_zh == "微博打拐"
    assert [p.slug for p in case.platforms.all()] == ["weibo"]
    assert [s.slug for s in case.sources.all()] == ["weibo-report"]
    assert list(case.tags.names()) == ["missing children"]
    assert case.participations.get().organisation.name == "Sina"
    assert case.published_at is not None
    figure = Figure.objects.get(key="weibo-lost-children-reposts")
    assert figure.value == Decimal("5.36")
    assert figure.kind == "percentage"
    assert report.records == 9
    assert report.changed == 9


def test_the_summary_counts_created_updated_and_unchanged_rows_per_model(catalogue_file):
    output = run_command(catalogue_file)

    assert output.splitlines() == [
        "Loaded 1 file, 9 records, in one transaction.",
        "model                     created  updated  unchanged",
        "campaigns.source                1        0          0",
        "campaigns.organisation          1        0          0",
        "campaigns.platform              2        0          0",
        "campaigns.campaign              1        0          0",
        "campaigns.participation         1        0          0",
        "campaigns.tag                   1        0          0",
        "campaigns.taggedcampaign        1        0          0",
        "campaigns.figure                1        0          0",
        "total                           9        0          0",
    ]


def test_a_second_run_changes_nothing_and_says_so(loaded):
    updated_at = Campaign.objects.get().updated_at
    before = snapshot()

    output = run_command(loaded)

    assert output.splitlines()[0] == (
        "Nothing changed: all 9 records in 1 file already match the database."
    )
    assert output.splitlines()[-1] == "total                           0        0          9"
    assert Campaign.objects.get().updated_at == updated_at
    assert snapshot() == before


def test_a_tag_renamed_by_a_curator_is_found_by_its_slug_and_named_back(loaded):
    Tag.objects.filter(slug="missing-children").update(name="Missing Children")

    output = run_command(loaded)

    assert "campaigns.tag                   0        1          0" in output.splitlines()
    assert list(Tag.objects.values_list("name", flat=True)) == ["missing children"]
    assert list(Campaign.objects.get().tags.names()) == ["missing children"]


def test_a_file_exported_while_tags_were_taggits_still_loads(tmp_path):
    records = small_catalogue_records()
    tag = next(record for record in records if record["model"] == "campaigns.tag")
    tag["model"] = "taggit.tag"
    del tag["fields"]["name_zh"]  # taggit's tags had no Chinese name
    older = write(tmp_path, "older.json", records)

    output = run_command(older)

    assert "campaigns.tag                   1        0          0" in output.splitlines()
    assert list(Campaign.objects.get().tags.values_list("name", "name_zh")) == [
        ("missing children", "")
    ]


def test_a_file_exported_while_figures_were_metrics_still_loads(tmp_path):
    records = small_catalogue_records()
    figure = next(record for record in records if record["model"] == "campaigns.figure")
    figure["model"] = "campaigns.metric"  # the model's name, and metrics.json's, until 2026-11
    older = write(tmp_path, "metrics.json", records)

    output = run_command(older)

    assert "campaigns.figure                1        0          0" in output.splitlines()
    assert Figure.objects.get().key == "weibo-lost-children-reposts"


def test_a_changed_summary_is_reported_as_updated_and_saved(loaded, tmp_path):
    case = Campaign.objects.get()
    records = small_catalogue_records()
    records[4]["fields"]["summary"] = "Parents and volunteers reposted photos of missing children."
    changed = write(tmp_path, "changed.json", records)

    report = load_catalogue(paths=[changed])

    case.refresh_from_db()
    assert case.summary == "Parents and volunteers reposted photos of missing children."
    assert report.counts["campaigns.campaign"].updated == 1
    assert report.counts["campaigns.source"].unchanged == 1
    assert report.changed == 1
    assert Campaign.objects.get().created_at == case.created_at


def test_an_update_keeps_the_rows_id_and_its_figures(loaded, tmp_path):
    case = Campaign.objects.get()
    records = small_catalogue_records()
    records[4]["fields"]["title"] = "Weibo and the search for missing children"

    load_catalogue(paths=[write(tmp_path, "changed.json", records)])

    assert Campaign.objects.get().pk == case.pk
    assert Figure.objects.get().campaign_id == case.pk


def test_a_changed_platform_list_is_reported_as_an_update(loaded, tmp_path):
    records = small_catalogue_records()
    records[4]["fields"]["platforms"] = [["weibo"], ["wechat"]]

    report = load_catalogue(paths=[write(tmp_path, "changed.json", records)])

    assert report.counts["campaigns.campaign"].updated == 1
    assert report.changed == 1
    assert sorted(Campaign.objects.get().platforms.values_list("slug", flat=True)) == [
        "wechat",
        "weibo",
    ]


def test_figures_given_with_trailing_zeros_count_as_unchanged(loaded, tmp_path):
    records = small_catalogue_records()
    records[-1]["fields"]["value"] = "5.3600"

    report = load_catalogue(paths=[write(tmp_path, "same.json", records)])

    assert report.counts["campaigns.figure"].unchanged == 1
    assert report.changed == 0


def test_records_refer_to_rows_already_in_the_database(campaign, source, tmp_path):
    figure = figure_record(
        "wesee-videos",
        campaign=["wesee-agricultural-assistance"],
        source=["short-video-for-good"],
        value=2234,
        unit="videos",
        stated_as="2234 videos",
    )

    load_catalogue(paths=[write(tmp_path, "figures.json", [figure])])

    assert Figure.objects.get(key="wesee-videos").campaign == campaign


def test_a_record_may_refer_to_a_row_that_comes_later_in_the_load(tmp_path):
    records = [
        source("chapter-reference", cited_by=["big-report"], reference_number=5),
        source("big-report"),
    ]

    load_catalogue(paths=[write(tmp_path, "sources.json", records)])

    cited = Source.objects.get(slug="chapter-reference")
    assert cited.cited_by.slug == "big-report"
    assert cited.reference_number == 5


def test_dry_run_reports_what_would_change_and_saves_nothing(loaded, tmp_path):
    before = snapshot()
    records = small_catalogue_records()
    records[4]["fields"]["summary"] = "A new summary."
    records.append(source("new-report"))
    changed = write(tmp_path, "changed.json", records)

    output = run_command("--dry-run", changed)

    assert output.splitlines()[0] == (
        "Dry run: checked 1 file, 10 records; 2 would be created or updated. Nothing was saved."
    )
    assert "campaigns.campaign              0        1          0" in output
    assert "campaigns.source                1        0          1" in output
    assert snapshot() == before


# --------------------------------------------------------------------------- bad input


BAD_RECORDS = {
    "not_an_object": (
        ["just some text"],
        "record 3: expected an object with “model” and “fields”, found a string.",
    ),
    "no_model": ([{"fields": {"slug": "x"}}], "record 3: no “model” given."),
    "unknown_model": (
        [{"model": "campaigns.story", "fields": {"slug": "x"}}],
        "record 3: unknown model “campaigns.story”.",
    ),
    "model_outside_the_catalogue": (
        [{"model": "auth.user", "fields": {"username": "mallory"}}],
        "record 3: “auth.user” is not part of the catalogue; only campaigns.source, "
        "campaigns.organisation, campaigns.platform, campaigns.tag, campaigns.campaign, "
        "campaigns.participation, campaigns.taggedcampaign, campaigns.campaignimage, "
        "campaigns.figure, campaigns.evidence, campaigns.subjectevidence, campaigns.searchalias "
        "records can be loaded.",
    ),
    "history_is_not_loadable": (
        [{"model": "campaigns.removal", "fields": {"object_id": "1"}}],
        "record 3: “campaigns.removal” is not part of the catalogue; only campaigns.source, "
        "campaigns.organisation, campaigns.platform, campaigns.tag, campaigns.campaign, "
        "campaigns.participation, campaigns.taggedcampaign, campaigns.campaignimage, "
        "campaigns.figure, campaigns.evidence, campaigns.subjectevidence, campaigns.searchalias "
        "records can be loaded.",
    ),
    "fields_not_an_object": (
        [{"model": "campaigns.source", "fields": ["slug", "x"]}],
        "record 3 (campaigns.source): “fields” must be an object, found a list.",
    ),
    "unknown_field": (
        [{"model": "campaigns.source", "fields": {"slug": "typo", "titel": "A", "kind": "book"}}],
        "record 3 (campaigns.source “typo”): unknown field “titel” for campaigns.source; "
        "did you mean “title”?",
    ),
    "missing_slug": (
        [figure_record("figure-of-nothing", source=["no-such-source"])],
        "record 3 (campaigns.figure “figure-of-nothing”): "
        "source: there is no campaigns.source “no-such-source”.",
    ),
    "missing_slug_in_a_natural_key": (
        [
            {
                "model": "campaigns.participation",
                "fields": {
                    "campaign": ["no-such-case"],
                    "organisation": ["sina"],
                    "role": "funder",
                },
            }
        ],
        "record 3 (campaigns.participation): "
        "campaign: there is no campaigns.campaign “no-such-case”.",
    ),
    "negative_figure": (
        [figure_record("negative", value=-3)],
        "record 3 (campaigns.figure “negative”): value: A figure cannot be negative.",
    ),
    "bad_choice": (
        [source("an-essay", kind="essay")],
        "record 3 (campaigns.source “an-essay”): kind: Value 'essay' is not a valid choice.",
    ),
    "end_before_start": (
        [
            campaign(
                "backwards", start_date="2020-05-01", end_date="2020-04-01", start_precision="day"
            )
        ],
        "record 3 (campaigns.campaign “backwards”): "
        "end_date: The end date is before the start date.",
    ),
    "impossible_date": (
        [campaign("thirteenth-month", start_date="2020-13-01")],
        "record 3 (campaigns.campaign “thirteenth-month”): start_date: “2020-13-01” value has "
        "the correct format (YYYY-MM-DD) but it is an invalid date.",
    ),
    "missing_required_field": (
        [{"model": "campaigns.source", "fields": {"slug": "untitled", "kind": "book"}}],
        "record 3 (campaigns.source “untitled”): required field “title” is missing.",
    ),
    "campaign_without_sources": (
        [campaign("unsourced", sources=[])],
        "record 3 (campaigns.campaign “unsourced”): sources: at least one is required.",
    ),
    "figure_citing_another_campaigns_source": (
        [source("elsewhere"), figure_record("unsourced-figure", source=["elsewhere"])],
        "record 4 (campaigns.figure “unsourced-figure”): source: The source “Report elsewhere” "
        "is not among the sources of “Weibo helps find lost children”: "
        "add it to the campaign first.",
    ),
    "tags_given_on_the_campaign": (
        [campaign("tagged", tags=[["missing children"]])],
        "record 3 (campaigns.campaign “tagged”): “tags” is not loaded here; "
        "give them as campaigns.taggedcampaign records.",
    ),
    "figure_given_as_true": (
        [figure_record("yes-figure", value=True)],
        "record 3 (campaigns.figure “yes-figure”): value: expected a number, found true or false.",
    ),
    "order_given_as_a_fraction": (
        [figure_record("half-ordered", order=1.5)],
        "record 3 (campaigns.figure “half-ordered”): "
        "order: expected a whole number, found the number 1.5.",
    ),
    "date_given_as_a_number": (
        [campaign("numbered", start_date=2020)],
        "record 3 (campaigns.campaign “numbered”): "
        "start_date: expected a date such as “2020-04-01”, found the number 2020.",
    ),
    "text_given_as_a_list": (
        [source("listy", title=["A", "B"])],
        "record 3 (campaigns.source “listy”): title: expected text, found a list.",
    ),
    "reference_not_written_as_a_natural_key": (
        [
            {
                "model": "campaigns.platform",
                "fields": {"slug": "x", "name": "X", "kind": "search", "operator": "sina"},
            }
        ],
        "record 3 (campaigns.platform “x”): operator: expected a natural key such as [“a-slug”] "
        "or null, found a string.",
    ),
    "primary_key_given": (
        [{"model": "campaigns.source", "pk": 1, "fields": {"slug": "x"}}],
        "record 3: has a “pk”: rows are named by natural key, so primary keys never travel between "
        "databases (dumpdata --natural-foreign --natural-primary writes such files).",
    ),
    "same_record_twice": (
        [source("fresh-report")],
        "record 3 (campaigns.source “fresh-report”): repeats {path}, record 1.",
    ),
    "same_existing_row_twice": (
        [campaign("weibo-lost-children", summary="Changed again.")],
        "record 3 (campaigns.campaign “weibo-lost-children”): repeats {path}, record 2.",
    ),
    "a_row_of_an_earlier_batch_again": (
        [
            source("batch-one"),
            source("batch-two"),
            {
                "model": "campaigns.organisation",
                "fields": {"slug": "sina", "name": "Sina", "name_zh": "新浪", "kind": "company"},
            },
            source("batch-two"),
        ],
        "record 6 (campaigns.source “batch-two”): repeats {path}, record 4.",
    ),
    # Two new rows together: the batch's INSERT is refused, and the record-by-record path
    # that follows names the second.
    "reference_number_taken": (
        [
            source("first-reference", cited_by=["weibo-report"], reference_number=7),
            source("second-reference", cited_by=["weibo-report"], reference_number=7),
        ],
        "record 4 (campaigns.source “second-reference”): "
        "Source with this Cited by and Reference number already exists.",
    ),
}


@pytest.mark.parametrize("case", BAD_RECORDS, ids=list(BAD_RECORDS))
def test_a_bad_record_stops_the_load_names_it_and_changes_nothing(case, loaded, tmp_path):
    records, problem = BAD_RECORDS[case]
    # A new row and a change to an existing row come first: neither may survive the failure.
    changed_case = campaign("weibo-lost-children", summary="Changed.")
    bad = write(tmp_path, "bad.json", [source("fresh-report"), changed_case, *records])
    before = snapshot()

    with pytest.raises(CommandError) as error:
        run_command(bad)

    assert str(error.value) == f"{bad}, " + problem.format(path=bad)
    assert snapshot() == before


BAD_FILES = {
    "malformed_json": (
        '[{"model": "campaigns.source", "fields": {"slug": "x",}}]',
        "not valid JSON: Expecting property name enclosed in double quotes at line 1, column 55.",
    ),
    "not_a_list": (
        '{"model": "campaigns.source", "fields": {"slug": "x"}}',
        "expected a list of records, found an object.",
    ),
    "a_number_too_long": (
        '[{"model": "campaigns.figure", "fields": {"value": ' + "9" * 5001 + "}}]",
        "not valid catalogue JSON: a number too long (more than 4,300 digits).",
    ),
    "a_number_out_of_range": (
        '[{"model": "campaigns.figure", "fields": {"value": 1e999999999999999999999}}]',
        "not valid catalogue JSON: a number out of range.",
    ),
    "nested_too_deeply": (
        "[" * 100_000 + "]" * 100_000,
        "not valid catalogue JSON: lists or objects nested too deeply.",
    ),
    "empty": ("", "the file is empty; expected a list of records."),
    "only_whitespace": (" \n\t\n", "the file is empty; expected a list of records."),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_a_file_that_is_not_a_list_of_records_is_refused(case, loaded, tmp_path):
    text, problem = BAD_FILES[case]
    bad = write(tmp_path, "bad.json", text)
    before = snapshot()

    with pytest.raises(CommandError) as error:
        run_command(bad)

    assert str(error.value) == f"{bad}: {problem}"
    assert snapshot() == before


def test_a_file_starting_with_a_byte_order_mark_loads(tmp_path):
    with_bom = tmp_path / "sources.json"
    with_bom.write_bytes(b"\xef\xbb\xbf" + json.dumps([source("weibo-report")]).encode())

    load_catalogue(paths=[with_bom])

    assert list(Source.objects.values_list("slug", flat=True)) == ["weibo-report"]


def test_a_file_that_does_not_exist_is_named(loaded, tmp_path):
    before = snapshot()

    with pytest.raises(CommandError) as error:
        run_command(loaded, tmp_path / "missing.json")

    assert str(error.value) == f"{tmp_path / 'missing.json'}: no such file."
    assert snapshot() == before


def test_a_bad_second_file_leaves_out_the_first_files_rows(tmp_path):
    first = write(tmp_path, "sources.json", [source("weibo-report"), source("other-report")])
    second = write(tmp_path, "campaigns.json", [campaign("lost", platforms=[["no-such-platform"]])])

    with pytest.raises(LoadError) as error:
        load_catalogue(paths=[first, second])

    assert str(error.value) == (
        f"{second}, record 1 (campaigns.campaign “lost”): "
        "platforms: there is no campaigns.platform “no-such-platform”."
    )
    assert Source.objects.count() == 0
    assert Campaign.objects.count() == 0


def test_a_bad_record_in_a_dry_run_is_reported_the_same_way(loaded, tmp_path):
    bad = write(tmp_path, "bad.json", [figure_record("negative", value=-1)])

    with pytest.raises(CommandError) as error:
        run_command("--dry-run", bad)

    assert str(error.value) == (
        f"{bad}, record 1 (campaigns.figure “negative”): value: A figure cannot be negative."
    )


def run_manage_py(tmp_path, *args):
    """Run manage.py in a new process against an empty (unmigrated) SQLite file."""
    environment = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *map(str, args)],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_command_exits_with_an_error_status_and_one_line_no_traceback(tmp_path):
    finished = run_manage_py(tmp_path, "load_catalogue", tmp_path / "missing.json")

    assert finished.returncode == 1
    assert finished.stderr.strip() == f"CommandError: {tmp_path / 'missing.json'}: no such file."
    assert finished.stdout == ""


@pytest.mark.parametrize("records", [1, 3], ids=["one-record", "a-batch"])
def test_an_unmigrated_database_gets_a_message_not_a_traceback(tmp_path, records):
    sources = write(tmp_path, "sources.json", [source(f"report-{n}") for n in range(records)])

    finished = run_manage_py(tmp_path, "load_catalogue", sources)

    assert finished.returncode == 1
    assert finished.stderr.strip() == (
        f"CommandError: {sources}, record 1: "
        "the database refused it: no such table: campaigns_source"
    )


# --------------------------------------------------------------------------- progress


def test_a_large_file_reports_its_progress_every_tenth(tmp_path, monkeypatch):
    many = write(tmp_path, "many.json", [source(f"report-{n}") for n in range(1200)])
    # A small file stands in for a large one: read in small chunks, so each tenth is seen.
    monkeypatch.setattr(reading, "PROGRESS_ABOVE", many.stat().st_size - 1)
    monkeypatch.setattr(jsonlist, "CHUNK", many.stat().st_size // 50)
    lines = []

    load_catalogue(paths=[many], progress=lines.append)

    percents = [int(line.split(": ")[1].split("%")[0]) for line in lines]
    records = [int(line.split(", ")[-1].split(" ")[0].replace(",", "")) for line in lines]
    assert percents == [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
    assert records == sorted(records) and 0 < records[0] < 240
    assert lines[-1] == f"{many}: 100% read, 1,200 records"
    assert Source.objects.count() == 1200


def test_a_small_file_loads_without_progress_lines(catalogue_file):
    lines = []

    report = load_catalogue(paths=[catalogue_file], progress=lines.append)

    assert report.counts["campaigns.campaign"].created == 1
    assert lines == []


# --------------------------------------------------------------------------- the seed catalogue


def test_the_seed_fixtures_are_found_in_fixture_dirs_in_load_order(settings, tmp_path):
    for name in FIXTURE_FILES:
        (tmp_path / name).write_text("[]", encoding="utf-8")
    settings.FIXTURE_DIRS = [tmp_path]

    assert seed_fixture_paths() == [tmp_path / name for name in FIXTURE_FILES]
    assert [path.name for path in seed_fixture_paths()] == [
        "sources.json",
        "organisations.json",
        "platforms.json",
        "campaigns.json",
        "figures.json",
        "evidence.json",
        "search_aliases.json",
    ]


@pytest.mark.skipif(not SEED_PRESENT, reason="the seed fixtures are not written yet")
def test_the_seed_catalogue_loads_and_a_second_run_changes_nothing():
    first = load_catalogue(paths=seed_fixture_paths())
    before = snapshot()

    output = run_command()

    assert Campaign.objects.filter(status=Status.PUBLISHED).exists()
    assert Figure.objects.exists()
    assert first.changed == first.records
    assert output.splitlines()[0] == (
        f"Nothing changed: all {first.records:,} records in 7 files already match the database."
    )
    assert snapshot() == before


@pytest.mark.skipif(not SEED_PRESENT, reason="the seed fixtures are not written yet")
def test_a_loaded_seed_case_keeps_its_recorded_dates_and_is_cited_as_of_them(client):
    """A case's figures, participants and tags, made in the same load as the case, are its first
    version: they do not stamp it as updated on the day it was loaded, which its "Last updated"
    and its citation would otherwise give as the version's date."""
    recorded = {
        record["fields"]["slug"]: datetime.datetime.fromisoformat(record["fields"]["updated_at"])
        for record in json.loads((PROJECT / "fixtures" / "campaigns.json").read_text())
        if record["model"] == "campaigns.campaign"
    }

    load_catalogue(paths=seed_fixture_paths())

    assert dict(Campaign.objects.values_list("slug", "updated_at")) == recorded
    case = Campaign.objects.get(slug="yaan-earthquake-weibo-fundraising")
    day = recorded[case.slug].date()
    assert case.figures.exists() and case.participations.exists()
    html = client.get(case.get_absolute_url()).content.decode()
    assert f"Version of {day.isoformat()}" in html
    assert f'datetime="{recorded[case.slug].isoformat()}"' in html


@pytest.mark.skipif(not SEED_PRESENT, reason="the seed fixtures are not written yet")
def test_loaddata_and_the_loader_agree_on_the_seed_catalogue():
    call_command("loaddata", *FIXTURE_FILES, verbosity=0)

    report = load_catalogue(paths=seed_fixture_paths())

    assert report.records > 0
    assert report.changed == 0


def test_if_empty_loads_into_an_empty_catalogue(catalogue_file):
    output = run_command("--if-empty", catalogue_file)
    assert Campaign.objects.count() == 1
    assert "created" in output


def test_if_empty_leaves_a_curated_catalogue_alone(loaded, catalogue_file):
    Campaign.objects.update(summary="Edited by a curator.")
    output = run_command("--if-empty", catalogue_file)
    assert "already holds campaigns; nothing loaded" in output
    assert list(Campaign.objects.values_list("summary", flat=True)) == ["Edited by a curator."]


# --------------------------------------------------------------------------- every problem


def test_a_load_that_keeps_going_names_every_bad_record_and_changes_nothing(tmp_path):
    records = small_catalogue_records()
    records[0] = source("weibo-report", kind="pamphlet")  # the campaign names it: missing too
    records.insert(1, source("second", title=""))
    path = write(tmp_path, "catalogue.json", records)
    before = snapshot()

    with pytest.raises(LoadProblems) as raised:
        load_catalogue(paths=[path], keep_going=True)

    where = f"{path}, record "
    assert [problem.removeprefix(where) for problem in raised.value.problems] == [
        "1 (campaigns.source “weibo-report”): kind: Value 'pamphlet' is not a valid choice.",
        "2 (campaigns.source “second”): title: This field cannot be blank.",
        # What names a row the file fails to create is named too.
        "6 (campaigns.campaign “weibo-lost-children”): sources: there is no campaigns.source "
        "“weibo-report”.",
        "7 (campaigns.participation): campaign: there is no campaigns.campaign "
        "“weibo-lost-children”.",
        "9 (campaigns.taggedcampaign): content_object: there is no campaigns.campaign "
        "“weibo-lost-children”.",
        "10 (campaigns.figure “weibo-lost-children-reposts”): campaign: there is no "
        "campaigns.campaign “weibo-lost-children”.",
    ]
    assert str(raised.value).startswith("6 records cannot be loaded:\n")
    assert snapshot() == before


def test_a_load_that_does_not_keep_going_stops_at_the_first_bad_record(tmp_path):
    records = [source("a", kind="pamphlet"), source("b", title="")]

    with pytest.raises(LoadError) as raised:
        load_catalogue(paths=[write(tmp_path, "two.json", records)])

    assert not isinstance(raised.value, LoadProblems)
    assert "record 1" in str(raised.value) and "record 2" not in str(raised.value)
