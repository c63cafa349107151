"""The admin page of citizens' requests about their data (portal/data_requests.py)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal import data_requests


class ContactForm(forms.Form):
    phone = forms.CharField(
        label=gettext_lazy("Phone number"), max_length=20, required=False
    )
    email = forms.EmailField(
        label=gettext_lazy("E-mail address"), max_length=254, required=False
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("I have checked the citizen's identity and request"),
        required=False,
    )


def data_requests_view(admin_site, request):
    if not data_requests.may_handle(request.user, request.site):
        raise PermissionDenied
    form = ContactForm(request.POST or request.GET or None)
    context = {
        **admin_site.each_context(request),
        "title": _("Citizens' requests about their personal data"),
        "form": form,
    }
    if form.is_bound and form.is_valid():
        contact = {
            "phone": form.cleaned_data["phone"],
            "email": form.cleaned_data["email"],
        }
        action = request.POST.get("action")
        try:
            if action == "export":
                data = data_requests.export_csv(
                    site=request.site, user=request.user, request=request, **contact
                )
                response = HttpResponse(data, content_type="text/csv; charset=utf-8")
                response["Content-Disposition"] = (
                    'attachment; filename="du-lieu-ca-nhan.csv"'
                )
                return response
            if action == "erase":
                if not form.cleaned_data["confirm"]:
                    form.add_error("confirm", _("Tick the box to confirm the erasure."))
                else:
                    erased = data_requests.erase(
                        site=request.site, user=request.user, request=request, **contact
                    )
                    messages.success(
                        request,
                        _("Erased: %(counts)s.")
                        % {"counts": ", ".join(f"{k}: {v}" for k, v in erased.items())},
                    )
                    return redirect("admin:data_requests")
            context["found"] = data_requests.find(
                site=request.site, user=request.user, **contact
            )
        except ValidationError as error:
            form.add_error(None, error)
    return TemplateResponse(request, "admin/data_requests.html", context)
