"""export_catalogue: the published catalogue as fixtures and CSVs that load back byte for byte."""

import csv
import datetime
import io
import json
import os

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from campaigns import services
from campaigns.exporting import EXPORT_FILES, export_catalogue
from campaigns.loading import FIXTURE_FILES, load_catalogue, seed_fixture_paths
from campaigns.models import (
    Campaign,
    CampaignImage,
    CatalogueVersion,
    Figure,
    Organisation,
    Participation,
    Platform,
    Source,
    Status,
    Tag,
    TaggedCampaign,
)
from tests import factories
from tests.pages import form_data


@pytest.fixture
def seed_catalogue_and_a_draft(seed_catalogue, draft_only_case):
    """The seed catalogue plus ``draft_only_case``, a draft that must stay out of every export,
    with a source, an organisation, a tag and a figure that only the draft uses (all named
    ``draft-only-...``).

    Whatever a test does to them (exporting, emptying the catalogue, loading an export back)
    is rolled back after it."""


def empty_the_catalogue():
    """Delete every catalogue row, children before the rows they protect."""
    for model in (
        Figure,
        CampaignImage,
        Participation,
        TaggedCampaign,
        Campaign,
        Platform,
        Organisation,
        Tag,
    ):
        model.objects.all().delete()
    Source.objects.filter(cited_by__isnull=False).delete()
    Source.objects.all().delete()


def read_export(folder):
    return {name: (folder / name).read_bytes() for name in EXPORT_FILES}


def test_loading_an_export_into_an_empty_database_and_exporting_again_gives_identical_files(
    seed_catalogue_and_a_draft, tmp_path
):
    export_catalogue(directory=tmp_path / "first")
    empty_the_catalogue()
    assert Campaign.objects.count() == 0

    load_catalogue(paths=[tmp_path / "first" / name for name in FIXTURE_FILES])
    export_catalogue(directory=tmp_path / "second")

    first, second = read_export(tmp_path / "first"), read_export(tmp_path / "second")
    assert first == second
    assert Campaign.objects.public().count() == 29
    assert Figure.objects.count() == 65


@pytest.mark.parametrize("microsecond", [0, 345, 1000, 123456])
def test_a_time_goes_out_and_comes_back_as_it_was_written(db, campaign, tmp_path, microsecond):
    """Django's JSON keeps a time to the millisecond and writes none when its microseconds are
    0: a time 345 microseconds past a second went out as ``.000`` and came back as ``Z``, so the
    second export differed from the first (found by a CI run, once)."""
    published = datetime.datetime(2026, 12, 5, 21, 15, 8, microsecond, tzinfo=datetime.UTC)
    Campaign.objects.filter(pk=campaign.pk).update(published_at=published)
    export_catalogue(directory=tmp_path / "first")
    empty_the_catalogue()
    load_catalogue(paths=[tmp_path / "first" / name for name in FIXTURE_FILES])
    export_catalogue(directory=tmp_path / "second")

    assert read_export(tmp_path / "first") == read_export(tmp_path / "second")
    loaded = Campaign.objects.get(slug=campaign.slug).published_at
    assert loaded == published.replace(microsecond=microsecond // 1000 * 1000)


def test_the_export_holds_the_whole_published_catalogue_and_nothing_of_the_draft(
    seed_catalogue_and_a_draft, tmp_path
):
    files = export_catalogue(directory=tmp_path)

    counts = {file.name: file.rows for file in files}
    assert counts["figures.json"] == 65
    assert counts["figures.csv"] == 65
    assert counts["campaigns.csv"] == 29
    everything = "".join(data.decode() for data in read_export(tmp_path).values())
    for hidden in [
        "draft-only-case",
        "draft-only-source",
        "draft-only-partner",
        "draft-only-tag",
        "draft-only-figure",
    ]:
        assert hidden not in everything


def test_the_export_uses_the_seeds_file_names_models_and_order(
    seed_catalogue_and_a_draft, tmp_path
):
    export_catalogue(directory=tmp_path)

    for name in FIXTURE_FILES:
        exported = json.loads((tmp_path / name).read_text(encoding="utf-8"))
        seeded = json.loads(
            next(path for path in seed_fixture_paths() if path.name == name).read_text()
        )
        assert [r["model"] for r in exported] == sorted(
            (r["model"] for r in exported), key=[r["model"] for r in seeded].index
        )
        assert {r["model"] for r in exported} == {r["model"] for r in seeded}


def test_the_exported_fixtures_are_sorted_stable_json_without_keys_or_bookkeeping(
    seed_catalogue_and_a_draft, tmp_path
):
    export_catalogue(directory=tmp_path)

    text = (tmp_path / "campaigns.json").read_text(encoding="utf-8")
    records = json.loads(text)
    campaigns = [r["fields"] for r in records if r["model"] == "campaigns.campaign"]
    assert [c["slug"] for c in campaigns] == sorted(c["slug"] for c in campaigns)
    assert all("pk" not in r for r in records)
    assert not {"created_at", "updated_at"} & set(campaigns[0])
    assert campaigns[0]["published_at"].endswith("Z")
    assert text.startswith('[\n  {\n    "model": ')
    assert text.endswith("]\n")
    figures = json.loads((tmp_path / "figures.json").read_text(encoding="utf-8"))
    keys = [r["fields"]["key"] for r in figures]
    assert keys == sorted(keys)


def test_the_exported_csvs_keep_chinese_and_the_figures_as_stated(
    seed_catalogue_and_a_draft, tmp_path
):
    export_catalogue(directory=tmp_path, base_url="https://catalogue.example.org/")

    text = (tmp_path / "figures.csv").read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    rows = {row["key"]: row for row in csv.DictReader(io.StringIO(text[1:]))}
    assert all(row["source_title"] for row in rows.values())
    chinese = [
        row
        for row in csv.DictReader(
            io.StringIO((tmp_path / "campaigns.csv").read_text(encoding="utf-8")[1:])
        )
        if row["title_zh"]
    ]
    assert chinese
    assert all(row["url"].startswith("https://catalogue.example.org/campaigns/") for row in chinese)
    assert any("\u4e00" <= char <= "\u9fff" for char in chinese[0]["title_zh"])


def test_the_exported_csvs_quote_a_formula_and_the_fixtures_keep_it_as_written(db, tmp_path):
    factories.CampaignFactory(slug="formula-case", title='=HYPERLINK("https://evil.example")')

    export_catalogue(directory=tmp_path / "first")
    empty_the_catalogue()
    load_catalogue(paths=[tmp_path / "first" / name for name in FIXTURE_FILES])
    export_catalogue(directory=tmp_path / "second")

    text = (tmp_path / "first" / "campaigns.csv").read_text(encoding="utf-8")
    [row] = csv.DictReader(io.StringIO(text[1:]))
    assert row["title"] == '\'=HYPERLINK("https://evil.example")'
    assert Campaign.objects.get().title == '=HYPERLINK("https://evil.example")'
    assert read_export(tmp_path / "first") == read_export(tmp_path / "second")


def test_exporting_the_same_catalogue_twice_gives_the_same_bytes(
    seed_catalogue_and_a_draft, tmp_path
):
    export_catalogue(directory=tmp_path / "a")
    export_catalogue(directory=tmp_path / "b")

    assert read_export(tmp_path / "a") == read_export(tmp_path / "b")


# --------------------------------------------------------------------------- the command


def test_the_command_reports_what_it_wrote(db, campaign, figure, tmp_path):
    out = io.StringIO()

    call_command("export_catalogue", str(tmp_path / "export"), stdout=out)

    report = out.getvalue()
    assert f"Exported the published catalogue to {tmp_path / 'export'}:" in report
    assert "campaigns.json: 3 records" in report  # the tag, the campaign, its tagging
    assert "figures.csv: 1 rows" in report
    assert sorted(os.listdir(tmp_path / "export")) == sorted(EXPORT_FILES)


def test_the_command_refuses_a_file_for_a_folder(db, tmp_path):
    target = tmp_path / "catalogue.json"
    target.write_text("keep me")

    with pytest.raises(CommandError, match="is a file, not a folder"):
        call_command("export_catalogue", str(target))
    assert target.read_text() == "keep me"


def test_the_command_refuses_to_overwrite_an_export_without_force(db, campaign, tmp_path):
    (tmp_path / "campaigns.json").write_text("an older export")

    with pytest.raises(CommandError, match=r"already holds campaigns\.json: use --force"):
        call_command("export_catalogue", str(tmp_path))
    assert (tmp_path / "campaigns.json").read_text() == "an older export"
    assert not (tmp_path / "sources.json").exists()


def test_the_command_overwrites_an_export_with_force(db, campaign, tmp_path):
    (tmp_path / "campaigns.json").write_text("an older export")

    call_command("export_catalogue", str(tmp_path), "--force", stdout=io.StringIO())

    assert "wesee-agricultural-assistance" in (tmp_path / "campaigns.json").read_text()


def test_the_command_refuses_a_folder_it_cannot_write_to(db, campaign, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    if os.access(locked, os.W_OK):  # root writes anywhere; /proc refuses even root
        locked = "/proc"
    try:
        with pytest.raises(CommandError, match="Cannot write to"):
            call_command("export_catalogue", str(locked))
    finally:
        (tmp_path / "locked").chmod(0o700)
    assert not list((tmp_path / "locked").iterdir())


def test_the_command_refuses_a_folder_inside_a_file(db, tmp_path):
    (tmp_path / "a-file").write_text("")

    with pytest.raises(CommandError, match="Cannot create the folder"):
        call_command("export_catalogue", str(tmp_path / "a-file" / "export"))


def test_a_folder_in_place_of_an_export_file_is_refused_before_anything_is_written(
    db, campaign, tmp_path
):
    (tmp_path / "campaigns.json").write_text("an older export")
    (tmp_path / "figures.csv").mkdir()

    with pytest.raises(CommandError) as error:
        call_command("export_catalogue", str(tmp_path), "--force")

    assert str(error.value) == (
        f"{tmp_path} holds figures.csv, which is not a file: "
        "move it away before exporting there. Nothing was written."
    )
    assert (tmp_path / "campaigns.json").read_text() == "an older export"
    assert sorted(os.listdir(tmp_path)) == ["campaigns.json", "figures.csv"]


def test_a_failure_while_renaming_names_what_was_replaced_and_leaves_no_temporary_files(
    db, campaign, tmp_path, monkeypatch
):
    rename = os.replace
    renamed = []

    def replace_two_then_fail(source, target):
        if len(renamed) == 2:
            raise OSError(28, "No space left on device")
        renamed.append(target)
        rename(source, target)

    monkeypatch.setattr(os, "replace", replace_two_then_fail)

    with pytest.raises(CommandError) as error:
        call_command("export_catalogue", str(tmp_path), "--force")

    assert str(error.value) == (
        f"Cannot write to {tmp_path}: No space left on device. "
        "Already replaced: sources.json, organisations.json; the other files are unchanged."
    )
    assert sorted(os.listdir(tmp_path)) == ["organisations.json", "sources.json"]


def test_the_command_creates_the_folder_but_not_missing_parents(db, campaign, tmp_path):
    typo = tmp_path / "typo" / "sub" / "dir"

    with pytest.raises(CommandError) as error:
        call_command("export_catalogue", str(typo))

    assert str(error.value) == (
        f"Cannot create the folder {typo}: {typo.parent} does not exist. "
        "Only the last folder of the path is created; check the path for a typo."
    )
    assert not (tmp_path / "typo").exists()


def test_a_restored_export_keeps_when_each_case_was_first_published(
    seed_catalogue_and_a_draft, tmp_path
):
    first_published = dict(Campaign.objects.values_list("slug", "published_at"))
    export_catalogue(directory=tmp_path)
    empty_the_catalogue()

    load_catalogue(paths=[tmp_path / name for name in FIXTURE_FILES])

    restored = dict(Campaign.objects.values_list("slug", "published_at"))
    assert restored == {
        slug: when for slug, when in first_published.items() if slug != "draft-only-case"
    }


def test_the_export_holds_exactly_what_the_site_shows(seed_catalogue_and_a_draft, tmp_path, client):
    export_catalogue(directory=tmp_path)

    def slugs(name):
        records = json.loads((tmp_path / name).read_text(encoding="utf-8"))
        return {record["fields"]["slug"] for record in records if "slug" in record["fields"]}

    assert slugs("platforms.json") == set(Platform.objects.public().values_list("slug", flat=True))
    # The seed's Volcano Video has no published case and no figure about it: not public.
    assert "volcano-video" not in slugs("platforms.json")
    assert "sina-weibo" in slugs("platforms.json")
    assert slugs("organisations.json") == set(
        Organisation.objects.public().values_list("slug", flat=True)
    )
    assert slugs("sources.json") == set(Source.objects.public().values_list("slug", flat=True))
    assert "draft-only-source" not in slugs("sources.json")
    assert "draft-only-partner" not in slugs("organisations.json")
    for slug in slugs("sources.json"):
        assert client.get(f"/sources/{slug}/").status_code == 200


def test_exported_files_can_be_read_by_others_as_the_umask_allows(
    seed_catalogue_and_a_draft, tmp_path
):
    previous = os.umask(0o022)
    try:
        export_catalogue(directory=tmp_path)
    finally:
        os.umask(previous)

    for name in EXPORT_FILES:
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o644, name


def test_an_export_loads_with_djangos_own_loaddata_and_exports_again_identically(
    seed_catalogue_and_a_draft, tmp_path
):
    export_catalogue(directory=tmp_path / "first")
    empty_the_catalogue()

    call_command("loaddata", *(tmp_path / "first" / name for name in FIXTURE_FILES), verbosity=0)
    export_catalogue(directory=tmp_path / "second")

    assert read_export(tmp_path / "first") == read_export(tmp_path / "second")
    assert Campaign.objects.public().count() == 29
    assert Campaign.objects.filter(created_at__isnull=True).count() == 0


def test_an_export_read_a_few_rows_at_a_time_is_the_same_file(
    seed_catalogue_and_a_draft, tmp_path, monkeypatch
):
    from campaigns import exporting

    export_catalogue(directory=tmp_path / "whole")
    monkeypatch.setattr(exporting, "CHUNK_SIZE", 3)  # the seed's files span many chunks
    export_catalogue(directory=tmp_path / "chunked")

    assert read_export(tmp_path / "whole") == read_export(tmp_path / "chunked")


def test_an_export_after_curators_published_edited_and_withdrew_in_the_admin_loads_into_an_empty_database(  # noqa: E501
    seed_catalogue_and_a_draft, sign_in, tmp_path, django_user_model
):
    reviewer = sign_in("alice", "Reviewer")
    changelist = reverse("admin:campaigns_campaign_changelist")
    draft = Campaign.objects.get(slug="draft-only-case")
    published = reviewer.post(changelist, {"action": "publish", "_selected_action": [draft.pk]})
    assert published.status_code == 302
    edited = Campaign.objects.get(slug="yaan-earthquake-weibo-fundraising")
    form = form_data(reviewer.get(reverse("admin:campaigns_campaign_change", args=[edited.pk])))
    form["summary"] = "Weibo let donors give through any payment service for three days."
    saved = reviewer.post(
        reverse("admin:campaigns_campaign_change", args=[edited.pk]), dict(form.lists())
    )
    assert saved.status_code == 302
    withdrawn = Campaign.objects.get(slug="tb-awareness-ministry-of-health")
    review = reverse("admin:campaigns_campaign_review", args=[withdrawn.pk])
    reviewer.post(review, {"decision": "withdraw", "note": "Not a social media campaign."})
    sent_back = Campaign.objects.get(slug="world-no-tobacco-day-passive-smoking")
    services.unpublish_campaigns(campaigns=Campaign.objects.filter(pk=sent_back.pk))
    services.submit_for_review(campaigns=Campaign.objects.filter(pk=sent_back.pk))
    review = reverse("admin:campaigns_campaign_review", args=[sent_back.pk])
    reviewer.post(review, {"decision": "send_back", "note": "Internal: check the year."})
    reviewer.post(changelist, {"action": "publish", "_selected_action": [sent_back.pk]})
    assert Campaign.objects.get(pk=draft.pk).published_by.username == "alice"
    assert Campaign.objects.get(pk=withdrawn.pk).status == Status.WITHDRAWN
    assert Campaign.objects.get(pk=sent_back.pk).review_note == "Internal: check the year."

    export_catalogue(directory=tmp_path / "first")
    # An empty database, as a new site's: no catalogue, and none of this site's accounts.
    empty_the_catalogue()
    django_user_model.objects.all().delete()
    load_catalogue(paths=[tmp_path / "first" / name for name in FIXTURE_FILES])
    export_catalogue(directory=tmp_path / "second")

    first, second = read_export(tmp_path / "first"), read_export(tmp_path / "second")
    assert first == second
    exported = first["campaigns.json"].decode()
    assert "draft-only-case" in exported
    assert "three days" in exported
    assert "tb-awareness-ministry-of-health" not in exported
    assert "alice" not in exported, "curators' accounts are not part of the catalogue"
    assert "Internal: check the year." not in exported, "a reviewer's note is never public"


def test_a_file_naming_a_curator_this_database_does_not_have_loads_without_them(
    db, tmp_path, django_user_model
):
    factories.build_yaan_case()
    alice = django_user_model.objects.create_user("alice")
    Campaign.objects.update(published_by=alice)
    export_catalogue(directory=tmp_path)
    campaigns = json.loads((tmp_path / "campaigns.json").read_text())
    for record in campaigns:  # as exports made before curators were left out wrote it
        if record["model"] == "campaigns.campaign":
            record["fields"]["published_by"] = ["alice"]
    (tmp_path / "campaigns.json").write_text(json.dumps(campaigns))
    empty_the_catalogue()
    alice.delete()

    load_catalogue(paths=[tmp_path / name for name in FIXTURE_FILES])

    assert Campaign.objects.get().published_by is None


def test_loading_an_export_back_into_its_own_database_keeps_the_reviewers_notes(
    seed_catalogue, db, tmp_path
):
    case = Campaign.objects.get(slug="tb-awareness-ministry-of-health")
    Campaign.objects.filter(pk=case.pk).update(review_note="Check the year against the post.")
    export_catalogue(directory=tmp_path)
    number = CatalogueVersion.current().number

    report = load_catalogue(paths=[tmp_path / name for name in FIXTURE_FILES])

    assert report.changed == 0, "nothing public changed"
    assert CatalogueVersion.current().number == number
    case.refresh_from_db()
    assert case.review_note == "Check the year against the post."


def test_when_and_by_whom_a_source_was_checked_is_exported_empty_and_kept_on_loading(
    seed_catalogue, db, tmp_path, django_user_model
):
    alice = django_user_model.objects.create_user("alice")
    checked_at = timezone.now()
    Source.objects.update(checked_at=checked_at, checked_by=alice)
    export_catalogue(directory=tmp_path)
    sources = [
        record
        for record in json.loads((tmp_path / "sources.json").read_text())
        if record["model"] == "campaigns.source"
    ]

    report = load_catalogue(paths=[tmp_path / name for name in FIXTURE_FILES])

    assert {(r["fields"]["checked_at"], r["fields"]["checked_by"]) for r in sources} == {
        (None, None)
    }, "another database's curators have not checked them"
    assert report.changed == 0
    assert set(Source.objects.values_list("checked_at", "checked_by")) == {(checked_at, alice.pk)}


def test_a_withdrawal_reason_in_both_languages_goes_out_and_comes_back(
    db, campaign, figure, tmp_path, client
):
    """A case published again after a withdrawal keeps the reasons it was withdrawn for; a
    file of a withdrawn case gives its address both."""
    Campaign.objects.filter(pk=campaign.pk).update(
        withdrawal_reason="Retracted, then confirmed.", withdrawal_reason_zh="曾撤回，后经证实。"
    )
    export_catalogue(directory=tmp_path / "first")
    empty_the_catalogue()
    load_catalogue(paths=[tmp_path / "first" / name for name in FIXTURE_FILES])
    export_catalogue(directory=tmp_path / "second")

    assert read_export(tmp_path / "first") == read_export(tmp_path / "second")
    loaded = Campaign.objects.get(slug=campaign.slug)
    assert loaded.withdrawal_reason_zh == "曾撤回，后经证实。"

    records = json.loads((tmp_path / "first" / "campaigns.json").read_text())
    (record,) = [r for r in records if r["model"] == "campaigns.campaign"]
    record["fields"]["status"] = Status.WITHDRAWN
    (tmp_path / "withdrawn.json").write_text(json.dumps([record]))
    load_catalogue(paths=[tmp_path / "withdrawn.json"])

    page = client.get("/zh-hans" + loaded.get_absolute_url())
    assert page.status_code == 410
    assert "曾撤回，后经证实。" in page.content.decode()
