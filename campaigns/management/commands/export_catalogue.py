"""``manage.py export_catalogue FOLDER``: write the published catalogue to a folder."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaigns.exporting import EXPORT_FILES, ExportError, export_catalogue


class Command(BaseCommand):
    """Write the whole published catalogue to a folder as natural-key fixtures and CSVs."""

    help = (
        "Write the published catalogue to DIR: "
        + ", ".join(EXPORT_FILES)
        + ". The fixtures load with load_catalogue into any database; the output is "
        "deterministic, so exporting the same catalogue twice gives identical files. "
        "Existing files are never overwritten without --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "directory",
            type=Path,
            metavar="DIR",
            help="The folder to write to (created if missing; its parent must exist).",
        )
        parser.add_argument(
            "--force", action="store_true", help="Overwrite export files already in DIR."
        )
        parser.add_argument(
            "--base-url",
            default="",
            metavar="URL",
            help="Prefix for the page addresses in the CSVs, e.g. https://catalogue.example.org "
            "(default: the addresses are paths such as /campaigns/a-slug/).",
        )

    def handle(self, *args, directory, force, base_url, **options):
        try:
            files = export_catalogue(directory=directory, force=force, base_url=base_url)
        except ExportError as error:
            raise CommandError(str(error)) from error
        lines = [f"Exported the published catalogue to {directory}:"]
        lines += [
            f"  {file.name}: {file.rows:,} {'rows' if file.name.endswith('.csv') else 'records'}"
            for file in files
        ]
        self.stdout.write(self.style.SUCCESS("\n".join(lines)))
