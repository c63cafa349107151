"""Trim and flush the access statistics; safe to run from cron at any time.

    manage.py stats_rollup [--dry-run]

Idempotent: it deletes visitor activity not seen for STATS_ACTIVITY_KEEP_HOURS
(only "online now" and the 30-minute visit window read it), first views whose
cookie did not come back in that time, and per-article and
referrer rows older than STATS_RETENTION_DAYS; daily site rows are kept forever
(one tiny row per site per day) and already hold the totals, so nothing needs
folding before the deletes. With STATS_BACKEND=redis it first moves Redis
counters to PostgreSQL. One transaction under an advisory lock, so two runs
never overlap.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from stats.models import DailyArticleViews, DailyReferrer, FirstView, VisitorActivity

LOCK_ID = 0x53544154  # "STAT"


class Command(BaseCommand):
    help = "Delete old visitor activity and old detail rows; flush Redis counters."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Print what would be done."
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        seen_before = now - timedelta(hours=settings.STATS_ACTIVITY_KEEP_HOURS)
        kept_from = timezone.localdate(now) - timedelta(
            days=settings.STATS_RETENTION_DAYS
        )
        verb = "Would delete" if dry_run else "Deleted"
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [LOCK_ID])
                if not cursor.fetchone()[0]:
                    self.stdout.write("Another stats_rollup is running: nothing done.")
                    return
            if settings.STATS_BACKEND == "redis":
                self.flush_redis(dry_run)
            for label, queryset in (
                (
                    f"visitor activity rows not seen since {seen_before:%Y-%m-%d %H:%M}",
                    VisitorActivity.objects.filter(last_seen__lt=seen_before),
                ),
                (
                    f"first views whose cookie did not come back by {seen_before:%Y-%m-%d %H:%M}",
                    FirstView.objects.filter(seen_at__lt=seen_before),
                ),
                (
                    f"daily article rows before {kept_from}",
                    DailyArticleViews.objects.filter(date__lt=kept_from),
                ),
                (
                    f"daily referrer rows before {kept_from}",
                    DailyReferrer.objects.filter(date__lt=kept_from),
                ),
            ):
                count = queryset.count() if dry_run else queryset.delete()[0]
                self.stdout.write(f"{verb} {count} {label}.")

    def flush_redis(self, dry_run):
        from stats import redis_backend

        moved = redis_backend.flush(dry_run=dry_run)
        verb = "Would flush" if dry_run else "Flushed"
        for key, counts in moved:
            self.stdout.write(f"{verb} {key}: {dict(sorted(counts.items()))}")
        if not moved:
            self.stdout.write("No Redis counters to flush.")
