"""Admin of the documents library, for staff who type dozens of documents a day.

Fast entry: the form opens with the type, field, issuing body and signer of the
last document the same person entered; issuing bodies and signers are typed
with suggestions from the unit's own list (a new name is remembered on save);
related documents are found by typing part of their number.
"""

from django import forms
from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from documents import admin_drafts  # noqa: F401  (registers drafts and opinions)
from documents.imports import DocumentImporter
from documents.models import (
    Document,
    DocumentAttachment,
    DocumentRelation,
    DocumentType,
    IssuingBody,
    Sector,
    Signer,
)
from documents.search import words_of
from portal.admin_scoping import SiteScopedAdmin
from portal.csv_import import CsvImportAdminMixin
from portal.workflow.admin import WorkflowAdmin, WorkflowInlineMixin


class UnitListAdmin(SiteScopedAdmin):
    list_display = ["name", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    fields = ["name", "position"]


for model in (DocumentType, Sector, IssuingBody, Signer):
    admin.site.register(model, UnitListAdmin)


class RememberedInput(forms.TextInput):
    """A text box suggesting the names the unit used before (a native <datalist>)."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", **(attrs or {})})
        self.names = []

    def render(self, name, value, attrs=None, renderer=None):
        list_id = f"{(attrs or {}).get('id', name)}_goi-y"
        box = super().render(name, value, {**(attrs or {}), "list": list_id}, renderer)
        options = format_html_join(
            "", '<option value="{}">', ((n,) for n in self.names)
        )
        return format_html('{}<datalist id="{}">{}</datalist>', box, list_id, options)


class DocumentAdminForm(forms.ModelForm):
    issuing_body_name = forms.CharField(
        label=_("Issuing body"),
        max_length=200,
        widget=RememberedInput(),
        help_text=_(
            "Choose from the suggestions or type a new name: it is remembered."
        ),
    )
    signer_name = forms.CharField(
        label=_("Signer"),
        max_length=200,
        required=False,
        widget=RememberedInput(),
        help_text=_(
            "E.g. “Chủ tịch Nguyễn Văn A”; remembered like the issuing bodies."
        ),
    )

    class Meta:
        model = Document
        fields = [
            "number",
            "document_type",
            "issue_date",
            "effective_date",
            "expiry_date",
            "sector",
            "summary",
            "body",
            "published_at",
            "expires_at",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.issuing_body_id:
            self.initial.setdefault(
                "issuing_body_name", self.instance.issuing_body.name
            )
        if self.instance.signer_id:
            self.initial.setdefault("signer_name", self.instance.signer.name)

    def clean(self):
        cleaned = super().clean()
        # The issuing body the name already stands for, so the model's own
        # check (one number per issuing body) sees it; a new name clashes with
        # nothing and is remembered on save.
        name = " ".join((cleaned.get("issuing_body_name") or "").split())
        known = IssuingBody.objects.filter(
            site_id=self.instance.site_id, name__iexact=name
        ).first()
        if known is not None:
            self.instance.issuing_body = known
        return cleaned


class AttachmentInline(WorkflowInlineMixin, admin.TabularInline):
    model = DocumentAttachment
    fields = ["file", "title", "position", "label"]
    readonly_fields = ["label"]
    extra = 1

    @admin.display(description=_("Kind and size"))
    def label(self, obj):
        return obj.label if obj.pk else "–"


class RelationInline(WorkflowInlineMixin, admin.TabularInline):
    model = DocumentRelation
    fk_name = "source"
    fields = ["kind", "target"]
    autocomplete_fields = ["target"]
    extra = 1

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "target":
            kwargs["queryset"] = Document.objects.for_site(request.site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Document)
class DocumentAdmin(CsvImportAdminMixin, WorkflowAdmin, SiteScopedAdmin):
    form = DocumentAdminForm
    importer = DocumentImporter
    list_display = ["number", "document_type", "issue_date", "effect", "status", "live"]
    list_filter = ["status", "live", "document_type", "issue_date"]
    list_select_related = ["document_type"]
    search_fields = ["number", "summary"]
    date_hierarchy = "issue_date"
    inlines = [AttachmentInline, RelationInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "number",
                    "document_type",
                    ("issue_date", "effective_date", "expiry_date"),
                    "issuing_body_name",
                    "signer_name",
                    "sector",
                    "summary",
                    "body",
                ]
            },
        ),
        (_("Publication"), {"fields": ["published_at", "expires_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .defer("body", "search_text")
            .with_replacement()
        )

    def get_search_results(self, request, queryset, search_term):
        """Accent-insensitive and partial: '15/2024/qd' finds 15/2024/QĐ-UBND."""
        for word in words_of(search_term):
            queryset = queryset.filter(search_text__contains=word)
        return queryset, False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        model = {"document_type": DocumentType, "sector": Sector}.get(db_field.name)
        if model is not None:
            kwargs["queryset"] = model.objects.for_site(request.site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form_class = super().get_form(request, obj, **kwargs)
        site = request.site

        class UnitForm(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for name, model in (
                    ("issuing_body_name", IssuingBody),
                    ("signer_name", Signer),
                ):
                    if name in self.fields:
                        self.fields[name].widget.names = list(
                            model.objects.for_site(site).values_list("name", flat=True)
                        )

        return UnitForm

    def get_changeform_initial_data(self, request):
        """A new document starts from the last one this person entered in this unit."""
        initial = super().get_changeform_initial_data(request)
        last = (
            Document.objects.for_site(request.site)
            .filter(created_by=request.user)
            .select_related("issuing_body", "signer")
            .order_by("-created_at", "-id")
            .first()
        )
        if last is not None:
            initial.setdefault("document_type", last.document_type_id)
            initial.setdefault("sector", last.sector_id)
            initial.setdefault("issuing_body_name", last.issuing_body.name)
            if last.signer_id:
                initial.setdefault("signer_name", last.signer.name)
        return initial

    def save_model(self, request, obj, form, change):
        obj.issuing_body = IssuingBody.remember(
            request.site, form.cleaned_data["issuing_body_name"]
        )
        obj.signer = Signer.remember(request.site, form.cleaned_data.get("signer_name"))
        super().save_model(request, obj, form, change)

    @admin.display(description=_("Effect"))
    def effect(self, obj):
        return obj.effect_status().label
