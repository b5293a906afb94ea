"""Curators' roles and review: what an editor, a reviewer and an administrator may do, enforced
by every way the admin can be asked (action, form, inline, crafted POST, restore)."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from reversion.models import Revision, Version

from campaigns import services
from campaigns.models import Campaign, Figure, Status
from campaigns.roles import ADMINISTRATOR, EDITOR, REVIEWER, ROLES, sync_roles
from tests import factories
from tests.pages import campaign_form_data, change_url, changelist_url, messages_of
from tests.test_history import existing_figure_row, history_url, restore_url, save_case

pytestmark = pytest.mark.django_db


def review_url(campaign):
    return reverse("admin:campaigns_campaign_review", args=[campaign.pk])


# --------------------------------------------------------------------------- the groups


def test_the_migrations_make_the_three_roles_with_their_permissions():
    editor, reviewer, administrator = (
        set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        for name in (EDITOR, REVIEWER, ADMINISTRATOR)
    )

    assert {"add_campaign", "change_campaign", "change_figure", "delete_figure"} <= editor
    assert "publish_campaign" not in editor
    assert "publish_campaign" in reviewer and "delete_source" in reviewer
    assert editor < reviewer
    assert {"add_user", "change_group"} <= administrator
    assert not {"change_campaign", "publish_campaign"} & administrator


def test_syncing_the_roles_puts_back_a_permission_taken_from_a_group():
    reviewer = Group.objects.get(name=REVIEWER)
    reviewer.permissions.remove(reviewer.permissions.get(codename="publish_campaign"))

    sync_roles()

    assert reviewer.permissions.filter(codename="publish_campaign").exists()


def test_add_to_role_gives_a_user_a_role_and_lets_them_sign_in(django_user_model):
    user = django_user_model.objects.create_user("alice", password="pw")

    call_command("add_to_role", "alice", "reviewer")

    user.refresh_from_db()
    assert user.is_staff
    assert list(user.groups.values_list("name", flat=True)) == [REVIEWER]
    assert user.has_perm("campaigns.publish_campaign")


@pytest.mark.parametrize(
    ("username", "role", "message"),
    [
        ("nobody", "Editor", "There is no user 'nobody'"),
        ("alice", "Boss", "There is no role 'Boss': choose one of " + ", ".join(ROLES)),
    ],
)
def test_add_to_role_refuses_an_unknown_user_or_role_with_a_message(
    django_user_model, username, role, message
):
    django_user_model.objects.create_user("alice", password="pw")

    with pytest.raises(CommandError, match=message):
        call_command("add_to_role", username, role)


# --------------------------------------------------------------------------- editors


def test_an_editor_sees_no_publish_action(editor, unpublished_campaign):
    response = editor.get(changelist_url(Campaign))

    actions = [value for value, _label in response.context["action_form"].fields["action"].choices]
    assert "submit_for_review" in actions
    assert "publish" not in actions and "unpublish" not in actions


def test_an_editor_cannot_publish_by_a_crafted_action_post(editor, unpublished_campaign):
    response = editor.post(
        changelist_url(Campaign),
        {"action": "publish", "_selected_action": [unpublished_campaign.pk]},
    )

    unpublished_campaign.refresh_from_db()
    assert unpublished_campaign.status == Status.DRAFT
    assert response.status_code in (200, 302)


def test_an_editor_cannot_set_the_status_to_published_in_the_form(editor, unpublished_campaign):
    response = editor.post(
        change_url(unpublished_campaign),
        campaign_form_data(unpublished_campaign, status=Status.PUBLISHED),
    )

    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    unpublished_campaign.refresh_from_db()
    assert unpublished_campaign.status == Status.DRAFT


def test_an_editor_may_submit_a_draft_for_review_in_the_form(editor, unpublished_campaign):
    response = editor.post(
        change_url(unpublished_campaign),
        campaign_form_data(unpublished_campaign, status=Status.IN_REVIEW),
    )

    assert response.status_code == 302
    unpublished_campaign.refresh_from_db()
    assert (
        unpublished_campaign.status == Status.IN_REVIEW
        and unpublished_campaign.submitted_at is not None
    )


def test_an_editor_cannot_change_a_published_case_or_its_figures(editor, figure):
    campaign = figure.campaign  # published
    page = editor.get(change_url(campaign))
    assert page.status_code == 200 and not page.context["has_change_permission"]
    assert "Only a reviewer may change a published or withdrawn case." in page.content.decode()

    response = editor.post(change_url(campaign), campaign_form_data(campaign, title="Changed"))
    figure_post = editor.post(change_url(figure), {"label": "Changed"})

    assert response.status_code == 403
    assert figure_post.status_code == 403
    campaign.refresh_from_db()
    figure.refresh_from_db()
    assert campaign.title != "Changed" and figure.label != "Changed"


def test_an_editor_cannot_attach_a_figure_to_a_published_case(editor, campaign, source):
    response = editor.post(
        reverse("admin:campaigns_figure_add"),
        {
            "label": "New",
            "stated_as": "5 videos",
            "source": source.pk,
            "key": "new",
            "campaign": campaign.pk,
            "value": "5",
            "unit": "videos",
            "qualifier": "exactly",
            "as_of_precision": "day",
            "order": "0",
        },
    )

    assert response.status_code == 200
    assert "campaign" in response.context["adminform"].form.errors
    assert not Figure.objects.filter(key="new").exists()


def test_an_editor_cannot_delete_a_published_case_by_the_delete_page_or_action(editor, campaign):
    page = editor.post(reverse("admin:campaigns_campaign_delete", args=[campaign.pk]), {"post": 1})
    action = editor.post(
        changelist_url(Campaign),
        {"action": "delete_selected", "_selected_action": [campaign.pk], "post": "yes"},
        follow=True,
    )

    assert page.status_code == 403
    assert messages_of(action)[-1].startswith("Nothing was deleted: only a reviewer may delete")
    assert Campaign.objects.filter(pk=campaign.pk).exists()


def test_an_editor_may_delete_a_draft(editor, unpublished_campaign):
    response = editor.post(
        reverse("admin:campaigns_campaign_delete", args=[unpublished_campaign.pk]), {"post": 1}
    )

    assert response.status_code == 302
    assert not Campaign.objects.filter(pk=unpublished_campaign.pk).exists()


def test_an_editor_cannot_restore_a_case_to_a_published_version(
    admin_client, editor, figure, django_user_model
):
    campaign = figure.campaign
    save_case(admin_client, campaign)  # published
    published = Revision.objects.latest("pk")
    save_case(admin_client, campaign, status=Status.DRAFT)

    assert editor.get(history_url(campaign)).status_code == 200
    response = editor.post(restore_url(campaign, published.pk))

    assert response.status_code == 403
    campaign.refresh_from_db()
    assert campaign.status == Status.DRAFT


def test_an_editor_sees_the_reviewers_note_on_a_case_sent_back(editor, unpublished_campaign):
    Campaign.objects.filter(pk=unpublished_campaign.pk).update(
        review_note="Check the donation figure."
    )

    page = editor.get(change_url(unpublished_campaign)).content.decode()

    assert "Sent back by a reviewer:" in page and "Check the donation figure." in page


def test_an_editor_sees_no_review_fields_on_a_case(editor, unpublished_campaign):
    response = editor.get(change_url(unpublished_campaign))

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert not {"review_note", "withdrawal_reason", "withdrawal_reason_zh"} & set(form.fields)
    assert "withdrawal_reason_zh" not in response.content.decode()


def test_an_editor_cannot_write_a_reviewers_note_by_a_crafted_post(editor, unpublished_campaign):
    data = campaign_form_data(unpublished_campaign, review_note="Approved by me.")

    response = editor.post(change_url(unpublished_campaign), data)

    assert response.status_code == 302
    unpublished_campaign.refresh_from_db()
    assert unpublished_campaign.review_note == ""


def test_a_new_case_has_no_review_fields_even_for_a_reviewer(reviewer):
    response = reviewer.get(reverse("admin:campaigns_campaign_add"))

    assert response.status_code == 200
    assert "review_note" not in response.context["adminform"].form.fields


def test_a_reviewer_sees_the_review_fields_on_a_case_that_exists(reviewer, campaign):
    response = reviewer.get(change_url(campaign))

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert {"review_note", "withdrawal_reason", "withdrawal_reason_zh"} <= set(form.fields)


def test_an_editor_cannot_open_the_review_page(editor, unpublished_campaign):
    assert editor.get(review_url(unpublished_campaign)).status_code == 403


# --------------------------------------------------------------------------- reviewers


def test_a_reviewer_publishes_a_case_in_review_and_is_recorded_as_its_publisher(
    reviewer, unpublished_campaign
):
    services.submit_for_review(campaigns=Campaign.objects.filter(pk=unpublished_campaign.pk))

    response = reviewer.post(review_url(unpublished_campaign), {"decision": "publish"}, follow=True)

    unpublished_campaign.refresh_from_db()
    assert unpublished_campaign.status == Status.PUBLISHED
    assert (
        unpublished_campaign.published_by == reviewer.user
        and unpublished_campaign.published_at is not None
    )
    assert unpublished_campaign.submitted_at is None
    assert messages_of(response)[-1] == f"“{unpublished_campaign.title}” is published."
    assert Revision.objects.latest("pk").comment.startswith("Published 1 campaign")


def test_a_reviewer_sends_a_case_back_with_a_note_the_history_keeps(reviewer, unpublished_campaign):
    services.submit_for_review(campaigns=Campaign.objects.filter(pk=unpublished_campaign.pk))

    reviewer.post(
        review_url(unpublished_campaign), {"decision": "send_back", "note": "Source [4] is wrong."}
    )

    unpublished_campaign.refresh_from_db()
    assert unpublished_campaign.status == Status.DRAFT
    assert unpublished_campaign.review_note == "Source [4] is wrong."
    assert Revision.objects.latest("pk").comment.endswith("Note: Source [4] is wrong.")


def test_sending_back_or_withdrawing_without_a_note_is_refused_with_a_message(reviewer, campaign):
    response = reviewer.post(review_url(campaign), {"decision": "withdraw", "note": "  "})

    assert response.status_code == 200
    assert response.context["form"].errors == {"note": ["Say why: this decision needs a note."]}
    campaign.refresh_from_db()
    assert campaign.status == Status.PUBLISHED


def test_a_reviewer_withdraws_a_published_case_with_a_reason(reviewer, campaign):
    reviewer.post(review_url(campaign), {"decision": "withdraw", "note": "Its source retracted."})

    campaign.refresh_from_db()
    assert campaign.status == Status.WITHDRAWN
    assert campaign.withdrawal_reason == "Its source retracted."
    assert campaign.withdrawn_at is not None


def test_a_decision_not_open_in_the_cases_status_is_refused(reviewer, unpublished_campaign):
    response = reviewer.post(
        review_url(unpublished_campaign), {"decision": "withdraw", "note": "x"}
    )

    assert response.status_code == 200
    assert "decision" in response.context["form"].errors


def test_a_reviewer_may_change_and_delete_a_published_case(reviewer, campaign):
    response = reviewer.post(change_url(campaign), campaign_form_data(campaign, title="Renamed"))

    assert response.status_code == 302
    assert (
        reviewer.post(
            reverse("admin:campaigns_campaign_delete", args=[campaign.pk]), {"post": 1}
        ).status_code
        == 302
    )
    assert not Campaign.objects.filter(pk=campaign.pk).exists()


def test_the_admin_index_counts_cases_waiting_for_review(admin_client, unpublished_campaign):
    factories.CampaignFactory(slug="waiting", status=Status.IN_REVIEW)

    page = admin_client.get(reverse("admin:index")).content.decode()

    assert "1 case waiting for review" in page
    assert "?status__exact=review" in page
    assert "1 draft" in page


@pytest.mark.parametrize("page", ["admin:index", "admin:campaigns_campaign_changelist"])
def test_the_catalogue_comes_first_in_a_reviewers_admin_before_the_sign_in_log(reviewer, page):
    response = reviewer.get(reverse(page))

    assert response.status_code == 200
    apps = [app["app_label"] for app in response.context["available_apps"]]
    assert apps[0] == "campaigns"
    assert "axes" in apps  # a reviewer sees the sign-in log, after the catalogue


def test_the_campaign_list_filters_the_cases_waiting_for_review(admin_client, unpublished_campaign):
    factories.CampaignFactory(slug="waiting", title="Waiting case", status=Status.IN_REVIEW)

    response = admin_client.get(changelist_url(Campaign) + "?status__exact=review")

    assert [c.title for c in response.context["cl"].result_list] == ["Waiting case"]


def test_an_administrator_manages_users_but_does_not_edit_cases(
    administrator, unpublished_campaign
):
    client = administrator

    assert client.get(reverse("admin:auth_user_changelist")).status_code == 200
    response = client.post(
        change_url(unpublished_campaign), campaign_form_data(unpublished_campaign, title="Changed")
    )
    assert response.status_code == 403


def test_inline_figure_edits_by_an_editor_on_a_draft_are_saved(
    editor, unpublished_campaign, source
):
    figure = factories.FigureFactory(campaign=unpublished_campaign, source=source)
    data = campaign_form_data(unpublished_campaign)
    from tests.pages import formset_data

    data.update(formset_data("figures", [existing_figure_row(figure, label="Edited")], initial=1))

    assert editor.post(change_url(unpublished_campaign), data).status_code == 302
    figure.refresh_from_db()
    assert figure.label == "Edited"


# --------------------------------------------------------------------------- restore and recover


def test_an_editor_cannot_republish_a_case_by_restoring_a_revision_of_one_figure(
    admin_client, editor, figure
):
    campaign = figure.campaign  # published, saved before history was kept
    admin_client.post(
        change_url(figure),
        {
            **{
                name: getattr(figure, name)
                for name in ("label", "stated_as", "unit", "qualifier", "key", "kind")
            },
            "label": "Renamed",
            "value": "2234",
            "source": figure.source_id,
            "campaign": campaign.pk,
            "as_of_precision": "day",
            "order": "0",
        },
    )
    figure_only = Revision.objects.exclude(comment__startswith="As it stood").latest("pk")
    assert {v.content_type.model for v in figure_only.version_set.all()} == {"figure"}
    admin_client.post(
        changelist_url(Campaign), {"action": "unpublish", "_selected_action": [campaign.pk]}
    )

    response = editor.post(restore_url(campaign, figure_only.pk))

    assert response.status_code == 403
    campaign.refresh_from_db()
    assert campaign.status == Status.DRAFT


def test_an_editor_cannot_recover_a_figure_of_a_published_case(admin_client, editor, figure):
    admin_client.post(reverse("admin:campaigns_figure_delete", args=[figure.pk]), {"post": "yes"})
    version = Version.objects.get_deleted(Figure).get()

    response = editor.post(reverse("admin:campaigns_figure_recover", args=[version.pk]))

    assert response.status_code == 403
    assert not Figure.objects.filter(pk=figure.pk).exists()


def test_an_editor_cannot_recover_a_deleted_published_case(admin_client, editor, campaign):
    admin_client.post(reverse("admin:campaigns_campaign_delete", args=[campaign.pk]), {"post": 1})
    version = Version.objects.get_deleted(Campaign).get()

    response = editor.post(reverse("admin:campaigns_campaign_recover", args=[version.pk]))

    assert response.status_code == 403
    assert not Campaign.objects.filter(pk=campaign.pk).exists()


def test_an_editor_may_recover_a_deleted_draft(admin_client, editor, unpublished_campaign):
    admin_client.post(
        reverse("admin:campaigns_campaign_delete", args=[unpublished_campaign.pk]), {"post": 1}
    )
    version = Version.objects.get_deleted(Campaign).get()

    response = editor.post(reverse("admin:campaigns_campaign_recover", args=[version.pk]))

    assert response.status_code == 302
    assert Campaign.objects.get(pk=unpublished_campaign.pk).status == Status.DRAFT


def test_an_editor_cannot_reword_a_public_correction(editor, figure):
    services.change_figure(figure=figure, changes={"stated_as": "2,500 videos"})
    correction = figure.corrections.get()

    response = editor.post(change_url(correction), {"note": "Rewritten by an editor."})

    assert response.status_code == 403
    correction.refresh_from_db()
    assert correction.note == ""


def test_add_to_role_says_which_role_with_the_right_article(django_user_model, capsys):
    django_user_model.objects.create_user("alice", password="pw")

    call_command("add_to_role", "alice", "editor")
    call_command("add_to_role", "alice", "reviewer")

    assert capsys.readouterr().out.splitlines() == [
        "alice is now an Editor.",
        "alice is now a Reviewer.",
    ]


def test_the_review_page_dates_the_submission_without_a_doubled_full_stop(reviewer, draft_case):
    services.submit_for_review(campaigns=Campaign.objects.filter(pk=draft_case.pk))
    html = reviewer.get(f"/admin/campaigns/campaign/{draft_case.pk}/review/").content.decode()

    assert "Submitted for review " in html
    assert ".." not in html.split("Submitted for review ")[1].split("</p>")[0]
