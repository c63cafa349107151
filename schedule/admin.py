from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.admin_scoping import SiteScopedAdmin
from portal.audit.models import Action
from portal.audit.services import record
from schedule import services
from schedule.models import Entry
from schedule.weeks import Week


class CopyWeekForm(forms.Form):
    day = forms.DateField(
        label=gettext_lazy("A day of the week to copy"),
        widget=AdminDateWidget,
        help_text=gettext_lazy(
            "Its entries, Monday to Sunday, are copied to the following week."
        ),
    )


@admin.register(Entry)
class EntryAdmin(SiteScopedAdmin):
    list_display = ["date", "start_time", "end_time", "content", "chair", "place"]
    list_display_links = ["date", "content"]
    date_hierarchy = "date"
    search_fields = ["content", "chair", "participants", "place"]
    fields = [
        "date",
        ("start_time", "end_time"),
        "content",
        "chair",
        "participants",
        "place",
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        record(
            Action.EDIT if change else Action.CREATE,
            user=request.user,
            obj=obj,
            request=request,
        )

    def delete_model(self, request, obj):
        record(Action.DELETE, user=request.user, obj=obj, request=request)
        super().delete_model(request, obj)

    def get_urls(self):
        copy = path(
            "copy-week/",
            self.admin_site.admin_view(self.copy_week_view),
            name="schedule_entry_copy_week",
        )
        return [copy, *super().get_urls()]

    def copy_week_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            form = CopyWeekForm(request.POST)
            if form.is_valid():
                week = Week.of(form.cleaned_data["day"])
                copies = services.copy_week(
                    site=request.site, week=week, user=request.user, request=request
                )
                self.message_user(
                    request,
                    _("%(count)s entries copied to the week from %(start)s.")
                    % {
                        "count": len(copies),
                        "start": week.next.monday.strftime("%d/%m/%Y"),
                    },
                    messages.SUCCESS,
                )
                return redirect(
                    reverse("admin:schedule_entry_changelist")
                    + f"?date__gte={week.next.monday:%Y-%m-%d}"
                    + f"&date__lte={week.next.sunday:%Y-%m-%d}"
                )
        else:
            form = CopyWeekForm(initial={"day": timezone.localdate()})
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Copy a week's schedule to the next week"),
            "form": form,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/schedule/entry/copy_week.html", context)
