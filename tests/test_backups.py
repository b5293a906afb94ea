"""Backing up the site and restoring it: the database and the media files, and back, on the
database the suite runs on (SQLite with its backup API, PostgreSQL with pg_dump/pg_restore)."""

import io
import json
import os
import subprocess
import sys

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from PIL import Image

from campaigns.exporting import export_catalogue
from campaigns.models import Campaign, CampaignImage, CatalogueVersion
from tests import factories
from tests.services import PROJECT, fresh_database

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_restore_puts_back_the_database_and_the_media_files_as_backed_up(
    tmp_path, media_root, capsys
):
    kept = factories.CampaignFactory(slug="kept", title="Kept")
    media_root.mkdir(parents=True, exist_ok=True)
    (media_root / "logo.png").write_bytes(b"the logo")
    version = CatalogueVersion.current().key

    call_command("backup_site", str(tmp_path / "backup"))

    assert f"Backed up the {connection.vendor} database and 1 media file(s)" in (
        capsys.readouterr().out
    )
    manifest = json.loads((tmp_path / "backup" / "backup.json").read_text())
    assert manifest["engine"] == connection.vendor and manifest["media_files"] == 1
    Campaign.objects.filter(pk=kept.pk).delete()
    factories.CampaignFactory(slug="lost", title="Made after the backup")
    CatalogueVersion.bump()
    (media_root / "logo.png").write_bytes(b"overwritten")
    (media_root / "new.png").write_bytes(b"made after the backup")

    call_command("restore_site", str(tmp_path / "backup"), interactive=False)

    assert list(Campaign.objects.values_list("slug", flat=True)) == ["kept"]
    assert (media_root / "logo.png").read_bytes() == b"the logo"
    assert not (media_root / "new.png").exists()
    assert CatalogueVersion.current().key == version


def test_a_backup_goes_to_a_new_folder_and_leaves_nothing_when_refused(tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine")

    with pytest.raises(CommandError, match="already holds files: back up to a new folder"):
        call_command("backup_site", str(tmp_path / "full"))

    assert [path.name for path in (tmp_path / "full").iterdir()] == ["notes.txt"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["full"]


def test_a_backup_that_fails_half_way_leaves_no_folder_behind(tmp_path, media_root, monkeypatch):
    media_root.mkdir(parents=True, exist_ok=True)
    (media_root / "logo.png").write_bytes(b"the logo")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("campaigns.backups.shutil.copyfileobj", disk_full)
    with pytest.raises(CommandError, match="could not be written to .*No space left"):
        call_command("backup_site", str(tmp_path / "backup"))

    assert sorted(path.name for path in tmp_path.iterdir()) == ["media"]


def test_a_folder_that_is_not_a_whole_backup_is_refused_and_nothing_changes(tmp_path):
    factories.CampaignFactory(slug="kept")
    (tmp_path / "empty").mkdir()

    with pytest.raises(CommandError, match="is not a backup: it has no backup.json"):
        call_command("restore_site", str(tmp_path / "empty"), interactive=False)

    call_command("backup_site", str(tmp_path / "backup"))
    for database in ("database.pgdump", "database.sqlite3"):
        (tmp_path / "backup" / database).unlink(missing_ok=True)
    with pytest.raises(CommandError, match="is not a whole backup: database.* is missing"):
        call_command("restore_site", str(tmp_path / "backup"), interactive=False)

    assert Campaign.objects.filter(slug="kept").exists()


def test_a_backup_of_another_kind_of_database_is_refused_with_the_way_to_move_the_data(tmp_path):
    call_command("backup_site", str(tmp_path / "backup"))
    manifest = tmp_path / "backup" / "backup.json"
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    manifest.write_text(json.dumps({**json.loads(manifest.read_text()), "engine": other}))

    with pytest.raises(CommandError, match="export_catalogue and load_catalogue"):
        call_command("restore_site", str(tmp_path / "backup"), interactive=False)


def test_a_restore_asks_first_and_an_answer_other_than_yes_restores_nothing(tmp_path, monkeypatch):
    call_command("backup_site", str(tmp_path / "backup"))
    factories.CampaignFactory(slug="made-after")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")

    with pytest.raises(CommandError, match="Nothing was restored"):
        call_command("restore_site", str(tmp_path / "backup"))

    assert Campaign.objects.filter(slug="made-after").exists()


# --------------------------------------------------------------------------- the drill


def files_in(folder):
    """Every file under ``folder`` by its path in it, with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def fresh_site(tmp_path):
    """An empty database of the suite's kind and an empty media folder, for a site of its own:
    the environment of its ``manage.py``, and a function that removes the database."""
    if connection.vendor == "postgresql":
        url, drop = fresh_database("drill")
    else:
        url, drop = f"sqlite:///{tmp_path / 'fresh.sqlite3'}", lambda: None
    keep = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_", "AWS_", "REDIS_"))
    }
    environment = {
        **keep,
        "DATABASE_URL": url,
        "DJANGO_DEBUG": "1",
        "DJANGO_MEDIA_ROOT": str(tmp_path / "fresh-media"),
        "DJANGO_SETTINGS_MODULE": "socialgood.settings",
    }
    return environment, drop


def test_the_backup_drill_a_backup_restored_into_a_fresh_database_exports_the_same_bytes(
    tmp_path, media_root
):
    """What an operator should rehearse: back up, restore into an empty database and media
    folder of another site, and compare the catalogue each exports, byte for byte."""
    call_command("load_catalogue", verbosity=0)
    case = Campaign.objects.public().order_by("slug").first()
    picture = io.BytesIO()
    Image.new("RGB", (1600, 800), (200, 30, 30)).save(picture, format="PNG")
    image = CampaignImage(
        campaign=case, alt_text="Apples", image=ContentFile(picture.getvalue(), "apples.png")
    )
    image.full_clean()
    image.save()
    export_catalogue(directory=tmp_path / "exported")
    call_command("backup_site", str(tmp_path / "backup"))
    environment, drop = fresh_site(tmp_path)
    try:
        for arguments in (
            ["restore_site", str(tmp_path / "backup"), "--no-input"],
            ["export_catalogue", str(tmp_path / "exported-again")],
        ):
            subprocess.run(
                [sys.executable, "manage.py", *arguments, "-v", "0"],
                cwd=PROJECT,
                env=environment,
                check=True,
                capture_output=True,
                timeout=300,
            )
    finally:
        drop()

    exported = files_in(tmp_path / "exported")
    assert len(exported) > 5 and any(b"apples" in data for data in exported.values())
    assert files_in(tmp_path / "exported-again") == exported
    media = files_in(media_root)
    assert len(media) == 5  # the image and its four renditions
    assert files_in(tmp_path / "fresh-media") == media
