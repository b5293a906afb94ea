"""The settings read from the environment, checked in a fresh interpreter each time."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    """Run manage.py with only the given DJANGO_* / DATABASE_* variables set."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_debug_and_secret_key_the_site_refuses_to_start_with_one_line():
    result = run_manage("check", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "socialgood: DJANGO_SECRET_KEY is not set: set it, or set DJANGO_DEBUG=1 for local "
        "development."
    ]


def test_debug_is_off_unless_set():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
        DJANGO_SECRET_KEY="x" * 60,
    )
    assert result.stdout.strip() == "False", result.stderr


def test_production_settings_pass_the_deployment_checks():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY="a-long-random-production-secret-" + "k" * 40,
        DJANGO_ALLOWED_HOSTS="catalogue.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("", "django.db.backends.sqlite3"),
        ("postgres://postgres@127.0.0.1:5432/socialgood", "django.db.backends.postgresql"),
    ],
)
def test_database_url_picks_the_database(url, engine):
    env = {"DJANGO_DEBUG": "1"}
    if url:
        env["DATABASE_URL"] = url
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])",
        **env,
    )
    assert result.stdout.strip() == engine, result.stderr


def test_a_replica_url_adds_the_replica_its_router_and_middleware():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; replica = settings.DATABASES['replica']\n"
        "print(replica['PORT'], replica['OPTIONS'], replica['TEST']['MIRROR'])\n"
        "print(settings.DATABASE_ROUTERS, 'socialgood.replica.ReplicaMiddleware' in "
        "settings.MIDDLEWARE)",
        DJANGO_DEBUG="1",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/socialgood",
        DATABASE_REPLICA_URL="postgres://reader@10.0.0.12:5433/socialgood",
    )
    assert result.stdout.splitlines() == [
        "5433 {'connect_timeout': 2} default",
        "['socialgood.replica.ReplicaRouter'] True",
    ], result.stderr


def test_a_replica_of_sqlite_is_refused_with_one_line():
    result = run_manage(
        "check", DJANGO_DEBUG="1", DATABASE_REPLICA_URL="postgres://reader@10.0.0.12/socialgood"
    )
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "socialgood: DATABASE_REPLICA_URL is set but DATABASE_URL and DATABASE_REPLICA_URL are "
        "not both postgres:// addresses: a read replica is a streaming replica of PostgreSQL."
    ]


def test_in_production_the_health_check_answers_plain_http_and_other_pages_redirect():
    script = (
        "from django.test import Client\n"
        "from django.test.utils import setup_test_environment\n"
        "setup_test_environment()\n"
        "client = Client()\n"
        "print(client.get('/health/').status_code, client.get('/about/').status_code)\n"
    )
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        script,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="settings-test-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="testserver",
    )

    # The health check answers (its database is the empty default one) rather than 301.
    assert result.stdout.split()[-2:] in (["200", "301"], ["503", "301"]), result.stderr


MEDIA_STORAGE = (
    "from django.core.files.storage import default_storage as media; "
    "print(media.__class__.__name__, media.url('logos/a b.png')); "
    "print(*(getattr(media, name, '-') for name in "
    "('bucket_name', 'endpoint_url', 'region_name', 'access_key', 'file_overwrite'))); "
    "print(media.client_config.s3, media.client_config.connect_timeout)"
)


def test_a_bucket_named_in_the_environment_holds_the_media_with_django_storages_own_names():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        MEDIA_STORAGE,
        DJANGO_DEBUG="1",
        AWS_STORAGE_BUCKET_NAME="catalogue-media",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000",
        AWS_S3_REGION_NAME="eu-west-1",
        AWS_ACCESS_KEY_ID="key-id",
        AWS_SECRET_ACCESS_KEY="secret",
        AWS_S3_ADDRESSING_STYLE="virtual",
    )

    assert result.stdout.splitlines() == [
        "BucketStorage /media/logos/a%20b.png",
        "catalogue-media http://127.0.0.1:9000 eu-west-1 key-id False",
        "{'addressing_style': 'virtual'} 3",
    ], result.stderr


def test_without_a_bucket_the_media_stay_in_the_media_folder():
    environment = {name: "" for name in os.environ if name.startswith("AWS_")}

    result = run_manage(
        "shell", "--no-imports", "-c", MEDIA_STORAGE, DJANGO_DEBUG="1", **environment
    )

    assert result.stdout.splitlines()[0] == "FileSystemStorage /media/logos/a%20b.png"
