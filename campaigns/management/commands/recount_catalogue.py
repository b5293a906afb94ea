"""``manage.py recount_catalogue``: work out everything derived from the rows again."""

from django.core.management.base import BaseCommand
from django.db import connection

from campaigns import derived


class Command(BaseCommand):
    """Recount the counts and visibility flags kept on rows, from the rows themselves."""

    help = (
        "Recount every count and visibility flag the catalogue keeps on its rows (published "
        "campaigns per platform, tag, organisation and source, figures per campaign and "
        "source, which organisations and sources are public) and write every search document "
        "again. Saves, deletes, loads and publishing keep them in step; run this after changing "
        "the database by other means."
    )

    def handle(self, *args, **options):
        # On PostgreSQL not one transaction: each statement is its own, so that the search
        # documents are written on several connections at once (``search/documents.py``).
        # Every value written is worked out from committed rows, so a recount stopped halfway
        # leaves right values beside stale ones, as before it began, and running it again
        # completes it. SQLite has one writer, and would commit each row of a batch on its own.
        with derived.unit(atomic=connection.vendor != "postgresql"):
            # What pages show may have changed with the counts: cached pages and the
            # catalogue's summary are made again.
            derived.everything_changed()
        self.stdout.write(self.style.SUCCESS("Recounted the catalogue."))
