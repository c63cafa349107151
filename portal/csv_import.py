"""Importing rows from a CSV file of an old portal, with a dry run, for any app.

An app describes its columns (Vietnamese headers as staff write them, matched
without accents or case) and how one row becomes a row of its own
(`Importer.import_row`, which raises ValidationError with Vietnamese messages).
`run()` reads the file, imports each row in its own savepoint and reports per
line what was created, what was already there and what was wrong; with
`dry_run` everything is rolled back at the end, so staff see the full report
before anything is written. Both the admin page (`CsvImportAdminMixin`) and the
management commands use it.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.text import search_normalize

MAX_BYTES = 5 * 1024 * 1024


@dataclass
class Report:
    dry_run: bool
    created: list = field(default_factory=list)  # (line, text)
    existing: list = field(default_factory=list)  # (line, text)
    errors: list = field(default_factory=list)  # (line, [messages])

    @property
    def ok(self):
        return not self.errors


def header_key(text):
    return search_normalize(text).replace("_", " ")


def parse_date(value, label):
    """'05/03/2024' → date; '' → None; otherwise a Vietnamese error."""
    value = (value or "").strip()
    if not value:
        return None
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValidationError(
        _("%(column)s “%(value)s” is not a date written dd/mm/yyyy.")
        % {"column": label, "value": value}
    )


class Importer:
    """Subclass: `columns` {key: (header, required)}, `import_row(values) → (created, text)`."""

    columns = {}

    def __init__(self, *, site, user, request=None, **options):
        self.site, self.user, self.request = site, user, request
        self.options = options

    def read(self, data):
        """Rows of the CSV bytes as {key: text}, with their line numbers."""
        if len(data) > MAX_BYTES:
            raise ValidationError(_("The file is larger than 5 MB; split it."))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(
                _(
                    "The file is not UTF-8 text; in Excel choose “CSV UTF-8” when saving."
                )
            ) from None
        first = text.split("\n", 1)[0]
        delimiter = max(",;\t", key=first.count)
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        headers = next(reader, None)
        if not headers:
            raise ValidationError(_("The file is empty."))
        by_header = {
            header_key(header): key for key, (header, _r) in self.columns.items()
        }
        keys = [by_header.get(header_key(header)) for header in headers]
        missing = [
            header
            for key, (header, required) in self.columns.items()
            if required and key not in keys
        ]
        if missing:
            raise ValidationError(
                _("Columns missing from the first line: %(columns)s.")
                % {"columns": ", ".join(missing)}
            )
        for line, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            values = {key: "" for key in self.columns}
            for key, cell in zip(keys, cells, strict=False):
                if key:
                    values[key] = cell.strip()
            yield line, values

    def required(self, values, key):
        if not values[key]:
            raise ValidationError(
                _("“%(column)s” is empty.") % {"column": self.columns[key][0]}
            )
        return values[key]

    def import_row(self, values):
        raise NotImplementedError

    def run(self, data, *, dry_run):
        report = Report(dry_run=dry_run)
        with transaction.atomic():
            for line, values in self.read(data):
                try:
                    with transaction.atomic():
                        created, text = self.import_row(values)
                except ValidationError as error:
                    report.errors.append((line, error.messages))
                    continue
                (report.created if created else report.existing).append((line, text))
            if dry_run:
                transaction.set_rollback(True)
        return report


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV file (UTF-8)"))
    dry_run = forms.BooleanField(
        label=gettext_lazy("Dry run: check every row, write nothing"),
        required=False,
        initial=True,
    )
    publish = forms.BooleanField(
        label=gettext_lazy("Publish the imported rows at once (approvers only)"),
        required=False,
    )


class CsvImportAdminMixin:
    """An "Import from CSV" page on a ModelAdmin; set `importer` (an Importer class)."""

    importer = None
    import_template = "portal/admin/csv_import.html"
    # The change list with an "Import from CSV" button.
    change_list_template = "portal/admin/change_list_with_import.html"

    def get_urls(self):
        meta = self.model._meta
        return [
            path(
                "nhap-csv/",
                self.admin_site.admin_view(self.import_view),
                name=f"{meta.app_label}_{meta.model_name}_import",
            ),
            *super().get_urls(),
        ]

    def import_options(self, request, form):
        return {"publish": form.cleaned_data["publish"]}

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        report = error = None
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            importer = self.importer(
                site=request.site,
                user=request.user,
                request=request,
                **self.import_options(request, form),
            )
            try:
                report = importer.run(
                    form.cleaned_data["file"].read(),
                    dry_run=form.cleaned_data["dry_run"],
                )
            except ValidationError as problem:
                error = " ".join(problem.messages)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import %(items)s from CSV")
            % {"items": self.model._meta.verbose_name_plural},
            "form": form,
            "report": report,
            "error": error,
            "columns": self.importer.columns.values(),
        }
        return TemplateResponse(request, self.import_template, context)


class ImportCommand(BaseCommand):
    """Base of `manage.py import_<things> FILE --site DOMAIN --user NAME [--apply]`."""

    importer = None

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file (UTF-8), first line the headers.")
        parser.add_argument("--site", help="Domain of the unit (default: the first).")
        parser.add_argument(
            "--user", required=True, help="Staff user recorded in the revisions."
        )
        parser.add_argument(
            "--apply",
            action="store_true",
            help="Write the rows (without it: a dry run that only reports).",
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish the imported rows."
        )

    def handle(self, *args, **options):
        from django.contrib.auth import get_user_model
        from django.contrib.sites.models import Site

        sites = Site.objects.order_by("id")
        site = (
            sites.filter(domain=options["site"]).first()
            if options["site"]
            else sites.first()
        )
        if site is None:
            raise CommandError(f"No site with domain {options['site']!r}.")
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"No user {options['user']!r}.")
        importer = self.importer(site=site, user=user, publish=options["publish"])
        with open(options["file"], "rb") as file:
            try:
                report = importer.run(file.read(), dry_run=not options["apply"])
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
        for line, problems in report.errors:
            self.stdout.write(f"{_('Line')} {line}: {' '.join(problems)}")
        self.stdout.write(
            _("%(created)s new, %(existing)s already there, %(errors)s with errors.")
            % {
                "created": len(report.created),
                "existing": len(report.existing),
                "errors": len(report.errors),
            }
            + ("" if options["apply"] else " " + _("Dry run: nothing was written."))
        )
        if report.errors:
            raise CommandError(_("Some rows have errors."))
