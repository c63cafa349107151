from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Category
from portal.admin_scoping import SiteScopedAdmin
from portal.workflow import services as workflow


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
        "live",
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
    actions = ["publish", "unpublish"]
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

    def get_object(self, request, object_id, from_field=None):
        # Staff edit the working copy: a live article's pending revision, if any.
        obj = super().get_object(request, object_id, from_field)
        return workflow.working_copy(obj) if obj is not None else None

    def save_model(self, request, obj, form, change):
        obj.site = request.site
        workflow.save_draft(obj, user=request.user, request=request)

    def delete_model(self, request, obj):
        workflow.delete(obj, user=request.user, request=request)

    def _transition(self, request, queryset, service):
        for article in queryset:
            try:
                service(article, user=request.user, request=request)
            except (PermissionDenied, workflow.InvalidTransition) as error:
                self.message_user(request, f"{article}: {error}", messages.ERROR)

    @admin.action(
        description=_("Publish the selected articles"), permissions=["publish"]
    )
    def publish(self, request, queryset):
        self._transition(request, queryset, workflow.publish)

    @admin.action(
        description=_("Withdraw the selected articles from the public"),
        permissions=["publish"],
    )
    def unpublish(self, request, queryset):
        self._transition(request, queryset, workflow.unpublish)

    def has_publish_permission(self, request):
        return request.user.has_perm("articles.publish_article")
