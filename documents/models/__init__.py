"""The documents library: per-unit lists, documents and their relations and files,
drafts open for consultation and the opinions citizens send on them."""

from documents.models.attachment import DocumentAttachment, DraftAttachment
from documents.models.document import (
    Document,
    DocumentQuerySet,
    DocumentRelation,
    EffectStatus,
)
from documents.models.draft import Draft, Opinion
from documents.models.lists import DocumentType, IssuingBody, Sector, Signer

__all__ = [
    "Document",
    "DocumentAttachment",
    "DocumentQuerySet",
    "DocumentRelation",
    "DocumentType",
    "Draft",
    "DraftAttachment",
    "EffectStatus",
    "IssuingBody",
    "Opinion",
    "Sector",
    "Signer",
]
