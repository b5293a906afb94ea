"""``manage.py load_catalogue [FILES]``: load the seed catalogue or catalogue files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaigns.loading import FIXTURE_FILES, LoadError, load_catalogue, seed_fixture_paths
from campaigns.models import Campaign
from campaigns.services import Note


class Command(BaseCommand):
    """Load the seed catalogue, or the given JSON files, in one validated transaction."""

    help = (
        "Load catalogue records (Django fixture JSON with natural keys) in one transaction. "
        "With no FILE, loads the seed catalogue from FIXTURE_DIRS: "
        + ", ".join(FIXTURE_FILES)
        + ". Every record is validated; only what differs from the database is saved, so "
        "running it again changes nothing. A bad record stops the load and changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "files",
            nargs="*",
            type=Path,
            metavar="FILE",
            help="JSON files to load, in order (default: the seed catalogue).",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help=(
                "Load only into a catalogue with no campaigns yet, so that a curator's edits "
                "are never put back to the fixture values (what `make run` uses)."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check everything and report what would change, then roll it all back.",
        )
        parser.add_argument(
            "--note",
            default="",
            help=(
                "The public note of the corrections the load makes (figures of published cases "
                "that come to state something else), which readers see under the case."
            ),
        )
        parser.add_argument(
            "--note-zh",
            default="",
            help="The same note in Chinese, for the cases' Chinese pages.",
        )

    def handle(self, *args, files, dry_run, if_empty, verbosity, note, note_zh, **options):
        if if_empty and Campaign.objects.exists():
            self.stdout.write(
                "The catalogue already holds campaigns; nothing loaded (--if-empty). "
                "Run without --if-empty to bring it back to the files."
            )
            return
        paths = files or seed_fixture_paths()
        progress = self.stdout.write if verbosity >= 1 else None
        try:
            report = load_catalogue(
                paths=paths, dry_run=dry_run, progress=progress, note=Note(note, note_zh)
            )
        except LoadError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(report.summary()))
