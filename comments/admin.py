from django.contrib import admin, messages
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from comments import services
from comments.models import Comment
from portal.admin_scoping import SiteScopedAdmin
from portal.phone import display_phone


class StatusFilter(admin.SimpleListFilter):
    """Status filter that opens on the moderation queue (pending) by default."""

    title = _("status")
    parameter_name = "trang-thai"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*Comment.Status.choices, (self.ALL, _("All"))]

    def value(self):
        return super().value() or Comment.Status.PENDING

    def choices(self, changelist):
        # No "All" entry from Django: ours is a real value, since "no value" means
        # pending here.
        for value, label in self.lookup_choices:
            yield {
                "selected": self.value() == str(value),
                "query_string": changelist.get_query_string(
                    {self.parameter_name: value}
                ),
                "display": label,
            }

    def queryset(self, request, queryset):
        if self.value() == self.ALL:
            return queryset
        return queryset.filter(status=self.value())


@admin.register(Comment)
class CommentAdmin(SiteScopedAdmin):
    list_display = [
        "title",
        "article_title",
        "name",
        "status",
        "created_at",
        "answered",
    ]
    list_filter = [StatusFilter]
    list_select_related = ["article"]
    search_fields = ["title", "name", "content", "article__title"]
    ordering = ["-created_at", "-id"]
    actions = ["approve", "reject", "mark_spam"]
    fields = [
        "article",
        "name",
        "phone_number",
        "title",
        "content",
        "created_at",
        "status",
        "reply",
        "replied_by",
        "replied_at",
    ]
    # What the citizen wrote is their words: staff moderate and answer, never edit.
    readonly_fields = [
        "article",
        "name",
        "phone_number",
        "title",
        "content",
        "created_at",
        "replied_by",
        "replied_at",
    ]

    def has_add_permission(self, request):
        return False  # comments come from citizens only

    @admin.display(description=_("article"), ordering="article__title")
    def article_title(self, comment):
        return comment.article.title

    @admin.display(description=_("phone number"))
    def phone_number(self, comment):
        return display_phone(comment.phone)

    @admin.display(description=_("answered"), boolean=True)
    def answered(self, comment):
        return bool(comment.reply)

    def save_model(self, request, obj, form, change):
        # Moderation and replies go through the services, which audit them.
        if "status" in form.changed_data:
            services.comments_moderate(
                queryset=Comment.objects.filter(pk=obj.pk),
                status=obj.status,
                user=request.user,
                request=request,
            )
        if "reply" in form.changed_data:
            services.comment_reply(
                comment=obj, reply=obj.reply, user=request.user, request=request
            )

    def _moderate(self, request, queryset, status):
        changed = services.comments_moderate(
            queryset=queryset, status=status, user=request.user, request=request
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d comment changed to “%(status)s”.",
                "%(count)d comments changed to “%(status)s”.",
                changed,
            )
            % {"count": changed, "status": Comment.Status(status).label},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Approve the selected comments"), permissions=["change"]
    )
    def approve(self, request, queryset):
        self._moderate(request, queryset, Comment.Status.APPROVED)

    @admin.action(description=_("Reject the selected comments"), permissions=["change"])
    def reject(self, request, queryset):
        self._moderate(request, queryset, Comment.Status.REJECTED)

    @admin.action(
        description=_("Mark the selected comments as spam"), permissions=["change"]
    )
    def mark_spam(self, request, queryset):
        self._moderate(request, queryset, Comment.Status.SPAM)


class PendingCommentsColumn:
    """The article list's count of comments awaiting moderation, linked to them.

    A mixin for the article admin, composed in portal/admin.py: the articles app
    knows nothing of comments.
    """

    def get_queryset(self, request):
        pending = (
            Comment.objects.pending()
            .filter(article=OuterRef("pk"))
            .order_by()
            .values("article")
            .annotate(n=Count("id"))
            .values("n")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(pending_comments=Coalesce(Subquery(pending), 0))
        )

    @admin.display(description=_("pending comments"), ordering="pending_comments")
    def pending_comments(self, article):
        if not article.pending_comments:
            return 0
        url = reverse("admin:comments_comment_changelist")
        return format_html(
            '<a href="{}?{}">{}</a>',
            url,
            urlencode(
                {
                    StatusFilter.parameter_name: Comment.Status.PENDING,
                    "article__id__exact": article.pk,
                }
            ),
            article.pending_comments,
        )
