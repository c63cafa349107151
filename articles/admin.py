from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from articles.models import Category
from articles.selectors import article_page
from portal.admin_scoping import SiteScopedAdmin
from portal.audit.admin import AuditedAdmin
from portal.sanitize import sanitize_html
from portal.workflow.admin import WorkflowAdmin


@admin.register(Category)
class CategoryAdmin(AuditedAdmin, SiteScopedAdmin):
    list_display = ["name", "parent", "position", "in_menu"]
    list_editable = ["position", "in_menu"]
    list_select_related = ["parent"]
    search_fields = ["name"]
    fields = ["name", "slug", "parent", "position", "in_menu"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            kwargs["queryset"] = Category.objects.for_site(request.site).filter(
                parent__isnull=True
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        obj.site = request.site
        super().save_model(request, obj, form, change)


# Registered in portal/admin.py, with the columns other apps add to it.
class ArticleAdmin(WorkflowAdmin, SiteScopedAdmin):
    list_display = [
        "title",
        "category",
        "workflow_state",
        "published_at",
        "featured",
        "view_count",
    ]
    list_filter = [
        "status",
        "live",
        "featured",
        ("category", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["category", "category__parent"]
    search_fields = ["title", "lead"]
    date_hierarchy = "published_at"
    workflow_diff_fields = ("title", "lead", "body")
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "lead", "body"]}),
        (_("Cover image"), {"fields": ["cover", "cover_caption"]}),
        (
            _("Publication"),
            {"fields": ["published_at", "expires_at", "featured", "author", "source"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("body")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "category":
            kwargs["queryset"] = Category.objects.for_site(request.site).select_related(
                "parent"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def preview_response(self, request, obj):
        """The public article page, with the text waiting for approval."""
        obj.body = sanitize_html(obj.body)  # whatever an old revision holds
        context = {**article_page(obj), "preview": True}
        return render(request, "articles/article_detail.html", context)
