"""The public list of documents: its filters and its pages.

The filter choices (the unit's types, fields, issuing bodies and the years that
have documents) appear on every list page, so they are read once into the
shared cache and dropped from it whenever a document or a list entry changes.

Pages are read by keyset (portal/keyset.py), never by OFFSET.
"""

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
