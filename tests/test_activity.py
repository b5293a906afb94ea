"""The admin's activity page: recent revisions across the catalogue, by curator and model."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from campaigns.loading import load_catalogue
from tests.test_history import existing_figure_row, save_case, text_of

pytestmark = pytest.mark.django_db

ACTIVITY = "/admin/activity/"


def load_sources(tmp_path, count, start=0):
    path = tmp_path / f"sources-{start}.json"
    records = [
        {
            "model": "campaigns.source",
            "fields": {"slug": f"s{number}", "title": f"Report {number}", "kind": "report"},
        }
        for number in range(start, start + count)
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    load_catalogue(paths=[path])


def test_the_activity_page_lists_who_changed_what_and_the_comment(admin_client, figure, tmp_path):
    save_case(admin_client, figure.campaign, [existing_figure_row(figure, label="Edited")])
    load_sources(tmp_path, 5)

    response = admin_client.get(ACTIVITY)

    assert response.status_code == 200
    text = text_of(response)
    assert "Changed Label for figure" in text
    assert "admin" in text
    assert "no user (command line)" in text and "Loaded " in text
    assert "5 sources" in text
    history = reverse("admin:campaigns_figure_history", args=[figure.pk])
    assert history in response.content.decode()


def test_the_activity_filters_by_curator_and_by_model(admin_client, admin_user, figure, tmp_path):
    save_case(admin_client, figure.campaign, [existing_figure_row(figure, label="Edited")])
    load_sources(tmp_path, 2)

    by_admin = admin_client.get(ACTIVITY + f"?user={admin_user.pk}").context["entries"]
    by_nobody = admin_client.get(ACTIVITY + "?user=none").context["entries"]
    sources = admin_client.get(ACTIVITY + "?model=source").context["entries"]

    assert {entry["revision"].user for entry in by_admin} == {admin_user}
    assert [entry["revision"].comment[:7] for entry in by_nobody] == ["Loaded "]
    assert len(sources) == 1


@pytest.mark.parametrize("loads", [3, 30])
def test_the_activity_page_runs_the_same_queries_however_many_revisions(
    admin_client, tmp_path, loads, django_assert_num_queries
):
    for number in range(loads):
        load_sources(tmp_path, 4, start=number * 4)
    ContentType.objects.clear_cache()

    with django_assert_num_queries(9):
        response = admin_client.get(ACTIVITY)

    assert len(response.context["entries"]) == loads
    assert all(len(entry["named"]) == 3 for entry in response.context["entries"])


def test_staff_who_may_not_view_cases_cannot_see_the_activity(staff):
    assert staff.get(ACTIVITY).status_code == 403


def test_visitors_are_asked_to_sign_in(client):
    response = client.get(ACTIVITY)

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_admin_home_links_to_the_activity(admin_client):
    assert ACTIVITY in admin_client.get("/admin/").content.decode()


def test_a_revision_that_changed_tags_is_listed_with_a_link_to_its_case(admin_client, campaign):
    from campaigns.models import Tag
    from tests.pages import campaign_form_data, change_url

    Tag.objects.create(name="rural", name_zh="农村")  # a case is tagged with tags that exist
    admin_client.post(change_url(campaign), campaign_form_data(campaign, tags="agriculture, rural"))

    response = admin_client.get(ACTIVITY)

    assert response.status_code == 200
    page = response.content.decode()
    assert "campaign tag: " in page
    assert reverse("admin:campaigns_campaign_history", args=[campaign.pk]) in page


@pytest.mark.parametrize("user", ["abc", "²", "99999999999999999999", "-1", "0"])
def test_an_odd_curator_in_the_address_lists_nothing_rather_than_failing(admin_client, user):
    response = admin_client.get(ACTIVITY, {"user": user, "model": "nonsense", "page": "x"})

    assert response.status_code == 200
    assert list(response.context["entries"]) == []
    assert "No revision matches." in response.content.decode()
