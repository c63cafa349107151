"""Staff's side of hỏi đáp: assign, answer, and publish through the workflow.

Every change goes through questions.services and portal.workflow.services (a
revision, an audit entry, the asker's e-mail on publication); nothing here
writes the state itself.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from portal import directory
from portal.admin_scoping import SiteScopedAdmin
from portal.phone import display_phone
from portal.workflow import services as workflow
from questions import services
from questions.models import Question, Topic


@admin.register(Topic)
class TopicAdmin(SiteScopedAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    fields = ["name", "slug", "position"]


class QuestionAdminForm(forms.ModelForm):
    assignee = forms.ChoiceField(
        label=_("assigned to"),
        required=False,
        help_text=_("The department or official who prepares the answer."),
    )

    class Meta:
        model = Question
        fields = ["topic", "title", "question", "answer", "answered_by"]


@admin.register(Question)
class QuestionAdmin(SiteScopedAdmin):
    form = QuestionAdminForm
    list_display = [
        "title",
        "topic",
        "status",
        "live",
        "assignee_name",
        "created_at",
        "answered_at",
    ]
    list_filter = ["status", "live", ("topic", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["topic"]
    search_fields = ["title", "tracking_code", "asker_name", "asker_email"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "tracking_code",
        "asker_name",
        "asker_email",
        "asker_phone_shown",
        "created_at",
        "consented_at",
        "review_note",
        "answered_at",
        "notified_at",
    ]
    fieldsets = [
        (
            _("Asker (never shown publicly but for the name)"),
            {
                "fields": [
                    "tracking_code",
                    "asker_name",
                    "asker_email",
                    "asker_phone_shown",
                    "created_at",
                    "consented_at",
                ]
            },
        ),
        (None, {"fields": ["topic", "title", "question", "assignee"]}),
        (
            _("Answer"),
            {"fields": ["answer", "answered_by", "review_note", "answered_at"]},
        ),
        (
            _("Publication"),
            {"fields": ["published_at", "expires_at", "notified_at"]},
        ),
    ]
    actions = ["submit_for_review", "publish", "unpublish", "archive"]

    def has_add_permission(self, request):
        # Questions come from citizens, through the public form.
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).defer("answer", "search_text")

    def get_actions(self, request):
        # Deleting goes through the workflow service (permission, audit entry).
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "topic":
            kwargs["queryset"] = Topic.objects.for_site(request.site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form_class = super().get_form(request, obj, **kwargs)
        choices = [("", "---------"), *directory.choices(request.site)]
        if obj is not None and obj.assignee_key:
            known = {key for _group, options in choices[1:] for key, _ in options}
            if obj.assignee_key not in known:  # since deleted: keep showing it
                choices.append((obj.assignee_key, obj.assignee_name))

        class AssigneeForm(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.fields["assignee"].choices = choices
                self.fields["assignee"].initial = self.instance.assignee_key

        return AssigneeForm

    @admin.display(description=_("asker's phone"))
    def asker_phone_shown(self, obj):
        return display_phone(obj.asker_phone)

    def get_object(self, request, object_id, from_field=None):
        # Staff edit the working copy: a live answer's pending revision, if any.
        obj = super().get_object(request, object_id, from_field)
        return workflow.working_copy(obj) if obj is not None else None

    def save_model(self, request, obj, form, change):
        key = form.cleaned_data.get("assignee") or ""
        services.save(obj, user=request.user, assignee_key=key, request=request)

    def delete_model(self, request, obj):
        workflow.delete(obj, user=request.user, request=request)

    def _transition(self, request, queryset, service):
        for question in queryset:
            try:
                service(question, user=request.user, request=request)
            except (PermissionDenied, workflow.InvalidTransition) as error:
                self.message_user(request, f"{question}: {error}", messages.ERROR)

    @admin.action(description=_("Send the selected answers for review"))
    def submit_for_review(self, request, queryset):
        self._transition(request, queryset, services.submit_for_review)

    @admin.action(
        description=_("Publish the selected answers"), permissions=["publish"]
    )
    def publish(self, request, queryset):
        self._transition(request, queryset, services.publish)

    @admin.action(
        description=_("Withdraw the selected answers from the public"),
        permissions=["publish"],
    )
    def unpublish(self, request, queryset):
        self._transition(request, queryset, workflow.unpublish)

    @admin.action(
        description=_("Close the selected questions without a public answer"),
        permissions=["publish"],
    )
    def archive(self, request, queryset):
        self._transition(request, queryset, workflow.archive)

    def has_publish_permission(self, request):
        return request.user.has_perm("questions.publish_question")
