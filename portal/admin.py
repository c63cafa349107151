from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from articles.admin import ArticleAdmin
from articles.models import Article
from comments.admin import PendingCommentsColumn
from portal.models import Membership, UnitProfile

User = get_user_model()


@admin.register(UnitProfile)
class UnitProfileAdmin(admin.ModelAdmin):
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


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    verbose_name = _("unit")
    verbose_name_plural = _("units this person works for")


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    inlines = [MembershipInline]


@admin.register(Article)
class PortalArticleAdmin(PendingCommentsColumn, ArticleAdmin):
    """The articles app's admin with the comments app's pending count beside it."""

    list_display = [*ArticleAdmin.list_display, "pending_comments"]
