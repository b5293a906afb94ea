"""The revision history: what every save, action, deletion and load records, the history page
with its field-by-field diffs, restoring an earlier version and recovering a deleted row."""

import json
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from reversion.models import Revision, Version

from campaigns import history
from campaigns.loading import load_catalogue
from campaigns.models import Campaign, Figure, Participation, Removal, Status
from campaigns.units import units
from tests import factories
from tests.pages import (
    NOTE,
    campaign_form_data,
    change_url,
    changelist_url,
    figure_row,
    formset_data,
    messages_of,
    post_checking_corrections,
)

pytestmark = pytest.mark.django_db


RESTORE_NOTE = {"note": "Back to the source's own count.", "note_zh": "恢复为来源的原数。"}
"""The public note, in both languages, of a restore that changes a published figure."""


def history_url(obj):
    return reverse(f"admin:campaigns_{obj._meta.model_name}_history", args=[obj.pk])


def restore_url(obj, revision_id):
    return reverse(f"admin:campaigns_{obj._meta.model_name}_restore", args=[obj.pk, revision_id])


def text_of(response):
    """The page's text, tags and runs of spaces removed."""
    page = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", page)


def existing_figure_row(figure, **changes):
    """A figure already on the campaign page, as the page sends it back."""
    row = figure_row(
        figure.source,
        label=figure.label,
        stated_as=figure.stated_as,
        value=str(figure.value.normalize()),
        unit=figure.unit,
        qualifier=figure.qualifier,
        period=figure.period,
        key=figure.key,
        kind=figure.kind,
        label_zh=figure.label_zh,
        as_of=figure.as_of.isoformat() if figure.as_of else "",
        as_of_precision=figure.as_of_precision,
        order=str(figure.order),
    )
    row.update(id=figure.pk, campaign=figure.campaign_id)
    row.update(changes)
    return row


def save_case(client, campaign, figures=(), **changes):
    """Save the campaign's admin page with these figure rows (all of them already saved), each
    with a public note in both languages unless it says otherwise, checking the corrections
    it makes as readers will see them."""
    data = campaign_form_data(campaign, **changes)
    figures = [{**NOTE, **row} for row in figures]
    data.update(formset_data("figures", figures, initial=len(figures)))
    response = post_checking_corrections(client, change_url(campaign), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    return response


# --------------------------------------------------------------------------- recording


def test_saving_a_case_with_an_inline_figure_edit_is_one_revision_with_who_and_what(
    admin_client, admin_user, figure
):
    campaign = figure.campaign
    before = Revision.objects.count()

    save_case(admin_client, campaign, [existing_figure_row(figure, stated_as="2,500 videos")])

    # The case and its figure as they stood, then the change.
    assert Revision.objects.count() == before + 2
    baseline, revision = Revision.objects.order_by("pk")
    assert baseline.comment == history.BASELINE
    assert revision.user == admin_user
    assert "Stated as" in revision.comment
    stored = {version.content_type.model for version in revision.version_set.all()}
    assert stored == {"campaign", "figure", "correction"}  # the case is published


def test_the_history_page_of_a_case_shows_its_figure_changing_old_to_new(admin_client, figure):
    campaign = figure.campaign
    old = figure.stated_as
    save_case(admin_client, campaign, [existing_figure_row(figure)], status=Status.DRAFT)
    save_case(
        admin_client,
        campaign,
        [existing_figure_row(figure, stated_as="2,500 videos", value="2500")],
        status=Status.PUBLISHED,
    )

    response = admin_client.get(history_url(campaign))

    assert response.status_code == 200
    text = text_of(response)
    assert f"Stated as: {old} → 2,500 videos" in text
    assert "Value: 2,234 → 2,500" in text
    assert "Status: Draft → Published" in text  # choices by their labels
    assert "admin" in text  # who


def test_a_figure_edited_on_its_case_page_has_a_history_of_its_own(admin_client, figure):
    save_case(admin_client, figure.campaign, [existing_figure_row(figure)])
    save_case(admin_client, figure.campaign, [existing_figure_row(figure, label="Videos made")])

    response = admin_client.get(history_url(figure))

    assert response.status_code == 200
    assert "Label: Videos published → Videos made" in text_of(response)


def test_publish_and_unpublish_actions_are_recorded_with_what_they_did(
    admin_client, admin_user, unpublished_campaign
):
    admin_client.post(
        changelist_url(Campaign),
        {"action": "publish", "_selected_action": [unpublished_campaign.pk]},
    )
    admin_client.post(
        changelist_url(Campaign),
        {"action": "unpublish", "_selected_action": [unpublished_campaign.pk]},
    )

    published, unpublished = Revision.objects.exclude(comment=history.BASELINE).order_by("pk")
    assert published.comment == f"Published 1 campaign: {unpublished_campaign.title}."
    assert unpublished.comment == f"Unpublished 1 campaign: {unpublished_campaign.title}."
    assert published.user == admin_user
    text = text_of(admin_client.get(history_url(unpublished_campaign)))
    assert "Status: Draft → Published" in text
    assert "Status: Published → Draft" in text


def test_unpublishing_from_a_list_filtered_by_status_counts_right(admin_client, campaign):
    campaign.status = Status.PUBLISHED
    campaign.save()

    response = admin_client.post(
        changelist_url(Campaign) + "?status__exact=published",
        {"action": "unpublish", "_selected_action": [campaign.pk]},
        follow=True,
    )

    assert messages_of(response) == ["1 campaign was unpublished."]


def test_deleting_an_inline_figure_shows_as_removed_in_the_case_history(admin_client, figure):
    campaign = figure.campaign
    row = existing_figure_row(figure, DELETE="on")

    save_case(admin_client, campaign, [row])

    assert not Figure.objects.filter(pk=figure.pk).exists()
    removal = Removal.objects.get()
    assert removal.campaign_id == campaign.pk
    assert "Removed figure Videos published: 2234 videos" in text_of(
        admin_client.get(history_url(campaign))
    )


def test_a_load_is_one_revision_naming_its_files_and_a_second_load_adds_none(tmp_path):
    path = tmp_path / "sources.json"
    path.write_text(
        json.dumps(
            [
                {
                    "model": "campaigns.source",
                    "fields": {"slug": "s1", "title": "A report", "kind": "report"},
                }
            ]
        ),
        encoding="utf-8",
    )

    load_catalogue(paths=[path])
    load_catalogue(paths=[path])

    revision = Revision.objects.get()
    assert revision.comment.startswith("Loaded ") and "sources.json" in revision.comment
    assert revision.user is None
    assert revision.version_set.get().object_repr == "A report"


def test_a_dry_run_leaves_no_revision(tmp_path):
    path = tmp_path / "sources.json"
    path.write_text(
        json.dumps(
            [
                {
                    "model": "campaigns.source",
                    "fields": {"slug": "s1", "title": "A", "kind": "report"},
                }
            ]
        ),
        encoding="utf-8",
    )

    report = load_catalogue(paths=[path], dry_run=True)

    assert report.counts["campaigns.source"].created == 1
    assert not Revision.objects.exists()


def test_a_revision_stores_only_the_rows_that_were_saved(admin_client, campaign, source):
    figures = [factories.FigureFactory(campaign=campaign, source=source) for _ in range(5)]
    rows = [existing_figure_row(figure) for figure in figures]
    rows[2]["stated_as"] = "changed"

    save_case(admin_client, campaign, rows)

    revision = Revision.objects.latest("pk")
    # The case, the one figure of five that changed, and the correction readers see.
    assert sorted(v.content_type.model for v in revision.version_set.all()) == [
        "campaign",
        "correction",
        "figure",
    ]


# --------------------------------------------------------------------------- restore


def renamed_with_more_videos(client, figure):
    """Save the figure's case as it is, then renamed with the figure at 2,500 videos; return
    the first save's revision."""
    save_case(client, figure.campaign, [existing_figure_row(figure)])
    first = Revision.objects.latest("pk")
    save_case(
        client,
        figure.campaign,
        [existing_figure_row(figure, stated_as="2,500 videos", value="2500")],
        title="Renamed case",
    )
    return first


def test_restoring_an_earlier_version_puts_back_the_case_and_its_figure_as_a_new_revision(
    admin_client, figure
):
    campaign = figure.campaign
    first = renamed_with_more_videos(admin_client, figure)

    confirm = admin_client.get(restore_url(campaign, first.pk))
    assert confirm.status_code == 200
    assert "Put back figure" in text_of(confirm)
    response = admin_client.post(restore_url(campaign, first.pk), RESTORE_NOTE)

    assert response.status_code == 302
    campaign.refresh_from_db()
    figure.refresh_from_db()
    assert campaign.title == "Wesee agricultural assistance"
    assert figure.stated_as != "2,500 videos" and figure.value == 2234
    # The restore is a revision of its own, after the two saves and the states the case and
    # the figure were in when their history began: nothing was lost.
    assert Revision.objects.count() == 5
    assert Revision.objects.latest("pk").comment.startswith("Restored to the version of")


def test_the_restore_confirmation_shows_each_field_from_what_it_is_to_what_it_will_be(
    admin_client, figure
):
    campaign = figure.campaign
    first = renamed_with_more_videos(admin_client, figure)

    confirm = admin_client.get(restore_url(campaign, first.pk))

    steps = {(step.kind, step.action): step for step in confirm.context["plan"]}
    case_fields = {(c.label, c.old, c.new) for c in steps[("campaign", "restore")].fields}
    figure_fields = {(c.label, c.old, c.new) for c in steps[("figure", "restore")].fields}
    assert case_fields == {("title", "Renamed case", "Wesee agricultural assistance")}
    assert ("value", "2,500", "2,234") in figure_fields
    assert ("stated as", "2,500 videos", figure.stated_as or "—") in figure_fields
    page = text_of(confirm)
    assert "Renamed case → Wesee agricultural assistance" in page
    assert "2,500 → 2,234" in page


def test_restoring_brings_back_a_figure_deleted_since_and_removes_one_added_since(
    admin_client, figure, source
):
    campaign = figure.campaign
    save_case(admin_client, campaign, [existing_figure_row(figure)])
    first = Revision.objects.latest("pk")
    save_case(admin_client, campaign, [existing_figure_row(figure, DELETE="on")])
    data = campaign_form_data(campaign, figures=[figure_row(source, key="new-one")])
    assert admin_client.post(change_url(campaign), data).status_code == 302
    assert list(campaign.figures.values_list("key", flat=True)) == ["new-one"]

    admin_client.post(restore_url(campaign, first.pk))

    assert list(campaign.figures.values_list("pk", flat=True)) == [figure.pk]
    campaign.refresh_from_db()
    assert campaign.figure_count == 1  # counts are derived again


def test_a_restore_that_clashes_with_a_later_row_changes_nothing_and_says_why(
    admin_client, campaign
):
    save_case(admin_client, campaign)
    first = Revision.objects.latest("pk")
    save_case(admin_client, campaign, slug="renamed")
    factories.CampaignFactory(slug="wesee-agricultural-assistance", sources=[])

    response = admin_client.post(restore_url(campaign, first.pk), follow=True)

    campaign.refresh_from_db()
    assert campaign.slug == "renamed"
    assert messages_of(response)[-1].startswith("Nothing was restored: ")
    assert "slug" in messages_of(response)[-1].lower()


def test_an_editor_who_may_only_view_cannot_restore(viewer, campaign):
    client = viewer
    revision = Revision.objects.create(comment="x", date_created=timezone.now())

    assert client.get(history_url(campaign)).status_code == 200
    assert client.post(restore_url(campaign, revision.pk)).status_code == 403


# --------------------------------------------------------------------------- recover


def test_a_deleted_case_is_listed_and_recovered_with_its_figures_and_participants(
    admin_client, figure
):
    campaign = figure.campaign
    factories.ParticipationFactory(campaign=campaign)
    save_case(admin_client, campaign, [existing_figure_row(figure)])
    delete = reverse("admin:campaigns_campaign_delete", args=[campaign.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    assert not Campaign.objects.filter(pk=campaign.pk).exists()

    listed = admin_client.get(reverse("admin:campaigns_campaign_recoverlist"))
    assert campaign.title in text_of(listed)
    version = Version.objects.get_deleted(Campaign).get()
    response = admin_client.post(reverse("admin:campaigns_campaign_recover", args=[version.pk]))

    assert response.status_code == 302
    recovered = Campaign.objects.get(pk=campaign.pk)
    assert recovered.figures.get().pk == figure.pk
    assert Participation.objects.filter(campaign=recovered).count() == 1
    assert recovered.tags.count() == 1
    assert recovered.sources.count() == 1 and recovered.platforms.count() == 1
    assert Revision.objects.latest("pk").comment.startswith("Recovered ")


def test_a_figure_deleted_on_its_own_page_can_be_recovered(admin_client, figure):
    delete = reverse("admin:campaigns_figure_delete", args=[figure.pk])
    admin_client.post(delete, {"post": "yes"})
    (version,) = Version.objects.get_deleted(Figure)

    admin_client.post(reverse("admin:campaigns_figure_recover", args=[version.pk]))

    assert Figure.objects.filter(pk=figure.pk, stated_as=figure.stated_as).exists()


# --------------------------------------------------------------------------- cost


@pytest.mark.parametrize("saves", [3, 30])
def test_the_history_page_runs_the_same_queries_however_long_the_history(
    admin_client, figure, saves, django_assert_num_queries
):
    for number in range(saves):
        save_case(admin_client, figure.campaign, [existing_figure_row(figure, period=str(number))])
    ContentType.objects.clear_cache()
    units()  # read once per catalogue version (test_units.py)

    # 15: the catalogue's version, which says the units kept in the process are current, to
    # write the figures' values (14 when units were a fixed list).
    with django_assert_num_queries(15):
        response = admin_client.get(history_url(figure.campaign))

    assert response.status_code == 200
    # Every revision but the newest can be restored: the saves and how the case stood first.
    assert text_of(response).count("Restore this version") == saves


def test_a_history_longer_than_a_page_is_paged(admin_client, campaign):
    for number in range(history.REVISIONS_PER_PAGE + 2):
        save_case(admin_client, campaign, summary=f"Summary {number}")

    first = admin_client.get(history_url(campaign))
    second = admin_client.get(history_url(campaign) + "?page=2")

    assert len(first.context["entries"]) == history.REVISIONS_PER_PAGE
    assert len(second.context["entries"]) == 3  # and how it stood when history began
    assert "Summary 0" in text_of(second)
    assert "As it stood campaign Wesee agricultural assistance" in text_of(second)


def test_a_cases_history_shows_its_tags_and_participants_changing_with_it(admin_client, campaign):
    from campaigns.models import Organisation, Tag

    tencent = Organisation.objects.get(slug="tencent")
    Tag.objects.create(name="live commerce", name_zh="直播带货")  # tags a case takes exist
    data = campaign_form_data(
        campaign,
        tags="agriculture, live commerce",
        participants=[{"organisation": tencent.pk, "role": "organiser", "note": "", "order": "0"}],
    )
    assert admin_client.post(change_url(campaign), data).status_code == 302
    data = campaign_form_data(campaign, tags='"live commerce"')  # unquoted: two tags
    participation = campaign.participations.get()
    data.update(
        formset_data(
            "participations",
            [
                {
                    "id": participation.pk,
                    "campaign": campaign.pk,
                    "organisation": tencent.pk,
                    "role": "partner",
                    "note": "",
                    "order": "0",
                }
            ],
            initial=1,
        )
    )
    assert admin_client.post(change_url(campaign), data).status_code == 302

    text = text_of(admin_client.get(history_url(campaign)))

    assert "Added campaign tag" in text and "live commerce" in text
    assert "Removed campaign tag" in text
    assert "Added participant Tencent (Organiser)" in text
    assert "First published by" not in text  # saving a published case does not publish it
    assert "Role: Organiser → Partner" in text


# --------------------------------------------------------------------------- edge cases


def figure_page_data(figure, **changes):
    """What a figure's own admin page sends back."""
    data = {
        name: getattr(figure, name)
        for name in ("label", "label_zh", "stated_as", "unit", "qualifier", "key", "kind")
    }
    data.update(
        value=str(figure.value.normalize()),
        source=figure.source_id,
        campaign=figure.campaign_id or "",
        as_of=figure.as_of.isoformat() if figure.as_of else "",
        as_of_precision=figure.as_of_precision,
        period=figure.period,
        order=str(figure.order),
    )
    data.update(changes)
    return data


def test_restoring_a_case_leaves_a_figure_moved_to_another_case_where_it_is(
    admin_client, figure, source
):
    first_case = figure.campaign
    other_case = factories.CampaignFactory(slug="other-case", sources=[source])
    save_case(admin_client, first_case, [existing_figure_row(figure)])
    before_the_move = Revision.objects.latest("pk")
    admin_client.post(change_url(figure), figure_page_data(figure, campaign=other_case.pk))
    moved = Revision.objects.latest("pk")
    assert Figure.objects.get(pk=figure.pk).campaign == other_case

    admin_client.post(restore_url(first_case, before_the_move.pk))
    admin_client.post(restore_url(other_case, before_the_move.pk))

    figure.refresh_from_db()
    assert figure.campaign == other_case  # neither restore pulled it back nor deleted it
    assert moved.pk < Revision.objects.latest("pk").pk


def test_a_case_first_published_by_a_curator_since_removed_can_still_be_restored(
    admin_client, django_user_model, unpublished_campaign
):
    reviewer = django_user_model.objects.create_superuser("gone", "g@example.org", "pw")
    admin_client.force_login(reviewer)
    save_case(admin_client, unpublished_campaign, status=Status.PUBLISHED)
    published = Revision.objects.latest("pk")
    save_case(admin_client, Campaign.objects.get(pk=unpublished_campaign.pk), title="Renamed")
    reviewer.delete()
    admin_client.force_login(django_user_model.objects.get(username="admin"))

    response = admin_client.post(restore_url(unpublished_campaign, published.pk), follow=True)

    unpublished_campaign.refresh_from_db()
    assert unpublished_campaign.title == "Wesee agricultural assistance", messages_of(response)
    assert unpublished_campaign.published_by is None


def test_a_change_made_without_a_revision_shows_before_the_next_one(admin_client, figure):
    save_case(admin_client, figure.campaign, [existing_figure_row(figure, label="Videos made")])
    Figure.objects.filter(pk=figure.pk).update(stated_as="typed in a shell")  # no revision
    figure.refresh_from_db()

    save_case(admin_client, figure.campaign, [existing_figure_row(figure, stated_as="fixed")])

    text = text_of(admin_client.get(history_url(figure.campaign)))
    assert "Stated as: typed in a shell → fixed" in text
    assert "Stated as: 2234 videos → typed in a shell" in text  # kept as it stood
