"""Write one dated backup archive (database + media + manifest) and prune old ones.

    manage.py backup [--dir DIR] [--keep N]

DIR defaults to BACKUP_DIR, else var/backups/; the N newest archives are kept
(BACKUP_KEEP, default 14). Run it from cron (README).
"""

import subprocess

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump) and the media into one dated archive."

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="Where archives are written.")
        parser.add_argument("--keep", type=int, help="How many archives to keep.")

    def handle(self, *args, dir=None, keep=None, **options):
        try:
            path = create_backup(directory=dir, keep=keep)
        except (BackupError, subprocess.CalledProcessError) as error:
            detail = getattr(error, "stderr", b"") or b""
            raise CommandError(f"{error} {detail.decode(errors='replace')}") from None
        self.stdout.write(str(path))
