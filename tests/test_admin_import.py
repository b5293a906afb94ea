"""Importing a catalogue file in the admin: a dry run with the loader's messages, then one
transaction and one revision on confirmation; bad files change nothing."""

import json
import os
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from reversion.models import Revision

from campaigns import importing
from campaigns.exporting import fixture_records
from campaigns.models import Campaign, Correction, Figure, Source, Status
from campaigns.units import units
from tests.pages import messages_of, text

pytestmark = pytest.mark.django_db

IMPORT = "/admin/campaigns/campaign/import/"

SOURCES = [
    {"model": "campaigns.source", "fields": {"slug": "s1", "title": "A report", "kind": "report"}},
    {"model": "campaigns.source", "fields": {"slug": "s2", "title": "An article", "kind": "book"}},
]


def upload(records, name="catalogue.json"):
    content = records if isinstance(records, bytes) else json.dumps(records).encode()
    return SimpleUploadedFile(name, content, content_type="application/json")


def test_a_reviewer_sees_a_dry_run_then_imports_in_one_revision(reviewer):
    checked = reviewer.post(IMPORT, {"file": upload(SOURCES)})

    assert checked.status_code == 200
    page = checked.content.decode()
    assert "What importing catalogue.json would do" in page
    assert "Nothing has been saved yet." in page
    assert checked.context["report"].counts["campaigns.source"].created == 2
    assert not Source.objects.exists()

    done = reviewer.post(IMPORT, {"token": checked.context["token"], "confirm": "1"}, follow=True)

    assert sorted(Source.objects.values_list("slug", flat=True)) == ["s1", "s2"]
    revision = Revision.objects.get()
    assert revision.comment == "Imported catalogue.json in the admin"
    assert revision.user == reviewer.user
    assert messages_of(done)[-1].startswith("Imported catalogue.json: 2 rows created or updated")
    assert importing.staged_uploads() == []  # the upload is thrown away


def test_a_bad_record_is_refused_with_the_loaders_message_and_nothing_changes(reviewer):
    records = [*SOURCES, {"model": "campaigns.source", "fields": {"slug": "s3", "kind": "book?"}}]

    response = reviewer.post(IMPORT, {"file": upload(records)})

    page = response.content.decode()
    assert "catalogue.json cannot be imported; nothing was changed." in page
    (problem,) = response.context["refused"]
    assert "catalogue.json, record 3" in problem
    assert "upload.json" not in problem  # not the copy the loader read
    assert not Source.objects.exists()
    assert not Revision.objects.exists()
    assert importing.staged_uploads() == []


def test_every_bad_record_is_reported_not_only_the_first(reviewer):
    records = [
        {"model": "campaigns.source", "fields": {"slug": "s1", "kind": "report"}},
        SOURCES[1],
        {"model": "campaigns.source", "fields": {"slug": "s3", "title": "A", "kind": "book?"}},
        {"model": "campaigns.sauce", "fields": {"slug": "s4"}},
    ]

    response = reviewer.post(IMPORT, {"file": upload(records)})

    page = text(response.content.decode())
    assert "3 problems were found, all listed here" in page
    assert response.context["refused"] == [
        "catalogue.json, record 1 (campaigns.source “s1”): required field “title” is missing.",
        "catalogue.json, record 3 (campaigns.source “s3”): kind: Value 'book?' is not a valid "
        "choice.",
        "catalogue.json, record 4: unknown model “campaigns.sauce”.",
    ]
    assert not Source.objects.exists()
    assert not Revision.objects.exists()


def test_a_file_that_is_not_json_is_refused_with_a_message(reviewer):
    response = reviewer.post(IMPORT, {"file": upload(b"{not json", name="broken.json")})

    assert "broken.json cannot be imported" in response.content.decode()
    assert not Source.objects.exists()


def test_a_file_over_the_limit_is_refused_before_anything_is_kept(reviewer, settings):
    settings.IMPORT_MAX_BYTES = 100

    response = reviewer.post(IMPORT, {"file": upload(SOURCES)})

    errors = response.context["form"].errors["file"]
    assert errors[0].startswith("The file is ")
    assert "the admin takes files up to 100\xa0bytes" in errors[0]
    assert importing.staged_uploads() == []


def test_a_file_not_named_json_is_refused(reviewer):
    response = reviewer.post(IMPORT, {"file": upload(SOURCES, name="catalogue.csv")})

    assert "Upload a .json file" in response.context["form"].errors["file"][0]


def test_confirming_an_upload_that_is_not_yours_imports_nothing(reviewer):
    response = reviewer.post(IMPORT, {"token": "x" * 32, "confirm": "1"}, follow=True)

    assert messages_of(response)[-1] == "That upload is not yours or has expired."
    assert not Source.objects.exists()


def test_cancelling_throws_the_upload_away(reviewer):
    checked = reviewer.post(IMPORT, {"file": upload(SOURCES)})

    assert importing.staged_uploads() == [checked.context["token"]]  # the upload, staged

    cancelled = reviewer.post(IMPORT, {"token": checked.context["token"], "cancel": "1"})

    assert (cancelled.status_code, cancelled["Location"]) == (302, IMPORT)
    assert importing.staged_uploads() == []
    assert not Source.objects.exists()


def test_an_administrator_cannot_import(administrator):
    assert administrator.get(IMPORT).status_code == 403
    assert administrator.post(IMPORT, {"file": upload(SOURCES)}).status_code == 403


def test_the_campaign_list_links_to_the_import_for_reviewers(reviewer):
    page = reviewer.get(reverse("admin:campaigns_campaign_changelist")).content.decode()

    assert IMPORT in page


def test_a_file_named_in_capitals_is_imported_under_its_own_name(reviewer):
    checked = reviewer.post(IMPORT, {"file": upload(SOURCES, name="CATALOGUE.JSON")})
    assert "What importing CATALOGUE.JSON would do" in checked.content.decode()

    reviewer.post(IMPORT, {"token": checked.context["token"], "confirm": "1"})

    assert Source.objects.count() == 2
    assert Revision.objects.get().comment == "Imported CATALOGUE.JSON in the admin"


def test_a_campaign_history_row_in_a_file_is_refused(reviewer):
    records = [{"model": "campaigns.removal", "fields": {"object_id": "1", "object_repr": "x"}}]

    response = reviewer.post(IMPORT, {"file": upload(records)})

    assert "is not part of the catalogue" in response.context["refused"][0]


def test_an_upload_left_unconfirmed_for_a_day_is_removed_when_the_next_is_staged(
    reviewer, media_root
):
    old = reviewer.post(IMPORT, {"file": upload(SOURCES)}).context["token"]
    a_day_ago = time.time() - 24 * 3600 - 60
    os.utime(media_root / "imports" / f"{old}.json", (a_day_ago, a_day_ago))

    new = reviewer.post(IMPORT, {"file": upload(SOURCES)}).context["token"]

    assert importing.staged_uploads() == [new]


# --------------------------------------------------------------------------- corrections


def changed_figure_file(figure, **changes):
    """A catalogue file holding ``figure`` (of a published case) with ``changes``."""
    (record,) = fixture_records([figure])
    record["fields"].update(changes)
    return upload([record])


def test_the_dry_run_lists_the_corrections_an_import_would_make_and_asks_for_the_note(
    reviewer, figure
):
    checked = reviewer.post(IMPORT, {"file": changed_figure_file(figure, value="2500")})

    assert checked.status_code == 200
    page = text(checked.content.decode())
    assert "Corrections readers would see" in page
    assert "Wesee agricultural assistance Videos published exactly 2,234 videos" in page
    assert "exactly 2,500 videos" in page
    assert "Public note on a correction (Chinese)" in page
    assert "Readers will see it under the case as:" in page
    assert not Correction.objects.exists()


def test_an_import_changing_a_published_figure_without_a_chinese_note_is_refused(reviewer, figure):
    checked = reviewer.post(IMPORT, {"file": changed_figure_file(figure, value="2500")})
    token = checked.context["token"]

    refused = reviewer.post(IMPORT, {"token": token, "confirm": "1", "note": "Recounted."})

    assert refused.status_code == 200
    assert refused.context["notes"].errors["note_zh"] == [
        "Readers will see these corrections under their cases (listed below, as they will "
        "read them). Write the public note in Chinese."
    ]
    assert Figure.objects.get(pk=figure.pk).value == 2234
    assert not Correction.objects.exists()
    assert "Videos published: exactly 2,234 videos → exactly 2,500 videos — Recounted." in (
        text(refused.content.decode())
    )

    done = reviewer.post(
        IMPORT, {"token": token, "confirm": "1", "note": "Recounted.", "note_zh": "重新统计。"}
    )

    assert done.status_code == 302
    correction = Correction.objects.get()
    assert (correction.note, correction.note_zh) == ("Recounted.", "重新统计。")
    assert Figure.objects.get(pk=figure.pk).value == 2500


def test_an_import_that_corrects_nothing_asks_for_no_note(reviewer, figure):
    checked = reviewer.post(IMPORT, {"file": changed_figure_file(figure, label="Videos made")})

    assert "Corrections readers would see" not in text(checked.content.decode())
    done = reviewer.post(IMPORT, {"token": checked.context["token"], "confirm": "1"})

    assert done.status_code == 302
    assert Figure.objects.get(pk=figure.pk).label == "Videos made"


# --------------------------------------------------------------------------- row by row


def changed_case_records(case, **changes):
    """``case``'s own record, with ``changes``."""
    (record,) = fixture_records([case])
    record["fields"].update(changes)
    return record


def test_the_dry_run_lists_each_row_by_title_with_what_changes(reviewer, campaign, figure):
    records = [
        changed_case_records(campaign, summary="A new summary."),
        *fixture_records([figure]),
    ]
    records[1]["fields"].update(label="Videos made", value=2500)

    checked = reviewer.post(IMPORT, {"file": upload(records)})

    page = text(checked.content.decode())
    assert "Value: 2234 → 2500" in page  # not 2234.0000, as the database stores it
    assert "2 rows are published cases or parts of them: readers would see the changes" in page
    changes = checked.context["report"].changes
    assert [(change.kind, change.title, change.case) for change in changes] == [
        ("campaign", "Wesee agricultural assistance", ""),
        ("figure", "Videos made: 2234 videos", "Wesee agricultural assistance"),
    ]
    assert all(change.published for change in changes)
    assert f"Summary: {campaign.summary} → A new summary." in page
    assert "Label: Videos published → Videos made" in page
    assert "of the case “Wesee agricultural assistance”" in page


def test_the_dry_run_flags_every_status_change_and_a_new_published_case(reviewer, campaign):
    records = [
        changed_case_records(campaign, status="withdrawn"),
        changed_case_records(campaign, slug="new-case", title="A new case", status="published"),
        changed_case_records(campaign, slug="new-draft", title="A new draft", status="draft"),
    ]

    checked = reviewer.post(IMPORT, {"file": upload(records)})

    page = text(checked.content.decode())
    assert "Status: Published → Withdrawn" in page
    assert "New Published case Status: Published" in page
    statuses = {change.title: change.status for change in checked.context["report"].changes}
    assert statuses["A new draft"] is None  # a new case starts as a draft: no change to flag
    assert (statuses["A new case"].before, statuses["A new case"].after) == ("", "Published")


def test_the_dry_run_lists_new_rows_loaded_in_bulk_too(reviewer):
    checked = reviewer.post(IMPORT, {"file": upload(SOURCES)})

    changes = checked.context["report"].changes
    assert [(change.outcome, change.title) for change in changes] == [
        ("created", "A report"),
        ("created", "An article"),
    ]
    assert not any(change.published for change in changes)


# --------------------------------------------------------------------------- who may import what


def new_case_file(campaign, status="published"):
    """A file creating a case (the ``campaign``'s record under another name) of ``status``."""
    record = changed_case_records(campaign, slug="new-case", title="A new case", status=status)
    return upload([record])


def test_an_editors_import_makes_a_case_marked_published_a_draft(editor, campaign):
    checked = editor.post(IMPORT, {"file": new_case_file(campaign)})

    assert checked.status_code == 200
    page = text(checked.content.decode())
    assert "As an editor, you import new cases as drafts" in page
    assert "Imported as a draft (the file says Published)" in page

    # Whatever the confirmation sends, an editor's import makes drafts.
    done = editor.post(IMPORT, {"token": checked.context["token"], "confirm": "1"})

    assert done.status_code == 302
    assert Campaign.objects.get(slug="new-case").status == Status.DRAFT


def test_an_editors_import_cannot_change_a_published_case_or_its_figures(editor, figure):
    campaign = figure.campaign
    records = [changed_case_records(campaign, summary="A new summary."), *fixture_records([figure])]
    records[1]["fields"]["label"] = "Videos made"

    refused = editor.post(IMPORT, {"file": upload(records)})

    assert refused.context["refused"] == [
        "catalogue.json, record 1 (campaigns.campaign “wesee-agricultural-assistance”): the "
        "case is published: only a reviewer may change a published or withdrawn case. Leave it "
        "out of the file, or ask a reviewer to import it.",
        f"catalogue.json, record 2 (campaigns.figure “{figure.key}”): the case “Wesee "
        "agricultural assistance” is published: only a reviewer may change a published or "
        "withdrawn case or its parts. Leave the record out of the file, or ask a reviewer to "
        "import it.",
    ]
    campaign.refresh_from_db()
    assert campaign.summary != "A new summary."


def test_an_editors_import_cannot_publish_a_draft(editor, unpublished_campaign):
    record = changed_case_records(unpublished_campaign, status="published")

    refused = editor.post(IMPORT, {"file": upload([record])})

    (problem,) = refused.context["refused"]
    assert problem.endswith(
        "status “Published”: only a reviewer may publish or withdraw a case; an editor's "
        "import may set “draft” or “review” (in review)."
    )
    assert Campaign.objects.get(pk=unpublished_campaign.pk).status == Status.DRAFT


def test_an_editors_import_may_change_a_draft(editor, unpublished_campaign):
    record = changed_case_records(unpublished_campaign, summary="A new summary.", status="review")

    checked = editor.post(IMPORT, {"file": upload([record])})
    editor.post(IMPORT, {"token": checked.context["token"], "confirm": "1"})

    campaign = Campaign.objects.get(pk=unpublished_campaign.pk)
    assert (campaign.summary, campaign.status) == ("A new summary.", Status.IN_REVIEW)


def test_the_import_form_offers_reviewers_new_cases_as_drafts_ticked(reviewer, sign_in):
    page = reviewer.get(IMPORT)

    assert page.status_code == 200
    assert page.context["form"].fields["as_drafts"].initial is True
    assert 'id="id_as_drafts" checked>' in page.content.decode()
    editor = sign_in("ed", "Editor")
    assert "as_drafts" not in editor.get(IMPORT).context["form"].fields


@pytest.mark.parametrize(("as_drafts", "status"), [(True, "draft"), (False, "published")])
def test_a_reviewer_imports_new_cases_as_drafts_unless_unticked(
    reviewer, campaign, as_drafts, status
):
    sent = {"file": new_case_file(campaign), **({"as_drafts": "on"} if as_drafts else {})}

    checked = reviewer.post(IMPORT, sent)
    page = checked.content.decode()
    assert ('<input type="hidden" name="as_drafts" value="1">' in page) is as_drafts
    confirmation = {"token": checked.context["token"], "confirm": "1"}
    reviewer.post(IMPORT, {**confirmation, **({"as_drafts": "1"} if as_drafts else {})})

    assert Campaign.objects.get(slug="new-case").status == status


# --------------------------------------------------------------------------- the help and sample


SAMPLE = Path(__file__).resolve().parent.parent / "static" / "samples" / "catalogue-sample.json"


def test_the_sample_file_imports_cleanly_as_a_new_draft_case(reviewer):
    checked = reviewer.post(IMPORT, {"file": upload(SAMPLE.read_bytes(), name=SAMPLE.name)})

    assert checked.status_code == 200
    assert "refused" not in checked.context
    assert [change.kind for change in checked.context["report"].changes] == [
        "source",
        "organisation",
        "platform",
        "campaign",
        "participant",
        "figure",
    ]
    done = reviewer.post(IMPORT, {"token": checked.context["token"], "confirm": "1"})

    assert done.status_code == 302
    assert Campaign.objects.get(slug="weibo-lost-children").status == Status.DRAFT


def test_the_import_page_explains_the_file_and_links_to_the_sample(editor):
    response = editor.get(IMPORT)

    assert response.status_code == 200
    page = text(response.content.decode())
    assert 'href="/static/samples/catalogue-sample.json" download' in response.content.decode()
    assert "Each record is one row" in page
    assert "load_catalogue" not in page and "export_catalogue" not in page


def new_figure_records(figure, count):
    """``count`` new figures of ``figure``'s case, as a file lists them (loaded in bulk)."""
    (record,) = fixture_records([figure])
    records = []
    for number in range(count):
        fields = {**record["fields"], "key": f"new-figure-{number}", "label": f"New {number}"}
        records.append({"model": record["model"], "fields": fields})
    return records


def test_an_editors_import_cannot_add_figures_to_a_published_case(editor, figure):
    refused = editor.post(IMPORT, {"file": upload(new_figure_records(figure, 2))})

    assert [problem.split(": ", 1)[0] for problem in refused.context["refused"]] == [
        "catalogue.json, record 1 (campaigns.figure “new-figure-0”)",
        "catalogue.json, record 2 (campaigns.figure “new-figure-1”)",
    ]
    assert "only a reviewer may change a published" in refused.context["refused"][0]
    assert Figure.objects.count() == 1


@pytest.mark.parametrize("count", [2, 20])
def test_the_dry_run_of_new_rows_takes_as_many_queries_for_more_rows(
    reviewer, figure, count, django_assert_num_queries
):
    records = new_figure_records(figure, count)

    # (49: the check counts the catalogue's summary inside its rolled-back transaction, and the
    # summary counts cases by format too; 50: and reads the catalogue's version, which says the
    # units kept in the process, against which figures are checked, are current.)
    units()  # read once per catalogue version (test_units.py)
    with django_assert_num_queries(50):
        checked = reviewer.post(IMPORT, {"file": upload(records)})

    assert checked.status_code == 200
    assert len(checked.context["report"].changes) == count
    assert all(change.published for change in checked.context["report"].changes)


def test_an_editors_import_of_a_case_published_since_its_dry_run_imports_nothing(
    editor, unpublished_campaign
):
    record = changed_case_records(unpublished_campaign, summary="A new summary.")
    checked = editor.post(IMPORT, {"file": upload([record])})
    Campaign.objects.filter(pk=unpublished_campaign.pk).update(status=Status.PUBLISHED)

    done = editor.post(IMPORT, {"token": checked.context["token"], "confirm": "1"}, follow=True)

    assert messages_of(done)[-1].startswith("Nothing was imported: catalogue.json, record 1")
    assert "only a reviewer may change a published or withdrawn case" in messages_of(done)[-1]
    assert Campaign.objects.get(pk=unpublished_campaign.pk).summary != "A new summary."
