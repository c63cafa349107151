"""Erase citizens' phone numbers and e-mail addresses past the retention period.

    manage.py purge_personal_data [--dry-run]

Each unit sets its period on its profile (default 12 months). Idempotent: rows
already erased are not touched again, so cron may run it daily at any hour.
"""

from django.core.management.base import BaseCommand

from portal.personal_data import purge_expired


class Command(BaseCommand):
    help = "Erase personal data older than each unit's retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count, change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        verb = "Would erase" if dry_run else "Erased"
        for site, kind, count in purge_expired(dry_run=dry_run):
            self.stdout.write(
                f"{site.domain}: {verb} personal data of {count} {kind.model._meta.verbose_name_plural}."
            )
