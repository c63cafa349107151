"""What the documents library moves when units merge (DocumentsConfig.ready).

Documents and drafts go to their successor with their files (rows that follow
them; the files stay where they are), their relations and opinions. The unit's
lists (types, areas, issuing bodies, signers) are matched by name onto the
successor's, which remembers the names it lacks. A document the successor
already publishes — the same number from the same issuing body, e.g. a decision
of the province both portals carried — is not copied twice: its old address
leads to the successor's copy.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from documents.models import (
    Document,
    DocumentType,
    Draft,
    IssuingBody,
    Opinion,
    Sector,
    Signer,
)
from portal import merging


def _same(model, obj, target):
    """The successor's entry of the list named as `obj` (added if missing)."""
    return model.remember(target, obj.name) if obj is not None else None


def _document_lists(document, target):
    return {
        "document_type": _same(DocumentType, document.document_type, target),
        "sector": _same(Sector, document.sector, target),
        "issuing_body": _same(IssuingBody, document.issuing_body, target),
        "signer": _same(Signer, document.signer, target),
    }


def _download_urls(document, slug):
    return [
        (
            reverse("documents:download", args=[document.slug, attachment.pk]),
            reverse("documents:download", args=[slug, attachment.pk]),
        )
        for attachment in document.attachments.all()
    ]


def move_documents(ctx, old_site):
    documents = Document.objects.for_site(old_site).select_related(
        "document_type", "sector", "issuing_body", "signer"
    )
    duplicates = []
    for document in documents:
        target = ctx.target_for(old_site, "document", key=document.slug)
        body = IssuingBody.objects.filter(
            site=target, name__iexact=document.issuing_body.name
        ).first()
        existing = (
            Document.objects.filter(
                site=target, issuing_body=body, number_key=document.number_key
            ).first()
            if body is not None
            else None
        )
        if existing is not None:
            duplicates.append(document.pk)
            if document.live:
                ctx.moved(
                    old_site,
                    "documents",
                    document.get_absolute_url(),
                    target,
                    existing.get_absolute_url(),
                )
    ctx.count(old_site, "documents_already_there", len(duplicates))
    movable = documents.exclude(pk__in=duplicates)
    downloads = {
        document.pk: document for document in movable.prefetch_related("attachments")
    }
    moved = merging.move_objects(
        ctx,
        old_site,
        movable,
        kind="documents",
        url_name="documents:detail",
        remap=_document_lists,
    )
    for pk, document in downloads.items():
        if not document.live:
            continue
        moved_row = Document.objects.only("site", "slug").get(pk=pk)
        for old_url, new_url in _download_urls(document, moved_row.slug):
            ctx.moved(old_site, "documents", old_url, moved_row.site, new_url)
    return moved


def _draft_lists(draft, target):
    return {
        "document_type": _same(DocumentType, draft.document_type, target),
        "sector": _same(Sector, draft.sector, target),
        "drafting_body": _same(IssuingBody, draft.drafting_body, target),
    }


def move_drafts(ctx, old_site):
    drafts = Draft.objects.for_site(old_site).select_related(
        "document_type", "sector", "drafting_body"
    )
    moved = merging.move_objects(
        ctx,
        old_site,
        drafts,
        kind="drafts",
        url_name="documents:draft",
        remap=_draft_lists,
    )
    # Opinions follow their draft (the unit that reads them is the draft's).
    opinions = list(
        Opinion.objects.filter(site=old_site)
        .exclude(draft__site=old_site)
        .select_related("draft")
    )
    for opinion in opinions:
        Opinion.objects.filter(pk=opinion.pk).update(site=opinion.draft.site_id)
    ctx.count(old_site, "opinions", len(opinions))
    return moved


def register():
    merging.register(
        merging.Mover("documents", gettext_lazy("Documents"), move_documents, 40)
    )
    merging.register(
        merging.Mover(
            "documents_already_there",
            gettext_lazy("Documents the new unit already had"),
            lambda ctx, site: 0,
            41,
        )
    )
    merging.register(
        merging.Mover(
            "drafts", gettext_lazy("Drafts for consultation"), move_drafts, 45
        )
    )
    merging.register(
        merging.Mover("opinions", gettext_lazy("Opinions"), lambda ctx, site: 0, 46)
    )
    merging.register_same_path("documents:list", "documents:drafts", "documents:feed")
