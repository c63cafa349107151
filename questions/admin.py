"""Staff's side of hỏi đáp: assign, answer, and publish through the workflow.

Every change goes through questions.services and portal.workflow.services (a
revision, an audit entry, the asker's e-mail on publication); nothing here
writes the state itself.
"""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal import directory
from portal.admin_scoping import SiteScopedAdmin
from portal.phone import display_phone
from portal.workflow.admin import WorkflowAdmin
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
class QuestionAdmin(WorkflowAdmin, SiteScopedAdmin):
    form = QuestionAdminForm
    list_display = [
        "title",
        "topic",
        "workflow_state",
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

    def has_add_permission(self, request):
        # Questions come from citizens, through the public form.
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).defer("answer", "search_text")

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

    def save_model(self, request, obj, form, change):
        # The assignment and the signature first; then the workflow's save and
        # buttons (publishing needs the answer: Question.not_ready_reason).
        key = form.cleaned_data.get("assignee") or ""
        if key != obj.assignee_key:
            services.assign(obj, user=request.user, key=key, request=request)
        services.sign(obj)
        super().save_model(request, obj, form, change)
