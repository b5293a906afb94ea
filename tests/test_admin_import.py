"""Importing a catalogue file in the admin: a dry run with the loader's messages, then one
transaction and one revision on confirmation; bad files change nothing."""

import json
import os
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from reversion.models import Revision

from campaigns import importing
from campaigns.exporting import fixture_records
from campaigns.models import Correction, Figure, Source
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
    assert "catalogue.json, record 3" in response.context["refused"]
    assert "upload.json" not in response.context["refused"]  # not the copy the loader read
    assert not Source.objects.exists()
    assert not Revision.objects.exists()
    assert importing.staged_uploads() == []


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


def test_an_editor_cannot_import(editor):
    assert editor.get(IMPORT).status_code == 403
    assert editor.post(IMPORT, {"file": upload(SOURCES)}).status_code == 403


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

    assert "is not part of the catalogue" in response.context["refused"]


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
