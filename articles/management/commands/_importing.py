"""What import_feed and import_wordpress share: the unit, the user, the report."""

from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core.management.base import CommandError

from articles.models import Article, Category
from portal.workflow.services import can


def add_common_arguments(parser, category_required):
    parser.add_argument("--site", required=True, help="Host name of the unit.")
    parser.add_argument(
        "--category",
        required=category_required,
        help="Slug or name of the unit's category the articles go in"
        + ("" if category_required else " when a post has none"),
    )
    parser.add_argument(
        "--user",
        required=True,
        help="User name of the staff member responsible for the import (drafts, "
        "revisions and the audit log carry it).",
    )
    parser.add_argument(
        "--allow-private-addresses",
        action="store_true",
        help="Also fetch from private and loopback addresses (tests only).",
    )


def resolve(options):
    site = Site.objects.filter(domain__iexact=options["site"]).first()
    if site is None:
        raise CommandError(f"No unit has the host name {options['site']!r}.")
    user = get_user_model().objects.filter(username=options["user"]).first()
    if user is None or not can(user, "change", Article(site=site)):
        raise CommandError(
            f"{options['user']!r} may not write articles for {site.domain}."
        )
    category = None
    if options.get("category"):
        wanted = options["category"]
        categories = Category.objects.for_site(site)
        category = (
            categories.filter(slug=wanted).first()
            or categories.filter(name__iexact=wanted).first()
        )
        if category is None:
            raise CommandError(f"{site.domain} has no category {wanted!r}.")
    return site, user, category


def write_report(command, report):
    command.stdout.write(report.text())
