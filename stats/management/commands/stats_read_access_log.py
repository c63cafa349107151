"""Count the page views nginx logged (STATS_COUNTED_BY=access_log).

    manage.py stats_read_access_log /var/log/nginx/portal-count.log [--follow]

Reads what was added to the log since the last run and counts it (see
stats/access_log.py); safe to stop at any moment and to run twice at once.
With --follow it reads again every --every seconds (10 by default), which keeps
"Lượt xem" and the visit counter well inside their minute of lag; run it so as
a service beside gunicorn (README, "Behind nginx").
"""

import logging
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from stats import access_log

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Count the page views in nginx's counting log since the last read."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the file of nginx's `portal_count` log")
        parser.add_argument("--follow", action="store_true", help="keep reading")
        parser.add_argument(
            "--every", type=float, default=10.0, help="seconds between reads"
        )

    def handle(self, *args, path, follow=False, every=10.0, **options):
        while True:
            try:
                lines, views = access_log.read(path)
            except DatabaseError:
                if not follow:
                    raise
                # A database restart: nothing was counted twice or lost (the
                # position moves with the counts); read again next round.
                logger.exception("Reading %s failed", path)
                close_old_connections()
                lines = views = 0
            if lines or not follow:
                self.stdout.write(f"{lines} lines read, {views} page views counted")
            if not follow:
                return
            time.sleep(every)
