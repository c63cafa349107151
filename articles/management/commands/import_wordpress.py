from django.core.management.base import BaseCommand, CommandError

from articles import importers
from articles.management.commands._importing import (
    add_common_arguments,
    resolve,
    write_report,
)
from articles.wordpress import wxr_entries


class Command(BaseCommand):
    help = (
        "Import the posts of a WordPress export (WXR) as draft articles: their "
        "categories, authors as bylines, images and featured images; safe to "
        "run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The export file (.xml).")
        add_common_arguments(parser, category_required=False)

    def handle(self, *args, **options):
        site, user, category = resolve(options)
        try:
            with open(options["export"], "rb") as file:
                entries = list(wxr_entries(file.read()))
        except Exception as error:  # defusedxml refusals, broken XML, I/O
            raise CommandError(
                f"{options['export']}: not a readable WordPress export ({error})."
            ) from error
        if category is None:
            from articles.importers import category_named

            category = category_named(site, "Tin tức", None)
        report = importers.import_entries(
            entries,
            site=site,
            category=category,
            user=user,
            source=options["export"],
            allow_private=options["allow_private_addresses"],
            by_category=True,
        )
        write_report(self, report)
