from django import forms
from django.utils.translation import gettext_lazy as _

from comments.models import STARS
from portal.citizen import CitizenForm, PhoneField

CONTENT_MIN, CONTENT_MAX = 10, 2000


class CommentForm(CitizenForm):
    """A citizen's comment under an article (seed 002's form), with consent."""

    typed_field_names = ("name", "phone", "title", "content")

    name = forms.CharField(
        label=_("Full name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Please enter your full name.")},
    )
    phone = PhoneField(label=_("Phone number"), required=False)
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages={"required": _("Please enter a title.")},
    )
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].help_text = _(
            "Optional: only for staff to call you back about this comment; never "
            "shown publicly, erased after %(months)s months."
        ) % {"months": self.retention_months}


class RatingForm(forms.Form):
    stars = forms.TypedChoiceField(coerce=int, choices=[(n, str(n)) for n in STARS])
