"""What protects every form a citizen sends: comments, consultation, questions.

One home for the pieces, so each form gets all of them and none is copied:

- a captcha (django-simple-captcha, one use per key, kept in the database);
- a honeypot field that people never see and bots fill in;
- a rate limit per salted address hash (django-ratelimit, in the shared cache);
- the address itself, only ever stored as a salted hash;
- phone numbers checked and stored as E.164 (portal/phone.py);
- consent to the processing of personal data: an unticked box (Law 91/2025:
  silence is not consent), with the time it was given kept on the row;
- what the citizen typed, kept when the form is shown again;
- nothing is taken by an archived unit (merged into another since 2025): every
  view that takes citizens' input is wrapped in `open_for_input`.

What a citizen writes is plain text: templates escape it and never mark it safe.
"""

from functools import wraps

from captcha.fields import CaptchaField, CaptchaTextInput
from django import forms
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

from portal.client import client_address, salted_hash
from portal.phone import normalize_phone
from portal.unit_history import history_for

HONEYPOT = "website"
CAPTCHA_REFRESH = "refresh_captcha"


def address_hash(request):
    """The salted hash that stands in for the sender's address."""
    return salted_hash(client_address(request))


def ratelimit_key(group, request):
    """django-ratelimit key: the salted address hash, so the cache holds no address."""
    return address_hash(request)


def over_rate(request, *, group, rate):
    """Count one more send of `group` by this address; True when over `rate`."""
    return is_ratelimited(
        request, group=group, key=ratelimit_key, rate=rate, increment=True
    )


class CaptchaWidget(CaptchaTextInput):
    """django-simple-captcha's widget with a labelled image and our markup."""

    # Widgets render through the form renderer, which reads app template
    # directories only (not templates/): hence portal/templates/.
    template_name = "portal/widgets/captcha.html"
    # One labelled text box (plus a hidden key), not a group: so Django gives the
    # box aria-describedby for the help text and the error like any other field.
    use_fieldset = False

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget in context["widget"]["subwidgets"]:
            if subwidget.get("is_hidden") or subwidget.get("type") == "hidden":
                # required, aria-* and autocomplete are invalid on a hidden input
                # (the Nu validator says so); its key needs only its id.
                subwidget["attrs"] = {"id": subwidget["attrs"].get("id")}
        return context


class PhoneField(forms.CharField):
    """A Vietnamese phone number as typed; cleaned to E.164 ('' when left empty)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {
            **super().widget_attrs(widget),
            "autocomplete": "tel",
            "inputmode": "tel",
        }

    def clean(self, value):
        return normalize_phone(super().clean(value))


def consent_label(retention_months):
    # Safe: the only inserted values are our own URL and a number.
    return format_html(
        _(
            "I agree that the unit processes the personal data I give here to "
            'handle what I send, as its <a href="{url}">privacy notice</a> says; '
            "they are erased after {months} months."
        ),
        url=reverse("privacy"),
        months=retention_months,
    )


class CitizenForm(forms.Form):
    """Base of every public form: honeypot, consent and captcha, in that order.

    Subclasses declare their own fields first; `typed_fields` lists those the
    page shows as ordinary fields, and what `kept_values` carries over.
    """

    typed_field_names = ()

    # A trap for bots: hidden from people by CSS and from assistive technology by
    # aria-hidden, out of the tab order. Whoever fills it is not a person.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={
            "required": _(
                "Please tick the box to agree to the processing of your personal "
                "data; without it nothing can be sent."
            )
        },
    )
    captcha = CaptchaField(
        label=_("Confirmation code"),
        help_text=_("Type the characters shown in the image."),
        widget=CaptchaWidget(),
        error_messages={
            "invalid": _(
                "The confirmation code is wrong or has expired; please type the "
                "new code."
            ),
            "required": _("Please type the confirmation code."),
            "incomplete": _("Please type the confirmation code."),
        },
    )

    def __init__(self, *args, retention_months=12, **kwargs):
        super().__init__(*args, **kwargs)
        self.retention_months = retention_months
        self.fields["consent"].label = consent_label(retention_months)
        self.order_fields([*self.typed_field_names, HONEYPOT, "consent", "captcha"])

    @property
    def is_bot(self):
        return bool(self.cleaned_data.get(HONEYPOT))

    @property
    def typed_fields(self):
        return [self[name] for name in self.typed_field_names]

    @classmethod
    def kept_values(cls, data):
        """What the citizen typed, to re-show in a fresh (unbound) form."""
        values = {name: data.get(name, "") for name in cls.typed_field_names}
        values["consent"] = bool(data.get("consent"))
        return values


def wants_new_captcha(request):
    """The no-JavaScript "new code" button was pressed (nothing is sent then)."""
    return CAPTCHA_REFRESH in request.POST


def input_closed(request):
    """Why this unit takes no input from citizens (it is archived), or ''."""
    history = history_for(request)
    if not history.archived:
        return ""
    names = ", ".join(link.name for link in history.successors)
    if not names:
        return gettext(
            "This portal belongs to a former unit and is kept for reference only: "
            "it no longer takes comments, ratings or questions."
        )
    return gettext(
        "This portal belongs to a former unit, now part of %(units)s, and is kept "
        "for reference only: it no longer takes comments, ratings or questions. "
        "Please send them on the portal of %(units)s."
    ) % {"units": names}


def open_for_input(view):
    """Refuse a POST to an archived unit with a clear message (403); else the view."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        message = input_closed(request) if request.method == "POST" else ""
        if not message:
            return view(request, *args, **kwargs)
        ajax = request.headers.get("x-requested-with") == "XMLHttpRequest"
        if ajax or "application/json" in request.headers.get("accept", ""):
            return JsonResponse({"error": message}, status=403)
        return render(
            request,
            "portal/input_closed.html",
            {"message": message, "history": history_for(request)},
            status=403,
        )

    return wrapper
