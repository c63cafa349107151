from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.models import Article
from portal import demo


class Command(BaseCommand):
    help = (
        "Load the demo content (the five seed pages, their unit profile and "
        "categories) into a site. Safe to run again: nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has articles (used by make run).",
        )
        parser.add_argument("--site", help="Domain of the site (default: the first).")

    def handle(self, *args, **options):
        sites = Site.objects.order_by("id")
        site = (
            sites.filter(domain=options["site"]).first()
            if options["site"]
            else sites.first()
        )
        if site is None:
            raise CommandError(f"No site with domain {options['site']!r}.")
        if options["if_empty"] and Article.objects.filter(site=site).exists():
            self.stdout.write(f"{site.domain}: has articles, demo content not loaded.")
            return
        with transaction.atomic():
            created, existing = demo.load(site)
            others = list(demo.load_apps(site))
        self.stdout.write(
            f"{site.domain}: {created} demo articles created, {existing} already there."
        )
        for line in others:
            self.stdout.write(line)
