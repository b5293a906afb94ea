"""Corrections readers can see: a published figure's change, with the curator's public note, on
the case's page; "Last updated"; and ``updated_at`` in the API and the downloads."""

import csv
import io
import json

import pytest
from django.utils import translation
from reversion.models import Revision

from campaigns import services
from campaigns.exporting import fixture_records
from campaigns.models import Campaign, Correction, Figure
from tests.pages import (
    NOTE,
    campaign_form_data,
    change_url,
    form_data,
    formset_data,
    post_checking_corrections,
)
from tests.test_history import (
    RESTORE_NOTE,
    existing_figure_row,
    history_url,
    renamed_with_more_videos,
    restore_url,
    save_case,
    text_of,
)
from tests.test_loading import run_command

pytestmark = pytest.mark.django_db


def test_changing_a_published_figure_in_the_admin_is_a_correction_with_its_note(
    admin_client, figure, client
):
    campaign = figure.campaign
    row = existing_figure_row(
        figure,
        stated_as="2,500 videos",
        value="2500",
        correction_note="The source's later edition counts 2,500.",
    )

    save_case(admin_client, campaign, [row])

    correction = Correction.objects.get()
    assert (correction.campaign, correction.figure) == (campaign, figure)
    assert (correction.before, correction.after) == ("2234 videos", "2,500 videos")
    assert correction.note == "The source's later edition counts 2,500."
    assert correction.note_zh == "据来源更正。"
    page = text_of(client.get(campaign.get_absolute_url()))
    assert "Corrections" in page
    assert "Videos published: 2234 videos → 2,500 videos — The source" in page
    assert "Last updated" in page


def test_a_changed_number_with_the_same_words_shows_the_numbers(figure):
    services.change_figure(figure=figure, changes={"value": 2300})

    correction = Correction.objects.get()
    assert (correction.before, correction.after) == ("exactly 2,234 videos", "exactly 2,300 videos")
    assert correction.note == ""


def test_changes_to_a_draft_or_to_what_a_figure_is_called_are_not_corrections(figure):
    assert services.change_figure(figure=figure, changes={"label": "Videos made"}) is None
    services.unpublish_campaigns(campaigns=Campaign.objects.filter(pk=figure.campaign_id))
    figure = Figure.objects.get(pk=figure.pk)
    assert services.change_figure(figure=figure, changes={"stated_as": "2,500 videos"}) is None

    changed = Figure.objects.get(pk=figure.pk)
    assert (changed.label, changed.stated_as) == ("Videos made", "2,500 videos")
    assert not Correction.objects.exists()


def test_a_case_with_no_corrections_shows_none(client, figure):
    page = client.get(figure.campaign.get_absolute_url()).content.decode()

    assert 'id="corrections-heading"' not in page
    assert "Last updated" in page


def test_a_correction_shows_the_chinese_label_on_chinese_pages(client, figure):
    Figure.objects.filter(pk=figure.pk).update(label_zh="发布视频")
    figure.refresh_from_db()
    services.change_figure(figure=figure, changes={"stated_as": "2,500 videos"})

    page = text_of(client.get("/zh-hans" + figure.campaign.get_absolute_url()))

    assert "发布视频: 2234 videos → 2,500 videos" in page


def test_the_api_and_the_downloads_give_when_a_case_and_a_figure_last_changed(client, figure):
    campaign = Campaign.objects.get(pk=figure.campaign_id)
    figure.refresh_from_db()

    api = json.loads(client.get(f"/api/campaigns/{campaign.slug}").content)
    rows = list(
        csv.DictReader(io.StringIO(client.get("/campaigns/export.csv").getvalue().decode()[1:]))
    )
    figures = json.loads(client.get("/figures/export.json").getvalue())

    assert api["updated_at"].startswith(campaign.updated_at.isoformat()[:19])
    assert api["figures"][0]["updated_at"].startswith(figure.updated_at.isoformat()[:19])
    assert rows[0]["updated_at"] == campaign.updated_at.isoformat()
    assert figures["figures"][0]["updated_at"] == figure.updated_at.isoformat()


def test_the_correction_note_is_offered_beside_each_figure_in_the_admin(admin_client, figure):
    page = admin_client.get(change_url(figure.campaign)).content.decode()

    assert 'name="figures-0-correction_note"' in page
    assert "Public note on a correction" in page


def test_a_note_typed_without_changing_the_figure_makes_no_correction(admin_client, figure):
    data = formset_data("figures", [existing_figure_row(figure, correction_note="Nothing")], 1)
    payload = campaign_form_data(figure.campaign)
    payload.update(data)
    assert admin_client.post(change_url(figure.campaign), payload).status_code == 302

    assert not Correction.objects.exists()


# ----------------------------------------------------------------------- a note in both languages


def test_a_published_figure_changed_in_the_admin_without_a_chinese_note_is_refused_by_name(
    admin_client, figure
):
    row = existing_figure_row(figure, stated_as="2,500 videos", correction_note="Recounted.")

    response = admin_client.post(
        change_url(figure.campaign),
        {**campaign_form_data(figure.campaign), **formset_data("figures", [row], 1)},
    )

    assert response.status_code == 200
    (errors,) = [e for e in response.context["errors"] if e]
    assert errors == [
        "“Videos published” would state “2,500 videos” instead of “2234 videos”, on a "
        "published case: readers will see the correction under it. Write the public note in "
        "Chinese."
    ]
    assert not Correction.objects.exists()
    assert Figure.objects.get(pk=figure.pk).stated_as != "2,500 videos"


def test_a_published_figure_changed_with_no_note_names_both_languages(admin_client, figure):
    row = existing_figure_row(figure, value="2300")

    response = admin_client.post(
        change_url(figure.campaign),
        {**campaign_form_data(figure.campaign), **formset_data("figures", [row], 1)},
    )

    page = text_of(response)
    assert "Write the public note in English and in Chinese." in page
    assert not Correction.objects.exists()


def test_the_correction_is_previewed_in_both_languages_before_it_is_made(admin_client, figure):
    Figure.objects.filter(pk=figure.pk).update(label_zh="发布视频")
    row = existing_figure_row(
        figure,
        stated_as="2,500 videos",
        correction_note="Recounted.",
        correction_note_zh="重新统计。",
    )
    row["label_zh"] = "发布视频"
    data = {**campaign_form_data(figure.campaign), **formset_data("figures", [row], 1)}

    shown = admin_client.post(change_url(figure.campaign), data)

    assert shown.status_code == 200 and not Correction.objects.exists()
    page = text_of(shown)
    assert "Check the correction below as readers will see it, then save again" in page
    assert "English" in page and "2234 videos → 2,500 videos — Recounted." in page
    assert "发布视频: 2234 videos → 2,500 videos — 重新统计。" in page
    saved = admin_client.post(change_url(figure.campaign), form_data(shown))
    assert saved.status_code == 302
    correction = Correction.objects.get()
    assert (correction.note, correction.note_zh) == ("Recounted.", "重新统计。")


def test_a_published_figure_changed_on_its_own_page_needs_the_note_too(admin_client, figure):
    url = change_url(figure)
    data = form_data(admin_client.get(url))
    data["value"] = "2300"

    refused = admin_client.post(url, data)

    assert refused.status_code == 200
    assert "Write the public note in English and in Chinese." in text_of(refused)
    data.update(correction_note="Recounted.", correction_note_zh="重新统计。")
    assert post_checking_corrections(admin_client, url, data).status_code == 302
    assert Correction.objects.get().note_zh == "重新统计。"


def test_a_restore_that_changes_a_published_figure_needs_the_note_in_both_languages(
    admin_client, figure
):
    campaign = figure.campaign
    first = renamed_with_more_videos(admin_client, figure)
    made = Correction.objects.count()

    refused = admin_client.post(restore_url(campaign, first.pk), {"note": "Back to 2,234."})

    assert refused.status_code == 200
    page = text_of(refused)
    assert "Write the public note in Chinese." in page
    assert "Videos published: 2,500 videos → 2234 videos — Back to 2,234." in page
    assert Figure.objects.get(pk=figure.pk).value == 2500
    assert Correction.objects.count() == made

    done = admin_client.post(restore_url(campaign, first.pk), RESTORE_NOTE)

    assert done.status_code == 302
    correction = Correction.objects.newest_first().first()
    assert (correction.before, correction.after) == ("2,500 videos", "2234 videos")
    assert (correction.note, correction.note_zh) == (RESTORE_NOTE["note"], RESTORE_NOTE["note_zh"])


def test_a_restore_that_changes_no_published_figure_asks_for_no_note(admin_client, figure):
    campaign = figure.campaign
    save_case(admin_client, campaign, [existing_figure_row(figure)])
    first = Revision.objects.latest("pk")
    save_case(admin_client, campaign, title="Renamed case")

    confirm = admin_client.get(restore_url(campaign, first.pk))
    assert 'name="note"' not in confirm.content.decode()
    assert admin_client.post(restore_url(campaign, first.pk)).status_code == 302
    assert Campaign.objects.get(pk=campaign.pk).title == "Wesee agricultural assistance"


def test_the_history_shows_the_correction_with_its_note_in_both_languages(admin_client, figure):
    row = existing_figure_row(
        figure,
        stated_as="2,500 videos",
        correction_note="Recounted.",
        correction_note_zh="重新统计。",
    )
    save_case(admin_client, figure.campaign, [row])

    page = text_of(admin_client.get(history_url(figure.campaign)))

    assert "Added correction Videos published: 2234 videos → 2,500 videos" in page
    assert "Public note: Recounted. Public note (Chinese): 重新统计。" in page


# --------------------------------------------------------------------------- Chinese pages


def test_a_chinese_page_shows_the_chinese_note_and_the_english_marked_when_there_is_none(
    client, figure
):
    services.change_figure(
        figure=figure, changes={"value": 2300}, note=services.Note("Recounted.", "重新统计。")
    )
    services.change_figure(
        figure=figure, changes={"value": 2400}, note=services.Note("Recounted again.")
    )

    english = client.get(figure.campaign.get_absolute_url()).content.decode()
    html = client.get("/zh-hans" + figure.campaign.get_absolute_url()).content.decode()

    assert " — 重新统计。</span>" in html
    assert '<span lang="en">Recounted again.</span> <span class="english-only">' in html
    assert "Recounted." not in html
    assert " — Recounted.</span>" in english and "重新统计" not in english


def test_a_withdrawn_case_gives_its_reason_in_the_page_language(client, figure):
    campaigns = Campaign.objects.filter(pk=figure.campaign_id)
    services.withdraw(
        campaigns=campaigns, reason="The source retracted it.", reason_zh="来源已撤回。"
    )

    english = client.get(figure.campaign.get_absolute_url())
    chinese = client.get("/zh-hans" + figure.campaign.get_absolute_url())

    assert chinese.status_code == english.status_code == 410
    assert "来源已撤回。" in chinese.content.decode()
    assert "The source retracted it." in english.content.decode()
    assert "来源已撤回" not in english.content.decode()


def test_a_withdrawn_case_with_no_chinese_reason_shows_the_english_marked(client, figure):
    campaigns = Campaign.objects.filter(pk=figure.campaign_id)
    services.withdraw(campaigns=campaigns, reason="The source retracted it.")

    page = client.get("/zh-hans" + figure.campaign.get_absolute_url()).content.decode()

    assert '<span lang="en">The source retracted it.</span>' in page


def test_the_review_page_withdraws_with_a_reason_in_both_languages(admin_client, figure):
    url = f"/admin/campaigns/campaign/{figure.campaign_id}/review/"
    response = admin_client.post(
        url, {"decision": "withdraw", "note": "Retracted.", "note_zh": "已撤回。"}
    )

    assert response.status_code == 302
    campaign = Campaign.objects.get(pk=figure.campaign_id)
    assert (campaign.withdrawal_reason, campaign.withdrawal_reason_zh) == ("Retracted.", "已撤回。")


def test_a_reviewer_rewords_the_chinese_note_under_corrections_in_the_admin(admin_client, figure):
    correction = services.change_figure(
        figure=figure, changes={"value": 2300}, note=services.Note("Recounted.")
    )
    url = change_url(correction)
    data = form_data(admin_client.get(url))
    data["note_zh"] = "重新统计。"

    assert admin_client.post(url, data).status_code == 302

    assert Correction.objects.get().note_zh == "重新统计。"


def test_restoring_a_case_keeps_its_corrections_and_a_correction_restores_its_own_wording(
    admin_client, figure
):
    campaign = figure.campaign
    first = renamed_with_more_videos(admin_client, figure)  # a correction, noted
    correction = Correction.objects.get()
    url = change_url(correction)
    data = form_data(admin_client.get(url))
    data["note_zh"] = "改写。"
    assert admin_client.post(url, data).status_code == 302
    reworded = Revision.objects.latest("pk")

    assert admin_client.post(restore_url(campaign, first.pk), RESTORE_NOTE).status_code == 302
    assert Correction.objects.filter(pk=correction.pk).exists()  # readers were told: it stays
    assert Correction.objects.count() == 2  # and the restore is a correction of its own

    wording = Revision.objects.filter(pk__lt=reworded.pk).latest("pk")
    assert admin_client.post(restore_url(correction, wording.pk)).status_code == 302
    assert Correction.objects.get(pk=correction.pk).note_zh == NOTE["correction_note_zh"]


def test_a_correction_made_from_a_chinese_admin_states_the_qualifier_in_english(figure):
    with translation.override("zh-hans"):
        correction = services.change_figure(figure=figure, changes={"qualifier": "over"})

    assert (correction.before, correction.after) == ("exactly 2,234 videos", "over 2,234 videos")


def test_the_command_line_lists_the_corrections_a_load_makes_with_the_note_it_is_given(
    figure, tmp_path
):
    (record,) = fixture_records([figure])
    record["fields"]["value"] = "2500"
    changed = tmp_path / "figures.json"
    changed.write_text(json.dumps([record]))

    checked = run_command(changed, "--dry-run")
    loaded = run_command(changed, "--note", "Recounted.", "--note-zh", "重新统计。")

    listed = "Wesee agricultural assistance: Videos published: exactly 2,234 videos → exactly 2,500"
    assert "1 figure of published cases would state something else" in checked
    assert listed in checked and listed in loaded
    correction = Correction.objects.get()
    assert (correction.note, correction.note_zh) == ("Recounted.", "重新统计。")
