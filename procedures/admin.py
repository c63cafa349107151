from django.contrib import admin
from django.db import models

from portal.admin_scoping import SiteScopedAdmin
from portal.csv_import import CsvImportAdminMixin
from portal.workflow.admin import WorkflowAdmin
from procedures.imports import ProcedureImporter
from procedures.models import Procedure, ProcedureField


@admin.register(ProcedureField)
class ProcedureFieldAdmin(SiteScopedAdmin):
    list_display = ["name", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    fields = ["name", "position"]


@admin.register(Procedure)
class ProcedureAdmin(CsvImportAdminMixin, WorkflowAdmin, SiteScopedAdmin):
    # A link typed without a scheme is https (the model refuses anything else).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    importer = ProcedureImporter
    list_display = ["code", "name", "field", "level", "status", "live"]
    list_filter = ["status", "live", "level", "field"]
    list_select_related = ["field"]
    search_fields = ["code", "name"]
    fields = [
        "code",
        "name",
        "field",
        "level",
        "processing_time",
        "fees",
        "required_papers",
        "service_url",
        "published_at",
        "expires_at",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("required_papers", "search_text")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "field":
            kwargs["queryset"] = ProcedureField.objects.for_site(request.site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
