"""Staff accounts and their roles, scoped to the unit (issue 9: no self-made superusers).

- Superusers manage every account: staff and superuser status, memberships in
  any unit (the inline), groups.
- A unit administrator sees the accounts that work for THEIR unit (superusers
  excepted), and:
  - edits the name, e-mail and password only of accounts that work for no
    other unit (an account shared with another unit is read-only: changing its
    password would be acting in that unit);
  - sets the role of the unit's members in "Cán bộ của đơn vị" (MembershipAdmin),
    never their own role, never a membership of another unit;
  - never adds accounts, grants staff or superuser status, groups or
    permissions: those fields are not in their forms, so a crafted POST that
    names them changes nothing.
Every change is an audit entry (AuditedAdmin: "Users and roles changed").
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.admin_scoping import SiteScopedAdmin
from portal.audit.admin import AuditedAdmin
from portal.audit.models import Action
from portal.models import Membership

User = get_user_model()
Role = Membership.Role

PERSONAL = ("username", "first_name", "last_name", "email")
STATUS = ("is_active", "is_staff", "last_login", "date_joined")


def works_only_here(request, user):
    """True when `user` is a plain member of the request's unit and no other."""
    if user.is_superuser:
        return False
    units = set(user.memberships.values_list("site_id", flat=True))
    return units == {request.site.pk}


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    verbose_name = gettext_lazy("unit")
    verbose_name_plural = gettext_lazy("units this person works for")


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(AuditedAdmin, UserAdmin):
    audit_action = Action.USERS
    list_display = ["username", "first_name", "last_name", "email", "unit_role"]

    def get_queryset(self, request):
        role_here = Membership.objects.filter(
            user=OuterRef("pk"), site=request.site
        ).values("role")[:1]
        users = super().get_queryset(request).annotate(unit_role=Subquery(role_here))
        if request.user.is_superuser:
            return users
        return users.filter(memberships__site=request.site, is_superuser=False)

    @admin.display(description=gettext_lazy("role in this unit"), ordering="unit_role")
    def unit_role(self, user):
        return Role(user.unit_role).label if user.unit_role else "—"

    def get_list_display(self, request):
        if request.user.is_superuser:
            return [*self.list_display, "is_staff", "is_superuser"]
        return self.list_display

    def get_list_filter(self, request):
        if request.user.is_superuser:
            return self.list_filter
        return ["is_active"]

    def get_fieldsets(self, request, obj=None):
        if request.user.is_superuser or obj is None:
            return super().get_fieldsets(request, obj)
        return [
            (None, {"fields": ("username", "password")}),
            (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
            (_("Status"), {"fields": STATUS}),
        ]

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        if obj is not None and not works_only_here(request, obj):
            return [*PERSONAL, *STATUS]
        return STATUS

    def get_inlines(self, request, obj):
        return [MembershipInline] if request.user.is_superuser else []

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or request.user.is_superuser:
            return True
        # Also guards the password form (UserAdmin.user_change_password).
        return works_only_here(request, obj)


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin, SiteScopedAdmin):
    """The unit's staff and their roles ("Cán bộ của đơn vị")."""

    audit_action = Action.USERS
    list_display = ["user", "full_name", "role"]
    list_filter = ["role"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    fields = ["user", "role"]
    ordering = ["user__username"]

    def get_queryset(self, request):
        members = super().get_queryset(request)
        if request.user.is_superuser:
            return members
        return members.filter(user__is_superuser=False)

    @admin.display(description=gettext_lazy("name"))
    def full_name(self, membership):
        return membership.user.get_full_name()

    def get_readonly_fields(self, request, obj=None):
        return ["user"] if obj is not None else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = User.objects.filter(is_staff=True).order_by("username")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_add_permission(self, request):
        # Adding a person to a unit needs the list of every account: superusers.
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.user_id == request.user.pk:
            return request.user.is_superuser  # nobody changes their own role
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.user_id == request.user.pk:
            return request.user.is_superuser
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        obj._old_role = (
            Membership.objects.filter(pk=obj.pk).values_list("role", flat=True).first()
            if change
            else None
        )
        super().save_model(request, obj, form, change)

    def audit_summary(self, request, obj, action, message):
        role = Role(obj.role).label
        old = getattr(obj, "_old_role", None)
        if action == Action.DELETE:
            text = _("%(user)s no longer works for %(unit)s (was %(role)s).")
        elif old and old != obj.role:
            text = _("%(user)s in %(unit)s: %(old)s → %(role)s.")
        elif old:
            return super().audit_summary(request, obj, action, message)
        else:
            text = _("%(user)s now works for %(unit)s as %(role)s.")
        return text % {
            "user": obj.user.get_username(),
            "unit": obj.site.name,
            "role": role,
            "old": Role(old).label if old else "",
        }
