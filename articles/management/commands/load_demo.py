from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load the demo content (placeholder, see issue 2)."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true")

    def handle(self, *args, **options):
        self.stdout.write("load_demo: not written yet")
