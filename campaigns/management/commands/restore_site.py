"""``manage.py restore_site FOLDER``: put the database and the media files back from a backup."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from campaigns.backups import BackupError, read_backup, restore


class Command(BaseCommand):
    """Replace the database and the media files with a backup's."""

    help = (
        "Replace the whole database and the media files with the backup in FOLDER (made by "
        "backup_site), then bring the database's tables up to this code with migrate. "
        "Everything changed since the backup is lost: it asks first, unless --no-input."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A folder backup_site wrote.")
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, folder, interactive, **options):
        try:
            backup = read_backup(folder)
            if interactive:
                answer = input(
                    f"Replace this site's database and media files with the backup of "
                    f"{backup.created_at}? Everything changed since is lost. Type 'yes': "
                )
                if answer.strip().lower() != "yes":
                    raise CommandError("Nothing was restored.")
            restore(folder)
        except BackupError as error:
            raise CommandError(str(error)) from None
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the {backup.engine} database and {backup.media_files} media file(s) "
                f"of {backup.created_at} from {backup.folder}."
            )
        )
