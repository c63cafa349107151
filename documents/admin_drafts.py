"""Admin of drafts for consultation and of the opinions citizens sent on them.

Staff read the opinions here, export a draft's opinions (CSV for Excel, or a
printable page for the file) and write the summary of the feedback on the
draft, which its public page shows once the consultation has closed.
"""

import csv

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.models import (
    DocumentType,
    Draft,
    DraftAttachment,
    IssuingBody,
    Opinion,
    Sector,
)
from portal.admin_scoping import SiteScopedAdmin
from portal.phone import display_phone
from portal.workflow.admin import WorkflowAdmin, WorkflowInlineMixin

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


class DraftAttachmentInline(WorkflowInlineMixin, admin.TabularInline):
    model = DraftAttachment
    fields = ["file", "title", "position"]
    extra = 1


@admin.register(Draft)
class DraftAdmin(WorkflowAdmin, SiteScopedAdmin):
    list_display = ["title", "opens_on", "closes_on", "opinion_links", "status", "live"]
    list_filter = ["status", "live"]
    search_fields = ["title", "summary"]
    inlines = [DraftAttachmentInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "document_type",
                    "sector",
                    "drafting_body",
                    "summary",
                    "body",
                    ("opens_on", "closes_on"),
                ]
            },
        ),
        (gettext_lazy("After the consultation"), {"fields": ["feedback_report"]}),
        (gettext_lazy("Publication"), {"fields": ["published_at", "expires_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .defer("body", "feedback_report", "search_text")
            .annotate(opinion_count=Count("opinions"))
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        model = {
            "document_type": DocumentType,
            "sector": Sector,
            "drafting_body": IssuingBody,
        }.get(db_field.name)
        if model is not None:
            kwargs["queryset"] = model.objects.for_site(request.site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/y-kien.csv",
                view(self.opinions_csv),
                name="documents_draft_csv",
            ),
            path(
                "<int:pk>/y-kien/in/",
                view(self.opinions_print),
                name="documents_draft_print",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=gettext_lazy("Opinions"))
    def opinion_links(self, obj):
        return format_html(
            '{} · <a href="{}">CSV</a> · <a href="{}">{}</a>',
            getattr(obj, "opinion_count", 0),
            reverse("admin:documents_draft_csv", args=[obj.pk]),
            reverse("admin:documents_draft_print", args=[obj.pk]),
            _("Print"),
        )

    def _opinions(self, request, pk):
        if not request.user.has_perm("documents.view_opinion"):
            raise PermissionDenied
        draft = get_object_or_404(self.get_queryset(request), pk=pk)
        return draft, list(draft.opinions.order_by("created_at", "id"))

    def opinions_csv(self, request, pk):
        draft, opinions = self._opinions(request, pk)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="y-kien-{draft.slug[:60]}.csv"'
        )
        response.write("\ufeff")  # Excel reads UTF-8 only with the BOM
        writer = csv.writer(response)
        writer.writerow(
            [
                _("No."),
                _("Full name"),
                _("E-mail"),
                _("Phone number"),
                _("Article or clause"),
                _("Opinion"),
                _("Sent at"),
            ]
        )
        for number, opinion in enumerate(opinions, start=1):
            sent = timezone.localtime(opinion.created_at)
            writer.writerow(
                [
                    number,
                    *(
                        spreadsheet_safe(value)
                        for value in (
                            opinion.name,
                            opinion.email,
                            display_phone(opinion.phone),
                            opinion.clause,
                            opinion.content,
                        )
                    ),
                    f"{sent:%H:%M %d/%m/%Y}",
                ]
            )
        return response

    def opinions_print(self, request, pk):
        draft, opinions = self._opinions(request, pk)
        return TemplateResponse(
            request,
            "documents/admin/opinions_print.html",
            {"draft": draft, "opinions": opinions, "printed_at": timezone.now()},
        )


@admin.register(Opinion)
class OpinionAdmin(SiteScopedAdmin):
    list_display = ["name", "draft", "clause", "created_at"]
    list_filter = [("draft", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["draft"]
    search_fields = ["name", "content", "clause"]
    readonly_fields = [
        "draft",
        "name",
        "email",
        "phone",
        "clause",
        "content",
        "created_at",
        "consented_at",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
