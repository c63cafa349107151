from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from portal.audit.models import Action, AuditEntry
from portal.audit.services import record

BATCH = 5000


class Command(BaseCommand):
    help = (
        "Delete audit log entries older than AUDIT_RETENTION_DAYS (default and "
        "minimum 730 days). Safe to run at any time; --dry-run only counts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say how many would go; delete none."
        )

    def handle(self, *args, dry_run=False, **options):
        days = settings.AUDIT_RETENTION_DAYS
        if days < settings.AUDIT_MIN_RETENTION_DAYS:
            raise CommandError(
                f"AUDIT_RETENTION_DAYS is {days}; the log is kept at least "
                f"{settings.AUDIT_MIN_RETENTION_DAYS} days. Nothing deleted."
            )
        cutoff = timezone.now() - timedelta(days=days)
        old = AuditEntry.objects.filter(created_at__lt=cutoff)
        shown = timezone.localtime(cutoff).strftime("%d/%m/%Y %H:%M")
        if dry_run:
            self.stdout.write(
                f"{old.count()} audit entries older than {shown} would be deleted."
            )
            return
        deleted = 0
        while True:
            with transaction.atomic():
                batch = list(old.order_by("id").values_list("id", flat=True)[:BATCH])
                if not batch:
                    break
                deleted += AuditEntry.objects.filter(id__in=batch).delete()[0]
        if deleted:
            # The trimming is itself an entry: the log shows it was trimmed, and when.
            record(
                Action.TRIM,
                summary=f"{deleted} entries older than {shown} deleted "
                f"(AUDIT_RETENTION_DAYS={days}).",
            )
        self.stdout.write(f"{deleted} audit entries older than {shown} deleted.")
