"""Cached pages: served from the cache until the catalogue changes, never after; 304s for pages."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from campaigns import services
from campaigns.loading import load_catalogue
from campaigns.models import (
    Campaign,
    CampaignImage,
    CatalogueVersion,
    Figure,
    Organisation,
    Platform,
    Source,
    Tag,
)
from campaigns.units import units
from tests import factories

pytestmark = pytest.mark.django_db

CASE_PAGE = "/campaigns/yaan-earthquake/"


def html(client, address=CASE_PAGE):
    response = client.get(address)
    return response.status_code, response.content.decode()


def test_a_page_is_served_from_the_cache_with_one_query(
    client, yaan_case, django_assert_num_queries
):
    first = client.get(CASE_PAGE)

    with django_assert_num_queries(1):  # the catalogue's version
        again = client.get(CASE_PAGE)

    assert again.content == first.content
    assert again["ETag"] == first["ETag"]


def test_a_database_restored_from_a_backup_never_serves_pages_of_the_changes_it_undid(
    client, yaan_case
):
    """A restore brings the version's number back; the next change must not meet the pages
    cached for the changes the restore undid, which used the same numbers."""
    backup = CatalogueVersion.objects.values("number", "epoch", "changed_at").get()
    before = html(client)[1]
    Campaign.objects.filter(pk=yaan_case.pk).update(summary="A change the restore undoes.")
    CatalogueVersion.bump()
    assert "A change the restore undoes." in html(client)[1]  # cached under number + 1

    # The restore: the rows and the version as the backup holds them.
    Campaign.objects.filter(pk=yaan_case.pk).update(summary=yaan_case.summary)
    CatalogueVersion.objects.update(**backup)
    assert html(client)[1] == before
    Campaign.objects.filter(pk=yaan_case.pk).update(summary="The first change after it.")
    CatalogueVersion.bump()  # number + 1 again, in a new epoch

    page = html(client)[1]
    assert CatalogueVersion.current().number == backup["number"] + 1
    assert "The first change after it." in page
    assert "A change the restore undoes." not in page


def test_chinese_and_english_pages_are_cached_apart(client, yaan_case):
    english = html(client)[1]
    chinese = html(client, f"/zh-hans{CASE_PAGE}")[1]

    assert 'lang="en"' in english and 'lang="zh-Hans"' in chinese
    assert html(client)[1] == english


def test_a_signed_in_curator_is_not_served_from_the_cache(admin_client, yaan_case):
    html(admin_client)
    Campaign.objects.filter(pk=yaan_case.pk).update(title="Changed behind the cache's back")
    CatalogueVersion.objects.update(number=1)  # as if nothing had changed

    assert "Changed behind the cache&#x27;s back" in html(admin_client)[1]


def test_the_page_cache_can_be_turned_off(client, yaan_case, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_SECONDS = 0
    units()  # read once per catalogue version (test_units.py), not once per rendering
    with CaptureQueriesContext(connection) as first:
        html(client)
    with CaptureQueriesContext(connection) as again:
        html(client)

    assert len(again) == len(first) > 1  # rendered again, every time


def make_image():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


def edit_title(case):
    case.title = "Weibo fundraising, retitled"
    case.save()
    return "Weibo fundraising, retitled"


def add_figure(case):
    factories.FigureFactory(
        key="new", campaign=case, source=case.sources.get(), label="Volunteers registered"
    )
    return "Volunteers registered"


def edit_figure(case):
    figure = Figure.objects.get(key="yaan-donations")
    figure.stated_as = "more than 110 million RMB"
    figure.period = "in three days"
    figure.save()
    return "in three days"


def rename_source(case):
    source = case.sources.get()
    source.title = "A renamed report"
    source.save()
    return "A renamed report"


def rename_organisation(case):
    organisation = Organisation.objects.get(slug="one-foundation")
    organisation.name = "One Foundation, renamed"
    organisation.save()
    return "One Foundation, renamed"


def rename_platform(case):
    platform = Platform.objects.get(slug="sina-weibo")
    platform.name = "Weibo, renamed"
    platform.save()
    return "Weibo, renamed"


def rename_tag(case):
    tag = Tag.objects.get(slug="earthquake")
    tag.name = "Earthquakes, renamed"
    tag.save()
    return "Earthquakes, renamed"


def add_tag(case):
    case.tags.add("volunteering")
    return "volunteering"


def add_participant(case):
    factories.ParticipationFactory(
        campaign=case, organisation=factories.OrganisationFactory(name="A new partner")
    )
    return "A new partner"


def add_platform(case):
    case.platforms.add(factories.PlatformFactory(name="A second platform"))
    return "A second platform"


def add_image(case):
    CampaignImage.objects.create(campaign=case, image=make_image(), alt_text="Volunteers at work")
    return "Volunteers at work"


def load_a_file(case, tmp_path):
    records = [
        {
            "model": "campaigns.source",
            "fields": {"slug": "loaded-report", "title": "Loaded report", "kind": "report"},
        }
    ]
    path = tmp_path / "more.json"
    path.write_text(json.dumps(records))
    load_catalogue(paths=[path])
    case.sources.add(Source.objects.get(slug="loaded-report"))
    return "Loaded report"


CHANGES = [
    edit_title,
    add_figure,
    edit_figure,
    rename_source,
    rename_organisation,
    rename_platform,
    rename_tag,
    add_tag,
    add_participant,
    add_platform,
    add_image,
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__)
def test_every_kind_of_change_is_on_the_next_page_served(client, yaan_case, change):
    assert html(client)[0] == 200

    shown = change(yaan_case)

    assert shown in html(client)[1]


def test_a_load_is_on_the_next_page_served(client, yaan_case, tmp_path):
    html(client)

    shown = load_a_file(yaan_case, tmp_path)

    assert shown in html(client)[1]


@pytest.mark.parametrize(
    ("change", "status"),
    [
        (lambda case: services.unpublish_campaigns(campaigns=Campaign.objects.all()), 404),
        (lambda case: case.delete(), 404),
        (lambda case: Figure.objects.all().delete(), 200),
    ],
    ids=["unpublished", "deleted", "figures deleted"],
)
def test_unpublishing_and_deleting_are_on_the_next_page_served(client, yaan_case, change, status):
    before = html(client)
    assert "over 110 million CNY" in before[1]

    change(yaan_case)

    after = html(client)
    assert after[0] == status
    assert "over 110 million CNY" not in after[1]


def test_publishing_in_bulk_is_on_the_next_list_served(client, yaan_case, draft_case):
    assert "Unchecked draft" not in html(client, "/campaigns/")[1]

    services.publish_campaigns(campaigns=Campaign.objects.all())

    assert "Unchecked draft" in html(client, "/campaigns/")[1]


def test_growing_the_catalogue_is_on_the_next_home_page_served(client, db):
    from campaigns.growing import grow_catalogue

    html(client, "/")
    grow_catalogue(count=3, seed=5, draft_share=0)

    assert "<strong>3</strong>" in html(client, "/")[1]


def test_a_page_answers_a_conditional_get_with_304_until_the_catalogue_changes(client, yaan_case):
    first = client.get(CASE_PAGE)
    assert first["ETag"] and first["Last-Modified"]
    assert "no-cache" in first["Cache-Control"]

    by_etag = client.get(CASE_PAGE, headers={"if-none-match": first["ETag"]})
    by_date = client.get(CASE_PAGE, headers={"if-modified-since": first["Last-Modified"]})
    assert (by_etag.status_code, by_date.status_code) == (304, 304)
    assert by_etag.content == b""

    edit_title(yaan_case)
    changed = client.get(CASE_PAGE, headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_a_missing_page_is_neither_cached_nor_answered_with_304(client, yaan_case):
    missing = client.get("/campaigns/no-such-case/", headers={"if-none-match": "*"})

    assert missing.status_code == 404
    assert "Page not found" in missing.content.decode()
    assert not missing.has_header("ETag")


def test_the_health_check_answers_200_and_503_without_the_database(client, db, monkeypatch):
    from django.db import DatabaseError, connection

    healthy = client.get("/health/")
    assert healthy.status_code == 200
    assert healthy.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in healthy["Cache-Control"]

    def refuse(*args, **kwargs):
        raise DatabaseError("the database is restarting")

    monkeypatch.setattr(connection, "cursor", refuse)
    sick = client.get("/health/")

    assert sick.status_code == 503
    assert sick["Retry-After"] == "30", "the same wait as every other 503 for the database"
    assert sick.json() == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
