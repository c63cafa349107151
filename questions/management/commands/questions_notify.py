"""E-mail the askers of published answers who have not been told yet.

    manage.py questions_notify

Publishing tells the asker at once; this catches what failed then (the mail
server was down). Safe to run from cron at any time: each asker is told once.
"""

from django.core.management.base import BaseCommand

from questions.models import Question
from questions.services import notify_asker


class Command(BaseCommand):
    help = "E-mail askers whose answer is published and who were not told yet."

    def handle(self, *args, **options):
        pending = (
            Question.objects.published()
            .filter(notified_at__isnull=True)
            .exclude(asker_email="")
            .values_list("pk", flat=True)
        )
        sent = sum(notify_asker(pk) for pk in pending)
        self.stdout.write(f"Told {sent} of {len(pending)} askers.")
