"""Two-factor authentication of staff (django-otp): an app code (TOTP) and recovery codes.

Required for superusers and for the unit administrators of the request's unit
(Membership role "unit_admin"): until they set it up, every admin page sends
them to the set-up page. Offered to every other staff member (a link in the
admin's user links). Once someone has a device, their session counts for the
admin only if it was verified with a code at login (portal.admin_site).
A lost phone: `manage.py reset_two_factor <user name>` (README).
"""

import base64

import segno
from django import forms
from django.contrib import messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.audit.models import Action
from portal.audit.services import record
from portal.models import Membership

RECOVERY_CODES = 10
APP_DEVICE_NAME = "app"
RECOVERY_DEVICE_NAME = "recovery"


def required_for(user, site):
    """Superusers, and administrators of this unit, must use a second factor."""
    if user.is_superuser:
        return True
    return (
        site is not None
        and Membership.objects.filter(
            user=user, site=site, role=Membership.Role.UNIT_ADMIN
        ).exists()
    )


def is_verified(request):
    check = getattr(request.user, "is_verified", None)
    return bool(check and check())


def session_allowed(request):
    """A user with a device counts only once this session was verified by a code."""
    return is_verified(request) or not user_has_device(request.user)


def needs_setup(request):
    return not is_verified(request) and required_for(
        request.user, getattr(request, "site", None)
    )


class LoginForm(AdminAuthenticationForm):
    """The admin login, with the code of the second factor for those who use one."""

    otp_token = forms.CharField(
        label=gettext_lazy("Two-factor code"),
        required=False,
        max_length=16,
        help_text=gettext_lazy(
            "Only if you turned on two-factor authentication: the 6 digits of "
            "your app, or one of your recovery codes."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        if user is not None and user_has_device(user):
            token = (cleaned.get("otp_token") or "").replace(" ", "").lower()
            device = match_token(user, token) if token else None
            if device is None:
                raise forms.ValidationError(
                    _("Please type the current code of your two-factor app."),
                    code="otp",
                )
            # django_otp marks the session verified when login() sees this.
            user.otp_device = device
        return cleaned


class ConfirmForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code shown by the app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )


def new_recovery_codes(user):
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def qr_svg(url):
    # Safe: segno draws the SVG from our own otpauth:// URL; no user markup in it.
    return mark_safe(segno.make(url, error="m").svg_inline(scale=4))  # noqa: S308


def setup_view(admin_site, request):
    """Turn on, renew recovery codes, or (when not required) turn off."""
    user = request.user
    required = required_for(user, request.site)
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    context = {
        **admin_site.each_context(request),
        "title": _("Two-factor authentication"),
        "required": required,
        "confirmed": confirmed,
    }
    action = request.POST.get("action") if request.method == "POST" else None
    if confirmed is not None:
        if action == "codes" and is_verified(request):
            context["codes"] = new_recovery_codes(user)
            record(
                Action.USERS, request=request, obj=user, summary=_("New recovery codes")
            )
        elif action == "off" and not required and is_verified(request):
            with transaction.atomic():
                TOTPDevice.objects.filter(user=user).delete()
                StaticDevice.objects.filter(user=user).delete()
            record(
                Action.USERS,
                request=request,
                obj=user,
                summary=_("Two-factor authentication turned off"),
            )
            messages.success(request, _("Two-factor authentication is off."))
            return redirect("admin:index")
        return TemplateResponse(request, "admin/two_factor.html", context)

    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=APP_DEVICE_NAME, confirmed=False
        )
    form = ConfirmForm(request.POST if action == "confirm" else None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["token"].replace(" ", "")):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            context["codes"] = new_recovery_codes(user)
            context["confirmed"] = device
            otp_login(request, device)
            record(
                Action.USERS,
                request=request,
                obj=user,
                summary=_("Two-factor authentication turned on"),
            )
            return TemplateResponse(request, "admin/two_factor.html", context)
        form.add_error(
            "token", _("The code is wrong or has expired; type the new one.")
        )
    context.update(
        form=form,
        qr=qr_svg(device.config_url),
        secret=base64.b32encode(device.bin_key).decode(),
    )
    return TemplateResponse(request, "admin/two_factor.html", context)


def reset(user):
    """Delete every second factor of `user` (a lost phone); how many were removed."""
    with transaction.atomic():
        removed = TOTPDevice.objects.filter(user=user).delete()[0]
        removed += StaticDevice.objects.filter(user=user).delete()[0]
    record(Action.USERS, obj=user, summary=_("Two-factor devices reset"))
    return removed
