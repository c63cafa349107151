from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from organisation.models import Department, Official, OrganisationProfile, Position
from portal.admin_scoping import SiteScopedAdmin
from portal.phone import display_phone


class SameUnitChoices:
    """Foreign-key choices limited to the rows of the admin's unit."""

    same_unit_fields = ()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.same_unit_fields:
            kwargs["queryset"] = db_field.related_model.objects.for_site(request.site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(OrganisationProfile)
class OrganisationProfileAdmin(SiteScopedAdmin):
    list_display = ["__str__", "fax"]
    fields = ["name_en", "address_en", "fax"]

    def has_add_permission(self, request):
        # One row per unit.
        exists = OrganisationProfile.objects.filter(site=request.site).exists()
        return super().has_add_permission(request) and not exists


@admin.register(Department)
class DepartmentAdmin(SameUnitChoices, SiteScopedAdmin):
    same_unit_fields = ("parent",)
    list_display = ["name", "name_en", "parent", "position"]
    list_editable = ["position"]
    list_select_related = ["parent"]
    search_fields = ["name", "name_en"]
    fields = ["name", "name_en", "parent", "position", "duties", "duties_en"]


@admin.register(Position)
class PositionAdmin(SiteScopedAdmin):
    list_display = ["name", "name_en", "position"]
    list_editable = ["position"]
    search_fields = ["name", "name_en"]
    fields = ["name", "name_en", "position"]


@admin.register(Official)
class OfficialAdmin(SameUnitChoices, SiteScopedAdmin):
    same_unit_fields = ("position", "department")
    list_display = [
        "name",
        "position",
        "department",
        "phone_shown",
        "email",
        "is_contact_officer",
        "is_spokesperson",
        "order",
    ]
    list_editable = ["order", "is_contact_officer", "is_spokesperson"]
    list_filter = [
        ("department", admin.RelatedOnlyFieldListFilter),
        "is_contact_officer",
        "is_spokesperson",
    ]
    list_select_related = ["position", "department"]
    search_fields = ["name", "email"]
    fieldsets = [
        (None, {"fields": ["name", "position", "department", "order"]}),
        (_("Contact"), {"fields": ["phone", "email", "photo"]}),
        (_("Roles"), {"fields": ["is_contact_officer", "is_spokesperson"]}),
    ]

    @admin.display(description=_("phone"), ordering="phone")
    def phone_shown(self, obj):
        return display_phone(obj.phone)
