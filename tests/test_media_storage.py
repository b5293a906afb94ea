"""Media in a bucket of S3-compatible object storage (campaigns/media_storage.py): what one app
server stores, another serves without sharing a disk; renditions, staged imports and backups go
to the bucket too; a missing file and a bucket that cannot be reached are answered plainly.

The bucket is moto's S3-compatible server, started on a free port of 127.0.0.1 for the session.
The two app servers are two settings of this process with the same bucket and database and
different media folders (``server``): each switch makes a new storage, as a second server has.
"""

import contextlib
import socket
import subprocess
import sys
import time
import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from campaigns.loading import LoadError, load_catalogue
from campaigns.models import CampaignImage, Source
from tests.pages import campaign_form_data, change_url, image_row
from tests.services import free_port
from tests.test_admin_import import IMPORT, SOURCES, upload
from tests.test_images import image_record, picture_bytes, png_with_script
from tests.test_loading import small_catalogue_records, write

pytestmark = pytest.mark.django_db

BUCKET_STORAGE = {"BACKEND": "campaigns.media_storage.BucketStorage"}
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3-compatible server on 127.0.0.1, for the whole session."""
    pytest.importorskip(
        "moto.server", reason="moto[server] is not installed (pip install -e '.[dev]')"
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"moto's S3 server did not start on 127.0.0.1:{port}")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def s3(s3_endpoint):
    """A client of the S3 server, to look into the bucket as an operator would."""
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


@pytest.fixture
def bucket(s3):
    """A new, empty bucket's name."""
    name = f"media-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=name)
    return name


@pytest.fixture
def server(settings, s3_endpoint, bucket, tmp_path):
    """Switch this process to app server ``name``: the bucket, the database, and a media folder
    of its own; a new storage each time, as a second server would have."""

    def switch(name, endpoint=s3_endpoint):
        settings.MEDIA_ROOT = tmp_path / f"media-{name}"
        settings.AWS_STORAGE_BUCKET_NAME = bucket
        settings.AWS_S3_ENDPOINT_URL = endpoint
        settings.AWS_S3_REGION_NAME = "us-east-1"
        for variable, value in CREDENTIALS.items():
            setattr(settings, variable, value)
        settings.STORAGES = {**settings.STORAGES, "default": dict(BUCKET_STORAGE)}
        return settings.MEDIA_ROOT

    return switch


def keys(s3, bucket):
    return sorted(item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", []))


def read(s3, bucket, key):
    return s3.get_object(Bucket=bucket, Key=key)["Body"].read()


def files_on_disk(folder):
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def test_an_image_uploaded_through_one_server_is_served_by_another_from_the_bucket(
    server, s3, bucket, admin_client, campaign
):
    media_a = server("A")
    upload = SimpleUploadedFile("apples.png", picture_bytes(size=(1600, 800)))
    response = admin_client.post(
        change_url(campaign), campaign_form_data(campaign, images=[image_row(upload)])
    )
    assert response.status_code == 302
    name = CampaignImage.objects.get().image.name
    stem = name.removesuffix(".png")
    renditions = [f"{stem}.w{width}.{ext}" for width in (400, 1200) for ext in ("png", "webp")]
    assert keys(s3, bucket) == sorted([name, *renditions])

    media_b = server("B")
    reader = Client()
    page = reader.get(campaign.get_absolute_url())
    assert page.status_code == 200
    assert f'<img src="/media/{stem}.w1200.png"' in page.content.decode()
    served = reader.get(f"/media/{stem}.w1200.png")

    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Security-Policy"] == "default-src 'none'; img-src 'self'; sandbox"
    assert served.content == read(s3, bucket, f"{stem}.w1200.png")
    assert files_on_disk(media_a) == files_on_disk(media_b) == []


def test_a_file_served_from_the_bucket_answers_if_modified_since_with_304(server, s3, bucket):
    server("A")
    s3.put_object(Bucket=bucket, Key="logos/a.png", Body=picture_bytes())
    first = Client().get("/media/logos/a.png")

    again = Client().get(
        "/media/logos/a.png", headers={"if-modified-since": first["Last-Modified"]}
    )

    assert (first.status_code, again.status_code) == (200, 304)


def test_an_upload_to_the_bucket_keeps_its_safety_checks(
    server, s3, bucket, admin_client, campaign
):
    server("A")
    upload = SimpleUploadedFile("apples.png", png_with_script())

    response = admin_client.post(
        change_url(campaign), campaign_form_data(campaign, images=[image_row(upload)])
    )

    assert response.status_code == 302
    stored = read(s3, bucket, CampaignImage.objects.get().image.name)
    assert stored.startswith(b"\x89PNG") and b"script" not in stored


def test_a_second_file_of_the_same_name_is_stored_beside_the_first_never_over_it(
    server, s3, bucket
):
    server("A")

    first = default_storage.save("logos/tencent.png", ContentFile(b"first"))
    second = default_storage.save("logos/tencent.png", ContentFile(b"second"))

    assert first == "logos/tencent.png" and second != first
    assert read(s3, bucket, first) == b"first" and read(s3, bucket, second) == b"second"


def test_a_file_missing_from_the_bucket_is_a_404_that_says_so(server, client):
    server("A")

    response = client.get("/media/campaigns/2026/gone.png")

    assert response.status_code == 404
    assert response.content.decode() == (
        "There is no file campaigns/2026/gone.png among this site's media: it may have been "
        "deleted."
    )


def test_a_bucket_that_cannot_be_reached_is_a_503_and_the_case_page_still_renders(
    server, admin_client, campaign
):
    server("A")
    upload = SimpleUploadedFile("apples.png", picture_bytes(size=(1600, 800)))
    admin_client.post(
        change_url(campaign), campaign_form_data(campaign, images=[image_row(upload)])
    )
    stem = CampaignImage.objects.get().image.name.removesuffix(".png")

    server("B", endpoint=f"http://127.0.0.1:{free_port()}")  # nothing listens there
    reader = Client()
    page = reader.get(campaign.get_absolute_url())
    image = reader.get(f"/media/{stem}.w1200.png")

    assert page.status_code == 200
    assert f'<img src="/media/{stem}.w1200.png"' in page.content.decode()
    assert image.status_code == 503
    assert image["Retry-After"] == "30"
    assert "media storage cannot be reached just now" in image.content.decode()


def test_a_staged_import_waits_in_the_bucket_unserved_and_is_confirmed_on_another_server(
    server, s3, bucket, reviewer
):
    server("A")
    checked = reviewer.post(IMPORT, {"file": upload(SOURCES)})
    token = checked.context["token"]
    assert keys(s3, bucket) == [f"imports/{token}.json", f"imports/{token}.name"]
    assert Client().get(f"/media/imports/{token}.json").status_code == 404

    server("B")
    reviewer.post(IMPORT, {"token": token, "confirm": "1"})

    assert sorted(Source.objects.values_list("slug", flat=True)) == ["s1", "s2"]
    assert keys(s3, bucket) == []


@pytest.mark.django_db(transaction=True)
def test_a_backup_holds_the_buckets_media_and_a_restore_puts_exactly_them_back(
    server, s3, bucket, tmp_path
):
    server("A")
    s3.put_object(Bucket=bucket, Key="logos/tencent.png", Body=b"the logo")
    s3.put_object(Bucket=bucket, Key="campaigns/2026/a.w400.webp", Body=b"a rendition")

    call_command("backup_site", str(tmp_path / "backup"))

    assert (tmp_path / "backup" / "media" / "logos" / "tencent.png").read_bytes() == b"the logo"
    s3.put_object(Bucket=bucket, Key="logos/tencent.png", Body=b"overwritten")
    s3.delete_object(Bucket=bucket, Key="campaigns/2026/a.w400.webp")
    s3.put_object(Bucket=bucket, Key="logos/new.png", Body=b"made after the backup")

    server("B")
    call_command("restore_site", str(tmp_path / "backup"), interactive=False)

    assert keys(s3, bucket) == ["campaigns/2026/a.w400.webp", "logos/tencent.png"]
    assert read(s3, bucket, "logos/tencent.png") == b"the logo"
    assert read(s3, bucket, "campaigns/2026/a.w400.webp") == b"a rendition"


@pytest.mark.django_db(transaction=True)
def test_media_backed_up_from_the_media_folder_restore_into_a_bucket(
    server, s3, bucket, tmp_path, media_root
):
    (media_root / "logos").mkdir(parents=True)
    (media_root / "logos" / "tencent.png").write_bytes(b"the logo")
    call_command("backup_site", str(tmp_path / "backup"))

    server("A")
    call_command("restore_site", str(tmp_path / "backup"), interactive=False)

    assert keys(s3, bucket) == ["logos/tencent.png"]
    assert read(s3, bucket, "logos/tencent.png") == b"the logo"


@pytest.mark.django_db(transaction=True)
def test_a_backup_when_the_bucket_cannot_be_reached_is_refused_and_leaves_nothing(server, tmp_path):
    server("A", endpoint=f"http://127.0.0.1:{free_port()}")

    with pytest.raises(CommandError, match="media files could not be read from the bucket"):
        call_command("backup_site", str(tmp_path / "backup"))

    assert not (tmp_path / "backup").exists()


def test_the_loader_checks_and_writes_again_an_image_it_names_in_the_bucket(
    server, s3, bucket, tmp_path, django_capture_on_commit_callbacks
):
    server("A")
    s3.put_object(Bucket=bucket, Key="campaigns/2011/parents.png", Body=png_with_script())
    records = [*small_catalogue_records(), image_record("campaigns/2011/parents.png")]

    with django_capture_on_commit_callbacks(execute=True):
        load_catalogue(paths=[write(tmp_path, "catalogue.json", records)])

    assert CampaignImage.objects.get().image.name == "campaigns/2011/parents.png"
    assert b"script" not in read(s3, bucket, "campaigns/2011/parents.png")
    assert "campaigns/2011/parents.w400.webp" in keys(s3, bucket)


def test_the_loader_names_an_image_missing_from_the_bucket(server, bucket, tmp_path):
    server("A")
    records = [*small_catalogue_records(), image_record("campaigns/2011/gone.png")]

    with pytest.raises(LoadError) as error:
        load_catalogue(paths=[write(tmp_path, "catalogue.json", records)])

    assert str(error.value).endswith(
        f"cannot read the file campaigns/2011/gone.png in the bucket {bucket}."
    )


def test_an_upload_while_the_bucket_cannot_be_reached_is_a_503_that_says_so(
    server, admin_client, campaign
):
    server("A", endpoint=f"http://127.0.0.1:{free_port()}")  # nothing listens there
    admin_client.raise_request_exception = False
    upload = SimpleUploadedFile("apples.png", picture_bytes())

    response = admin_client.post(
        change_url(campaign), campaign_form_data(campaign, images=[image_row(upload)])
    )

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "cannot reach the storage that holds its images just now" in response.content.decode()
    assert not CampaignImage.objects.exists()


def test_a_name_outside_the_media_is_not_looked_up(server, s3, bucket, client):
    server("A")
    s3.put_object(Bucket=bucket, Key="../secret.png", Body=b"not media")

    for path in ("/media/logos/%2E%2E/%2E%2E/secret.png", "/media//etc/passwd"):
        response = client.get(path)
        assert response.status_code == 404
        assert b"not media" not in response.content
        assert b"There is no file" not in response.content  # the site's 404: never asked for
