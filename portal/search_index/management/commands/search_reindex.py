from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal import search
from portal.search_index.indexing import reindex


class Command(BaseCommand):
    help = (
        "Rebuild the search index from what each unit publishes (after a bulk "
        "import, or when an app starts offering a new kind to search). Safe to "
        "run at any time."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site", help="Domain of one unit (default: every unit).")
        parser.add_argument(
            "--kind",
            action="append",
            help="Only this kind (repeatable): "
            + ", ".join(source.kind for source in search.sources()),
        )

    def handle(self, *args, **options):
        sites = None
        if options["site"]:
            sites = list(Site.objects.filter(domain=options["site"]))
            if not sites:
                raise CommandError(f"No site with domain {options['site']!r}.")
        kinds = options["kind"]
        known = {source.kind for source in search.sources()}
        if kinds and set(kinds) - known:
            raise CommandError(
                f"Unknown kind: {', '.join(sorted(set(kinds) - known))}."
            )
        with transaction.atomic():
            counts = reindex(sites=sites, kinds=kinds)
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count} entries")
