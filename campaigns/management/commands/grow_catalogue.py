"""``manage.py grow_catalogue N``: add grown cases, for measuring."""

from django.core.management.base import BaseCommand, CommandError

from campaigns.growing import GrowthRefused, grow_catalogue


class Command(BaseCommand):
    """Add N grown cases to this database, for measuring how the catalogue copes with size."""

    help = (
        "Add N realistic grown cases (about 5% drafts) with platforms, a source, two tags, "
        "participants and two figures each, in bulk and in one transaction; the same --seed "
        "grows the same cases. For benchmarks: refuses a database holding real edits unless "
        "--yes."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, metavar="N", help="How many cases to add.")
        parser.add_argument("--seed", type=int, default=0, help="Grow the same cases again.")
        parser.add_argument(
            "--drafts",
            type=float,
            default=0.05,
            metavar="SHARE",
            help="The share of grown cases left as drafts, 0 to 1 (default 0.05).",
        )
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Grow even a database holding campaigns or admin changes of real curators.",
        )

    def handle(self, *args, count, seed, drafts, yes, verbosity, **options):
        if count < 1:
            raise CommandError("N must be at least 1.")
        if not 0 <= drafts <= 1:
            raise CommandError("--drafts is a share between 0 and 1, such as 0.05.")
        progress = self.stdout.write if verbosity >= 2 else None
        try:
            report = grow_catalogue(
                count=count, seed=seed, draft_share=drafts, allow_real_edits=yes, progress=progress
            )
        except GrowthRefused as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(report.summary()))
