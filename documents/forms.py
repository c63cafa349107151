from django import forms
from django.utils.translation import gettext_lazy as _

from documents import files
from documents.models import EffectStatus
from portal.citizen import CitizenForm, PhoneField

OPINION_MIN, OPINION_MAX = 10, 5000


class AttachmentFormField(forms.FileField):
    """A file refused with a Vietnamese reason unless its bytes are an accepted kind."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            _("%(kinds)s; at most %(limit)s.")
            % {
                "kinds": files.ACCEPTED_TEXT,
                "limit": files.human_size(files.max_bytes()),
            },
        )
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "accept": files.ACCEPT}

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is not None:
            files.check_attachment(upload)
        return upload


class DocumentFilterForm(forms.Form):
    """The public list's filters; every field optional, bad values simply ignored."""

    q = forms.CharField(
        label=_("Number, symbol or summary"), required=False, max_length=200
    )
    loai = forms.ChoiceField(label=_("Document type"), required=False)
    linh_vuc = forms.ChoiceField(label=_("Area"), required=False)
    co_quan = forms.ChoiceField(label=_("Issuing body"), required=False)
    nam = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int)
    hieu_luc = forms.ChoiceField(
        label=_("Effect"),
        required=False,
        choices=[("", _("All")), *EffectStatus.choices],
    )

    def __init__(self, data, *, options):
        super().__init__(data)
        everything = [("", _("All"))]
        self.fields["loai"].choices = everything + options["types"]
        self.fields["linh_vuc"].choices = everything + options["sectors"]
        self.fields["co_quan"].choices = everything + options["bodies"]
        self.fields["nam"].choices = everything + [
            (y, str(y)) for y in options["years"]
        ]

    def filters(self):
        """The valid filters, by field name; an invalid one is dropped, not an error."""
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value not in ("", None)
        }


class OpinionForm(CitizenForm):
    """A citizen's opinion on a draft, with the shared protections (portal/citizen.py)."""

    typed_field_names = ("name", "email", "phone", "clause", "content")

    name = forms.CharField(
        label=_("Full name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Please enter your full name.")},
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": _("Enter a valid e-mail address, e.g. ten@gmail.com.")
        },
    )
    phone = PhoneField(label=_("Phone number"), required=False)
    clause = forms.CharField(
        label=_("Article or clause you comment on"),
        required=False,
        max_length=200,
        help_text=_("Optional, e.g. “Điều 5, khoản 2”."),
    )
    content = forms.CharField(
        label=_("Your opinion"),
        min_length=OPINION_MIN,
        max_length=OPINION_MAX,
        help_text=_("From 10 to 5,000 characters."),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Please write your opinion."),
            "min_length": _("The opinion is too short: write at least 10 characters."),
            "max_length": _("The opinion is too long: at most 5,000 characters."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = _(
            "An e-mail address or a phone number (at least one), for staff to contact "
            "you about your opinion; never shown publicly, erased after %(months)s "
            "months."
        ) % {"months": self.retention_months}

    def clean(self):
        data = super().clean()
        contact_errors = self.errors.get("email") or self.errors.get("phone")
        if not contact_errors and not data.get("email") and not data.get("phone"):
            self.add_error(
                "email", _("Please give an e-mail address or a phone number.")
            )
        return data
