"""Remove a staff member's two-factor devices (a lost or replaced phone).

    manage.py reset_two_factor <user name>

They log in with their password alone next time; superusers and unit
administrators are then asked to set up a new app at once. Written to the
audit log.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal.two_factor import reset


class Command(BaseCommand):
    help = "Remove every two-factor device of one user (lost phone)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"No user named {username!r}.") from None
        removed = reset(user)
        self.stdout.write(f"Removed {removed} two-factor device(s) of {username}.")
