from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Category
from portal.admin_scoping import SiteScopedAdmin


@admin.register(Category)
class CategoryAdmin(SiteScopedAdmin):
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


@admin.register(Article)
class ArticleAdmin(SiteScopedAdmin):
    list_display = [
        "title",
        "category",
        "status",
        "published_at",
        "featured",
        "view_count",
    ]
    list_filter = ["status", "featured", ("category", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["category", "category__parent"]
    search_fields = ["title", "lead"]
    date_hierarchy = "published_at"
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "lead", "body"]}),
        (_("Cover image"), {"fields": ["cover", "cover_caption"]}),
        (
            _("Publication"),
            {"fields": ["status", "published_at", "featured", "author", "source"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("body", "search_text")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "category":
            kwargs["queryset"] = Category.objects.for_site(request.site).select_related(
                "parent"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        obj.site = request.site
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(
        description=_("Publish the selected articles"), permissions=["change"]
    )
    def publish(self, request, queryset):
        queryset.update(status=Article.Status.PUBLISHED)

    @admin.action(
        description=_("Return the selected articles to draft"), permissions=["change"]
    )
    def unpublish(self, request, queryset):
        queryset.update(status=Article.Status.DRAFT)
