from django.core.management.base import BaseCommand, CommandError

from articles import importers
from articles.management.commands._importing import (
    add_common_arguments,
    resolve,
    write_report,
)


class Command(BaseCommand):
    help = (
        "Import an old portal's RSS 2.0 or Atom feed (a file or an http(s) "
        "address) as draft articles, with their images; safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="File path or http(s) address of the feed.")
        add_common_arguments(parser, category_required=True)

    def handle(self, *args, **options):
        site, user, category = resolve(options)
        allow = options["allow_private_addresses"]
        try:
            data = importers.read_source(options["source"], allow_private=allow)
            entries = list(importers.feed_entries(data))
        except (OSError, ValueError, importers.FetchError) as error:
            raise CommandError(str(error)) from error
        report = importers.import_entries(
            entries,
            site=site,
            category=category,
            user=user,
            source=options["source"],
            allow_private=allow,
        )
        write_report(self, report)
