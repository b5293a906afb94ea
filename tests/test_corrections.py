"""Corrections readers can see: a published figure's change, with the curator's public note, on
the case's page; "Last updated"; and ``updated_at`` in the API and the downloads."""

import csv
import io
import json

import pytest

from campaigns import services
from campaigns.models import Campaign, Correction, Figure
from tests.pages import change_url, formset_data
from tests.test_history import existing_figure_row, save_case, text_of

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
    from tests.pages import campaign_form_data

    payload = campaign_form_data(figure.campaign)
    payload.update(data)
    assert admin_client.post(change_url(figure.campaign), payload).status_code == 302

    assert not Correction.objects.exists()
