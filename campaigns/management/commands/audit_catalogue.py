"""``manage.py audit_catalogue [--rule CODE]``: list the claims the catalogue cannot back."""

from django.core.management.base import BaseCommand, CommandError

from campaigns import auditing


class Command(BaseCommand):
    """Print the audit's findings grouped by rule; exit non-zero when there are any."""

    help = (
        "Audit the catalogue for claims it cannot back (rules: "
        + ", ".join(auditing.RULE_CODES)
        + "). Prints the findings grouped by rule, each with its record's slug and field, and "
        "exits with status 1 when there are any (0 and one line when there are none)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rule",
            action="append",
            choices=auditing.RULE_CODES,
            metavar="CODE",
            dest="rules",
            help="Run only this rule (repeat for several): " + ", ".join(auditing.RULE_CODES),
        )

    def handle(self, *args, rules=None, **options):
        results = auditing.audit(rules)
        total = sum(len(findings) for _rule, findings in results)
        if not total:
            codes = ", ".join(rule.code for rule, _findings in results)
            self.stdout.write(self.style.SUCCESS(f"No findings ({codes})."))
            return
        for rule, findings in results:
            if not findings:
                continue
            self.stdout.write(
                self.style.MIGRATE_HEADING(f"{rule.code}: {rule.title} ({len(findings)})")
            )
            for finding in findings:
                self.stdout.write(
                    f"  {finding.kind} {finding.slug}, {finding.field_label}: {finding.message}"
                )
            self.stdout.write("")
        raise CommandError(
            f"{total} finding{'s' if total != 1 else ''}: fix them in the admin or the catalogue "
            "files, then audit again.",
            returncode=1,
        )
