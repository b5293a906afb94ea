"""``manage.py backup_site FOLDER``: back up the database and the media files."""

from django.core.management.base import BaseCommand, CommandError

from campaigns.backups import BackupError, back_up


class Command(BaseCommand):
    """Write the whole database and the media files to a new folder."""

    help = (
        "Back up the whole database (catalogue, curators, history) and the media files to "
        "FOLDER, which must not exist yet or be empty: PostgreSQL with pg_dump, SQLite with "
        "its backup API. restore_site puts it back."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A new folder to write the backup to.")

    def handle(self, *args, folder, **options):
        try:
            backup = back_up(folder)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the {backup.engine} database and {backup.media_files} media "
                f"file(s) to {backup.folder}."
            )
        )
