"""Public pages of the documents library: list, detail, downloads, feed."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from documents import files, listing
from documents.forms import DocumentFilterForm
from documents.models import Document, DocumentAttachment, DocumentRelation
from portal.keyset import keyset_page
from portal.saving import saved_copy, wants_saved_copy
from portal.tenancy import set_page_object, user_can_manage_site

DETAIL_TEMPLATE = "documents/document_detail.html"


def visible(queryset, request):
    """Published rows; the unit's staff also preview drafts and scheduled ones."""
    queryset = queryset.for_site(request.site)
    if user_can_manage_site(request.user, request.site):
        return queryset
    return queryset.published()


def document_list(request):
    options = listing.filter_options(request.site)
    form = DocumentFilterForm(request.GET, options=options)
    filters = form.filters()
    documents = listing.apply_filters(
        Document.objects.for_site(request.site).published(), filters, options
    )
    page = keyset_page(
        documents.for_listing().with_replacement(),
        field="issue_date",
        per_page=listing.PER_PAGE,
        after=request.GET.get("sau"),
        before=request.GET.get("truoc"),
    )
    today = timezone.localdate()
    for document in page:
        document.status = document.effect_status(today)
    return render(
        request,
        "documents/document_list.html",
        {
            "form": form,
            "page": page,
            "count": documents.count(),
            "filtered": bool(filters),
        },
    )


def document_detail(request, slug):
    document = get_object_or_404(
        visible(Document.objects, request)
        .select_related("document_type", "sector", "issuing_body", "signer")
        .with_replacement(),
        slug=slug,
    )
    if document.is_public:
        set_page_object(request, document)
    public = Document.objects.published().values("pk")
    outgoing = document.outgoing_relations.filter(target__in=public).select_related(
        "target"
    )
    incoming = document.incoming_relations.filter(source__in=public).select_related(
        "source"
    )
    incoming = list(incoming)
    relations = [(r.get_kind_display(), r.target) for r in outgoing] + [
        (r.inverse_label, r.source) for r in incoming
    ]
    replaced_by = [
        r.source for r in incoming if r.kind == DocumentRelation.Kind.REPLACES
    ]
    context = {
        "document": document,
        "status": document.effect_status(),
        "replaced_by": replaced_by,
        "relations": relations,
        "attachments": list(document.attachments.all()),
    }
    if wants_saved_copy(request) and document.is_public:
        title = f"{document.document_type.name} {document.number}"
        return saved_copy(request, DETAIL_TEMPLATE, context, title=title)
    return render(request, DETAIL_TEMPLATE, context)


def document_download(request, slug, pk):
    attachment = get_object_or_404(
        DocumentAttachment.objects.select_related("document"),
        pk=pk,
        document__in=visible(Document.objects, request).filter(slug=slug).values("pk"),
    )
    return files.download_response(attachment)
