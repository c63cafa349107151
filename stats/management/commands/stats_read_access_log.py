"""Count the page views nginx logged (STATS_COUNTED_BY=access_log), or the app
itself (app_log).

    manage.py stats_read_access_log /var/log/nginx/portal-count.log [--follow]
    manage.py stats_read_access_log --follow    # STATS_LOG_PATH, the app's own

Reads what was added to the log since the last run and counts it (see
stats/access_log.py); safe to stop at any moment and to run twice at once.
With --follow it reads again every --every seconds (10 by default), which keeps
"Lượt xem" and the visit counter well inside their minute of lag; run it so as
a service beside gunicorn (README, "Behind nginx"). `make run` starts it with
--with-parent (scripts/gunicorn_run.py): it stops when that process is gone.
"""

import logging
import os
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from stats import access_log

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Count the page views in nginx's counting log since the last read."

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help="the file of nginx's `portal_count` log (default: STATS_LOG_PATH)",
        )
        parser.add_argument("--follow", action="store_true", help="keep reading")
        parser.add_argument(
            "--every", type=float, default=10.0, help="seconds between reads"
        )
        parser.add_argument(
            "--rotate-over",
            type=int,
            metavar="MB",
            help="move the app's own log to PATH.1 once it is read and over MB "
            "megabytes (make run; never for nginx's log, which logrotate moves)",
        )
        parser.add_argument(
            "--with-parent",
            type=int,
            metavar="PID",
            help="with --follow: stop once process PID is no longer this one's parent",
        )

    def handle(self, *args, path, follow=False, every=10.0, **options):
        path = path or settings.STATS_LOG_PATH
        parent = options.get("with_parent")
        while True:
            try:
                lines, views = access_log.read(path)
                if options.get("rotate_over"):
                    access_log.rotate(path, over=options["rotate_over"] * 1024 * 1024)
            except DatabaseError:
                if not follow:
                    raise
                # A database restart: nothing was counted twice or lost (the
                # position moves with the counts); read again next round.
                logger.exception("Reading %s failed", path)
                close_old_connections()
                lines = views = 0
            if (lines or not follow) and options["verbosity"]:
                self.stdout.write(f"{lines} lines read, {views} page views counted")
            if not follow or (parent and os.getppid() != parent):
                return
            time.sleep(every)
