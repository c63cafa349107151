from django import forms
from django.contrib import admin, messages
from django.contrib.sites.models import Site
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.admin_scoping import SiteScopedAdmin
from portal.mergers import redirects, services
from portal.mergers.models import REFORM_DATE, Redirect, UnitArchive, UnitSuccession


class SuperuserOnly:
    """Unit history is the whole installation's: superusers only."""

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


class MergeForm(forms.Form):
    sources = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Former units"),
        queryset=Site.objects.filter(archive__isnull=True).order_by("name"),
        widget=forms.CheckboxSelectMultiple,
    )
    into = forms.ModelChoiceField(
        label=gettext_lazy("New unit"),
        queryset=Site.objects.filter(archive__isnull=True).order_by("name"),
        help_text=gettext_lazy("When a unit is divided: the first of its successors."),
    )
    others = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Other new units (a divided unit)"),
        queryset=Site.objects.filter(archive__isnull=True).order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    assignments = forms.CharField(
        label=gettext_lazy("Which new unit gets what (divided unit)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "CSV lines kind,slug,host: e.g. category,van-hoa,xa-b.example.vn or "
            "article,le-hoi,xa-b.example.vn. Anything not named goes to the "
            "first new unit."
        ),
    )
    date = forms.DateField(
        label=gettext_lazy("Effective date"),
        initial=REFORM_DATE,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(format="%d/%m/%Y"),
    )
    digest = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        into = [data["into"], *[s for s in data["others"] if s != data["into"]]]
        data["into_list"] = into
        services.check_units(into, list(data["sources"]))
        data["assignment_map"] = services.parse_assignments(
            data.get("assignments", ""), into
        )
        return data


@admin.register(UnitSuccession)
class UnitSuccessionAdmin(SuperuserOnly, admin.ModelAdmin):
    list_display = ["predecessor", "successor", "date", "whole", "position"]
    list_select_related = ["predecessor", "successor"]
    change_list_template = "mergers/admin/succession_changelist.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.merge_view)
        return [path("sap-nhap/", view, name="mergers_merge"), *super().get_urls()]

    def merge_view(self, request):
        """Choose the units, see the dry-run report, confirm: the merger runs."""
        if not request.user.is_superuser:
            raise PermissionDenied
        form = MergeForm(request.POST or None)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Merge units"),
            "form": form,
        }
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            # Only a preview the user has seen can be confirmed (its digest).
            confirm = "confirm" in request.POST and bool(data["digest"])
            try:
                result = services.merge_units(
                    into=data["into_list"],
                    sources=list(data["sources"]),
                    assignments=data["assignment_map"],
                    date=data["date"],
                    user=request.user,
                    request=request,
                    dry_run=not confirm,
                    expected_digest=data["digest"] if confirm else None,
                )
            except services.ReportChanged as changed:
                messages.warning(request, str(changed))
                result = changed.result
            except ValidationError as error:
                form.add_error(None, error)
                return render(request, "mergers/admin/merge.html", context)
            else:
                if confirm:
                    messages.success(request, _("The units have been merged."))
                    return redirect(reverse("admin:mergers_unitsuccession_changelist"))
            if "csv" in request.POST:
                response = HttpResponse(result.csv(), content_type="text/csv")
                response["Content-Disposition"] = 'attachment; filename="sap-nhap.csv"'
                return response
            post = request.POST.copy()
            post["digest"] = result.digest
            context.update(form=MergeForm(post), result=result)
        return render(request, "mergers/admin/merge.html", context)


@admin.register(UnitArchive)
class UnitArchiveAdmin(SuperuserOnly, admin.ModelAdmin):
    list_display = ["site", "archived_on"]
    list_select_related = ["site"]


class RedirectForm(forms.ModelForm):
    class Meta:
        model = Redirect
        fields = ["old_path", "target_site", "new_path"]

    def clean(self):
        data = super().clean()
        if not self.errors:
            data["old_path"] = redirects.normalize_path(data["old_path"])
            data["new_path"] = redirects.normalize_path(data["new_path"])
            self.instance.old_path = data["old_path"]
            redirects.check_redirect(
                site=self.instance.site,
                old_path=data["old_path"],
                target_site=data["target_site"],
                new_path=data["new_path"],
            )
        return data


class RedirectCsvForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "Two columns: old address, new address (paths or full addresses)."
        ),
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Only check (dry run)"), required=False, initial=True
    )


@admin.register(Redirect)
class RedirectAdmin(SiteScopedAdmin):
    list_display = ["old_path", "target_site", "new_path", "kind", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["target_site"]
    search_fields = ["old_path", "new_path"]
    form = RedirectForm
    change_list_template = "mergers/admin/redirect_changelist.html"

    def get_changeform_initial_data(self, request):
        return {"target_site": request.site.pk}

    def save_model(self, request, obj, form, change):
        if change:  # the old address may have been edited: the row is re-made
            Redirect.objects.filter(pk=obj.pk).delete()
        row = redirects.add_redirect(
            site=request.site,
            old_path=obj.old_path,
            new_path=obj.new_path,
            target_site=obj.target_site,
            user=request.user,
        )
        obj.pk = row.pk
        redirects.record_change(row, user=request.user, request=request)

    def delete_model(self, request, obj):
        redirects.record_change(obj, user=request.user, request=request, deleted=True)
        super().delete_model(request, obj)

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [
            path("nhap-csv/", view, name="mergers_redirect_import"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Old-portal addresses from a CSV file, checked first (dry run)."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = RedirectCsvForm(request.POST or None, request.FILES or None)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import redirects from a CSV file"),
            "form": form,
        }
        if request.method == "POST" and form.is_valid():
            raw = form.cleaned_data["file"].read()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                form.add_error("file", _("The file must be UTF-8 text."))
                return render(request, "mergers/admin/redirect_import.html", context)
            dry_run = form.cleaned_data["dry_run"]
            result = redirects.import_csv(
                site=request.site,
                text=text,
                user=request.user,
                dry_run=dry_run,
                request=request,
            )
            context.update(result=result, dry_run=dry_run)
            if not dry_run and not result.errors:
                messages.success(
                    request,
                    _("%(count)s redirects imported.") % {"count": len(result.created)},
                )
                return redirect(reverse("admin:mergers_redirect_changelist"))
        return render(request, "mergers/admin/redirect_import.html", context)
