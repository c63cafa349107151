from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents")

    def ready(self):
        from documents import signals  # noqa: F401
        from documents.models import Document, Draft, Opinion
        from documents.sitemaps import DocumentSitemap, DraftSitemap
        from portal import personal_data, search, sitemaps

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
