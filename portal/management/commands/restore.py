"""Restore a backup archive into the empty database named by DATABASE_URL.

    manage.py restore var/backups/portal-20261124-020000.tar

Checks the manifest's checksums first; creates the database when it does not
exist; refuses a database that already has tables; copies the media into
MEDIA_ROOT.
"""

import subprocess

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup archive into an empty database, with its media."

    def add_arguments(self, parser):
        parser.add_argument("archive")

    def handle(self, *args, archive, **options):
        try:
            summary = restore_backup(archive)
        except (BackupError, subprocess.CalledProcessError) as error:
            detail = getattr(error, "stderr", b"") or b""
            raise CommandError(f"{error} {detail.decode(errors='replace')}") from None
        self.stdout.write(
            f"Restored the backup of {summary['created_at']} "
            f"({summary['media_files']} media files)."
        )
