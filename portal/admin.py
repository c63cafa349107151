from django.contrib import admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.admin import ArticleAdmin
from articles.models import Article
from comments.admin import PendingCommentsColumn
from portal import admin_users  # noqa: F401  (staff accounts and their roles)
from portal.audit.admin import AuditedAdmin
from portal.audit.models import Action
from portal.models import UnitProfile


@admin.register(UnitProfile)
class UnitProfileAdmin(AuditedAdmin):
    """The unit's record, made with its site: staff edit the footer and notices."""

    audit_action = Action.SETTINGS
    list_display = ["name", "site", "responsible_person", "is_default"]
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

    def get_fields(self, request, obj=None):
        # Which unit answers the install's own addresses is the whole install's
        # choice, not one unit's.
        extra = ["is_default"] if request.user.is_superuser else []
        return [*self.fields, *extra]

    def has_add_permission(self, request):
        return False  # made with its site (admin → Sites)

    def has_delete_permission(self, request, obj=None):
        return False  # deleted with its site


@admin.register(Article)
class PortalArticleAdmin(PendingCommentsColumn, ArticleAdmin):
    """The articles app's admin with the comments app's pending count beside it."""

    list_display = [*ArticleAdmin.list_display, "pending_comments"]


# django-otp's own device admin shows another person's secret key and QR code,
# in English only. Staff set up their own device at /admin/hai-lop/; a lost one
# is removed with `manage.py reset_two_factor` (README).
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)
