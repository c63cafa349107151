from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from portal.mergers import services


class Command(BaseCommand):
    help = (
        "Merge former units into a new one (or divide one among several): move "
        "their content, redirect their old addresses, archive them. One "
        "transaction: all or nothing. Try --dry-run first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--into",
            nargs="+",
            required=True,
            metavar="NEW",
            help="Host name of the new unit (several: the former unit is divided; "
            "the first gets what --assign does not give to another).",
        )
        parser.add_argument(
            "--from",
            dest="sources",
            nargs="+",
            required=True,
            metavar="OLD",
            help="Host names of the former units.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report, change nothing."
        )
        parser.add_argument("--csv", metavar="FILE", help="Also write the report here.")
        parser.add_argument(
            "--assign",
            metavar="FILE",
            help="CSV of kind,slug,new-unit-host lines (kind: category or article) "
            "deciding which new unit gets what when a unit is divided.",
        )
        parser.add_argument(
            "--date", help="Effective date, YYYY-MM-DD (default 2025-07-01)."
        )

    def handle(self, *args, **options):
        try:
            into = services.sites_by_domain(options["into"])
            sources = services.sites_by_domain(options["sources"])
            assignments = {}
            if options["assign"]:
                text = Path(options["assign"]).read_text(encoding="utf-8")
                assignments = services.parse_assignments(text, into)
            extra = {}
            if options["date"]:
                from datetime import date

                extra["date"] = date.fromisoformat(options["date"])
            result = services.merge_units(
                into=into,
                sources=sources,
                assignments=assignments,
                dry_run=options["dry_run"],
                **extra,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(result.text())
        if options["csv"]:
            Path(options["csv"]).write_text(result.csv(), encoding="utf-8")
