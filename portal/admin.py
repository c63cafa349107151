from django.contrib import admin

from portal import admin_users  # noqa: F401  (staff accounts and their roles)
from portal.audit.admin import AuditedAdmin
from portal.audit.models import Action
from portal.models import UnitProfile


@admin.register(UnitProfile)
class UnitProfileAdmin(AuditedAdmin):
    audit_action = Action.SETTINGS
    list_display = ["name", "site", "responsible_person"]
    fields = [
        "name",
        "address",
        "responsible_person",
        "copyright",
        "phones",
        "emails",
        "logo",
        "banner",
        "privacy_notice",
        "personal_data_retention_months",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(site=request.site)

    def has_add_permission(self, request):
        has_profile = UnitProfile.objects.filter(site=request.site).exists()
        return super().has_add_permission(request) and not has_profile

    def save_model(self, request, obj, form, change):
        obj.site = request.site
        super().save_model(request, obj, form, change)
