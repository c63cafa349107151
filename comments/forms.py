from captcha.fields import CaptchaField, CaptchaTextInput
from django import forms
from django.utils.translation import gettext_lazy as _

from comments.models import STARS, Comment
from comments.phone import normalize_phone

CONTENT_MIN, CONTENT_MAX = 10, 2000


class CaptchaWidget(CaptchaTextInput):
    """django-simple-captcha's widget with a labelled image and our markup."""

    # Widgets render through the form renderer, which reads app template
    # directories only (not templates/): hence comments/templates/.
    template_name = "comments/widgets/captcha.html"
    # One labelled text box (plus a hidden key), not a group: so Django gives the
    # box aria-describedby for the help text and the error like any other field.
    use_fieldset = False


class CommentForm(forms.ModelForm):
    content = forms.CharField(
        label=_("Content"),
        min_length=CONTENT_MIN,
        max_length=CONTENT_MAX,
        help_text=_("From 10 to 2,000 characters."),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Please write your comment."),
            "min_length": _("The comment is too short: write at least 10 characters."),
            "max_length": _("The comment is too long: at most 2,000 characters."),
        },
    )
    # A trap for bots: hidden from people by CSS and from assistive technology by
    # aria-hidden, out of the tab order. Whoever fills it is not a person.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
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

    class Meta:
        model = Comment
        fields = ["name", "phone", "title", "content"]
        labels = {
            "name": _("Full name"),
            "phone": _("Phone number"),
            "title": _("Title"),
        }
        help_texts = {
            "phone": _("Optional; staff may call you back. Never shown publicly."),
        }
        error_messages = {
            "name": {"required": _("Please enter your full name.")},
            "title": {"required": _("Please enter a title.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget = forms.TextInput(
            attrs={"autocomplete": "tel", "inputmode": "tel", "maxlength": 20}
        )

    def clean_phone(self):
        return normalize_phone(self.cleaned_data.get("phone"))

    @property
    def is_bot(self):
        return bool(self.cleaned_data.get("website"))

    @property
    def typed_fields(self):
        return [self[name] for name in ("name", "phone", "title", "content")]


def kept_values(data):
    """What the citizen typed, to re-show in a fresh (unbound) form."""
    return {name: data.get(name, "") for name in ("name", "phone", "title", "content")}


class RatingForm(forms.Form):
    stars = forms.TypedChoiceField(coerce=int, choices=[(n, str(n)) for n in STARS])
