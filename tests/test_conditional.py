"""Conditional GETs: the validators of pages, downloads and the API change when and only when
what readers are served can change; only a 200 carries them; a 304 only ever answers for a
resource that exists."""

import datetime

import pytest

from campaigns import services
from campaigns.models import (
    Campaign,
    CampaignImage,
    CatalogueVersion,
    Figure,
    Participation,
    Platform,
)
from tests import factories
from tests.test_caching import make_image

pytestmark = pytest.mark.django_db

PUBLIC_ADDRESSES = [
    "/campaigns/",
    "/campaigns/yaan-earthquake/",
    "/figures/",
    "/campaigns/export.csv",
    "/figures/export.json",
    "/api/campaigns",
    "/api/figures",
    "/api/platforms",
]
"""Lists, a page, downloads and the API: everything a draft's edit must leave alone."""


def validators(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    return response["ETag"], response["Last-Modified"]


def all_validators(client):
    return {address: validators(client, address) for address in PUBLIC_ADDRESSES}


# --------------------------------------------------------------------------- what moves them


@pytest.mark.parametrize(
    "address", ["/campaigns/yaan-earthquake/", "/figures/export.csv", "/api/figures"]
)
def test_deleting_a_public_figure_moves_the_validators_and_a_stale_date_gets_200(
    client, yaan_case, address
):
    etag, last_modified = validators(client, address)

    Figure.objects.get(key="yaan-donations").delete()

    by_date = client.get(address, headers={"if-modified-since": last_modified})
    by_etag = client.get(address, headers={"if-none-match": etag})
    assert (by_date.status_code, by_etag.status_code) == (200, 200)
    assert by_date["ETag"] != etag
    assert by_date["Last-Modified"] != last_modified
    assert "yaan-donations" not in by_date.getvalue().decode()


def test_changes_in_one_second_are_dated_a_second_apart(yaan_case):
    before = CatalogueVersion.current().changed_at

    yaan_case.save()
    yaan_case.save()

    after = CatalogueVersion.current().changed_at
    assert after - before >= datetime.timedelta(seconds=2)


def edit_the_draft(draft):
    draft.title = "A draft, retitled"
    draft.save()


def add_a_figure_to_the_draft(draft):
    factories.FigureFactory(campaign=draft, source=draft.sources.first(), key="second-draft")


def edit_the_draft_figure(draft):
    figure = Figure.objects.get(key="draft-figure")
    figure.stated_as = "nearly a billion RMB"
    figure.save()


def delete_the_draft_figure(draft):
    Figure.objects.get(key="draft-figure").delete()


def tag_the_draft(draft):
    draft.tags.add("another-draft-tag")


def add_a_participant_to_the_draft(draft):
    factories.ParticipationFactory(campaign=draft)


def remove_the_draft_participant(draft):
    Participation.objects.filter(campaign=draft).delete()


def link_a_platform_to_the_draft(draft):
    draft.platforms.add(factories.PlatformFactory(name="A platform for drafts"))


def add_an_image_to_the_draft(draft):
    CampaignImage.objects.create(campaign=draft, image=make_image(), alt_text="A draft photo")


def put_the_draft_in_review(draft):
    services.submit_for_review(campaigns=Campaign.objects.filter(pk=draft.pk))


def delete_the_draft(draft):
    draft.delete()


DRAFT_EDITS = [
    edit_the_draft,
    add_a_figure_to_the_draft,
    edit_the_draft_figure,
    delete_the_draft_figure,
    tag_the_draft,
    add_a_participant_to_the_draft,
    remove_the_draft_participant,
    link_a_platform_to_the_draft,
    add_an_image_to_the_draft,
    put_the_draft_in_review,
    delete_the_draft,
]


@pytest.mark.parametrize("edit", DRAFT_EDITS, ids=lambda edit: edit.__name__)
def test_editing_a_draft_leaves_every_public_validator_as_it_was(
    client, yaan_case, draft_case, edit
):
    before = all_validators(client)

    edit(draft_case)

    assert all_validators(client) == before


def test_publishing_a_draft_moves_every_public_validator(client, yaan_case, draft_case):
    before = all_validators(client)

    services.publish_campaigns(campaigns=Campaign.objects.filter(pk=draft_case.pk))

    after = all_validators(client)
    assert all(after[address][0] != before[address][0] for address in PUBLIC_ADDRESSES)
    assert all(after[address][1] != before[address][1] for address in PUBLIC_ADDRESSES)


@pytest.mark.parametrize(
    "change",
    [
        lambda case: services.unpublish_campaigns(campaigns=Campaign.objects.filter(pk=case.pk)),
        lambda case: setattr(case, "summary", "A new summary") or case.save(),
        lambda case: case.tags.add("volunteering"),
        lambda case: Participation.objects.filter(campaign=case).first().delete(),
    ],
    ids=["unpublished", "edited", "tagged", "participant removed"],
)
def test_a_change_to_a_published_case_moves_the_validators(client, yaan_case, change):
    etag, _last_modified = validators(client, "/api/campaigns")

    change(yaan_case)

    assert client.get("/api/campaigns")["ETag"] != etag


def test_a_curator_previewing_a_draft_sees_each_edit_at_once(viewer, draft_case, settings):
    client = viewer
    settings.PAGE_CACHE_SECONDS = 60
    assert "Unchecked draft" in client.get(draft_case.get_absolute_url()).content.decode()

    edit_the_draft(draft_case)

    assert "A draft, retitled" in client.get(draft_case.get_absolute_url()).content.decode()


# --------------------------------------------------------------------------- only for a 200

ERRORS = [
    ("/campaigns/no-such-case/", 404),
    ("/campaigns/unchecked-draft/", 404),
    ("/api/campaigns/no-such-case", 404),
    ("/api/campaigns/unchecked-draft", 404),
    ("/api/figures/draft-figure", 404),
    ("/api/platforms/no-such-platform", 404),
    ("/api/campaigns?limit=many", 422),
    ("/api/figures?year=ancient", 422),
]


@pytest.mark.parametrize("method", ["get", "head"])
@pytest.mark.parametrize(("address", "status"), ERRORS)
def test_an_error_carries_no_validators(client, yaan_case, draft_case, method, address, status):
    response = getattr(client, method)(address)

    assert response.status_code == status
    assert not response.has_header("ETag")
    assert not response.has_header("Last-Modified")


@pytest.mark.parametrize(
    "headers",
    [{"if-none-match": "*"}, {"if-modified-since": "Fri, 01 Jan 2100 00:00:00 GMT"}],
    ids=["if-none-match *", "if-modified-since"],
)
@pytest.mark.parametrize(("address", "status"), ERRORS)
def test_a_condition_on_a_missing_resource_is_its_error_never_a_304(
    client, yaan_case, draft_case, address, status, headers
):
    response = client.get(address, headers=headers)

    assert response.status_code == status


@pytest.mark.parametrize("method", ["get", "head"])
@pytest.mark.parametrize(
    "address", ["/campaigns/yaan-earthquake/", "/api/campaigns/yaan-earthquake", "/api/figures"]
)
def test_if_none_match_star_on_a_resource_that_exists_is_a_304(client, yaan_case, method, address):
    response = getattr(client, method)(address, headers={"if-none-match": "*"})

    assert response.status_code == 304
    assert response.has_header("ETag")


def test_a_platform_linked_only_to_a_draft_gets_no_304_either(client, yaan_case, draft_case):
    platform = Platform.objects.create(name="Draft-only platform", slug="draft-only-platform")
    draft_case.platforms.add(platform)

    for address in ["/platforms/draft-only-platform/", "/api/platforms/draft-only-platform"]:
        response = client.get(address, headers={"if-none-match": "*"})
        assert response.status_code == 404
        assert not response.has_header("ETag")
