"""The public list of documents: its filters and its pages.

The filter choices (the unit's types, fields, issuing bodies and the years that
have documents) appear on every list page, so they are read once into the
shared cache and dropped from it whenever a document or a list entry changes.

Pages are read by keyset ("the rows after this date and id"), never by
OFFSET: page 500 costs what page 1 costs, because PostgreSQL starts its index
scan at the cursor instead of reading and throwing away every earlier row.
"""

from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db.models.functions import ExtractYear

from documents.models import Document, DocumentType, IssuingBody, Sector

OPTIONS_SECONDS = 600
PER_PAGE = 20


def options_key(site_id):
    return f"documents:options:{site_id}"


def forget_options(site_id):
    cache.delete(options_key(site_id))


def filter_options(site):
    """{'types': [(slug, name)], …, 'years': [2026, 2025…], 'ids': {...}}."""
    options = cache.get(options_key(site.pk))
    if options is None:
        options, ids = {}, {}
        for name, model in (
            ("types", DocumentType),
            ("sectors", Sector),
            ("bodies", IssuingBody),
        ):
            rows = list(model.objects.for_site(site).values_list("slug", "name", "pk"))
            options[name] = [(slug, label) for slug, label, _pk in rows]
            ids[name] = {slug: pk for slug, _label, pk in rows}
        options["ids"] = ids
        # order_by(): the model's ordering would make DISTINCT per document.
        options["years"] = sorted(
            Document.objects.for_site(site)
            .published()
            .order_by()
            .annotate(year=ExtractYear("issue_date"))
            .values_list("year", flat=True)
            .distinct(),
            reverse=True,
        )
        cache.set(options_key(site.pk), options, OPTIONS_SECONDS)
    return options


def apply_filters(documents, filters, options):
    """`documents` narrowed by the valid filters of DocumentFilterForm."""
    ids = options["ids"]
    if "q" in filters:
        documents = documents.search(filters["q"])
    for field, model_field, key in (
        ("loai", "document_type_id", "types"),
        ("linh_vuc", "sector_id", "sectors"),
        ("co_quan", "issuing_body_id", "bodies"),
    ):
        if field in filters:
            documents = documents.filter(**{model_field: ids[key][filters[field]]})
    if "nam" in filters:
        year = filters["nam"]
        documents = documents.filter(
            issue_date__gte=date(year, 1, 1), issue_date__lt=date(year + 1, 1, 1)
        )
    if "hieu_luc" in filters:
        documents = documents.in_effect_status(filters["hieu_luc"])
    return documents


@dataclass
class KeysetPage:
    """One page of rows ordered by (issue_date, id) descending."""

    rows: list
    newer: str | None  # cursor for the link to newer documents
    older: str | None  # cursor for the link to older documents

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)

    @property
    def has_other_pages(self):
        return bool(self.newer or self.older)


def cursor_of(row):
    return f"{row.issue_date:%Y-%m-%d}.{row.pk}"


def parse_cursor(value):
    try:
        day, pk = (value or "").split(".")
        return date.fromisoformat(day), int(pk)
    except ValueError:
        return None


def keyset_page(queryset, *, after=None, before=None, per_page=PER_PAGE):
    """The page after cursor `after` (older rows) or before `before` (newer rows)."""
    if before := parse_cursor(before):
        day, pk = before
        newer_rows = (
            queryset.filter(issue_date__gte=day)
            .exclude(issue_date=day, id__lte=pk)
            .order_by("issue_date", "id")[: per_page + 1]
        )
        rows = list(newer_rows)
        more_newer = len(rows) > per_page
        rows = rows[:per_page][::-1]
        return KeysetPage(
            rows=rows,
            newer=cursor_of(rows[0]) if more_newer and rows else None,
            older=cursor_of(rows[-1]) if rows else None,
        )
    if after := parse_cursor(after):
        day, pk = after
        queryset = queryset.filter(issue_date__lte=day).exclude(
            issue_date=day, id__gte=pk
        )
    rows = list(queryset.order_by("-issue_date", "-id")[: per_page + 1])
    more_older = len(rows) > per_page
    rows = rows[:per_page]
    return KeysetPage(
        rows=rows,
        newer=cursor_of(rows[0]) if after and rows else None,
        older=cursor_of(rows[-1]) if more_older else None,
    )
