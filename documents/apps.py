from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents")

    def ready(self):
        from documents import merging

        merging.register()

        from documents.models import (
            Document,
            DocumentAttachment,
            DocumentRelation,
            DocumentType,
            Draft,
            DraftAttachment,
            IssuingBody,
            Sector,
            Signer,
        )
        from portal import pagecache

        pagecache.watch(Document, Draft, DocumentType, IssuingBody, Sector, Signer)
        pagecache.watch(DocumentAttachment, site=lambda a: a.document.site_id)
        pagecache.watch(DraftAttachment, site=lambda a: a.draft.site_id)
        pagecache.watch(
            DocumentRelation, site=lambda r: {r.source.site_id, r.target.site_id}
        )
        from documents import signals  # noqa: F401
        from documents.models import Document, Draft, Opinion
        from documents.sitemaps import DocumentSitemap, DraftSitemap
        from portal import menu, personal_data, roles, search, sitemaps

        menu.register(
            "documents", label=_("Documents"), url_name="documents:list", order=30
        )
        menu.register(
            "drafts",
            label=_("Drafts for consultation"),
            url_name="documents:drafts",
            order=31,
        )

        # Editors enter documents, drafts and their files, and add names to the
        # unit's lists; approvers publish; the unit administrator prunes the lists.
        roles.grant(
            roles.Role.EDITOR,
            "documents.view_document",
            "documents.add_document",
            "documents.change_document",
            "documents.delete_document",
            "documents.view_documentattachment",
            "documents.add_documentattachment",
            "documents.change_documentattachment",
            "documents.delete_documentattachment",
            "documents.view_documentrelation",
            "documents.add_documentrelation",
            "documents.change_documentrelation",
            "documents.delete_documentrelation",
            "documents.view_draft",
            "documents.add_draft",
            "documents.change_draft",
            "documents.delete_draft",
            "documents.view_draftattachment",
            "documents.add_draftattachment",
            "documents.change_draftattachment",
            "documents.delete_draftattachment",
            "documents.view_documenttype",
            "documents.add_documenttype",
            "documents.change_documenttype",
            "documents.view_sector",
            "documents.add_sector",
            "documents.change_sector",
            "documents.view_issuingbody",
            "documents.add_issuingbody",
            "documents.change_issuingbody",
            "documents.view_signer",
            "documents.add_signer",
            "documents.change_signer",
        )
        # Opinions carry citizens' contacts: approvers read and export them.
        roles.grant(
            roles.Role.APPROVER,
            "documents.publish_document",
            "documents.publish_draft",
            "documents.view_opinion",
        )
        roles.grant(
            roles.Role.UNIT_ADMIN,
            "documents.delete_documenttype",
            "documents.delete_sector",
            "documents.delete_issuingbody",
            "documents.delete_signer",
        )

        sitemaps.register("van-ban", DocumentSitemap)
        sitemaps.register("du-thao", DraftSitemap)
        search.register(
            search.SearchSource(
                kind="van-ban",
                label=_("Documents"),
                model=Document,
                queryset=lambda site: (
                    Document.objects.for_site(site)
                    .published()
                    .select_related("document_type")
                ),
                title=lambda doc: f"{doc.number} – {doc.summary}",
                text=lambda doc: " ".join([doc.document_type.name, doc.summary]),
                date=lambda doc: doc.issue_date,
                order=20,
            )
        )
        search.register(
            search.SearchSource(
                kind="du-thao",
                label=_("Drafts for consultation"),
                model=Draft,
                queryset=lambda site: Draft.objects.for_site(site).published(),
                title=lambda draft: draft.title,
                text=lambda draft: draft.summary,
                date=lambda draft: draft.opens_on,
                order=30,
            )
        )
        # Contacts are for staff only; what the opinion says stays for the file.
        personal_data.register(
            Opinion,
            erased={"name": "", "email": "", "phone": ""},
            phone_field="phone",
            email_field="email",
            export_fields=("name", "email", "phone", "clause", "content", "created_at"),
        )

    def load_demo(self, site):
        """Called by portal's load_demo (see portal/demo)."""
        from documents import demo

        return demo.load(site)
