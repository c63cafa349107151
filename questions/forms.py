from django import forms
from django.utils.translation import gettext_lazy as _

from portal.citizen import CitizenForm, PhoneField
from questions.models import Topic

QUESTION_MIN, QUESTION_MAX = 20, 5000


class AskForm(CitizenForm):
    """A citizen's question: who asks, how to reach them, what about."""

    typed_field_names = ("name", "email", "phone", "topic", "title", "question")

    name = forms.CharField(
        label=_("Full name"),
        max_length=100,
        help_text=_("Shown with your question when it is answered publicly."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Please enter your full name.")},
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Enter a valid e-mail address.")},
    )
    phone = PhoneField(label=_("Phone number"), required=False)
    topic = forms.ModelChoiceField(
        label=_("Field"),
        queryset=Topic.objects.none(),
        empty_label=_("Choose a field"),
        error_messages={"required": _("Please choose the field of your question.")},
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages={"required": _("Please enter a title.")},
    )
    question = forms.CharField(
        label=_("Question"),
        min_length=QUESTION_MIN,
        max_length=QUESTION_MAX,
        help_text=_("From 20 to 5,000 characters."),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Please write your question."),
            "min_length": _("The question is too short: write at least 20 characters."),
            "max_length": _("The question is too long: at most 5,000 characters."),
        },
    )

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        topics = Topic.objects.for_site(site)
        self.fields["topic"].queryset = topics
        self.fields["email"].help_text = _(
            "We write to you here when the answer is published. Give an e-mail "
            "address or a phone number; neither is ever shown publicly, and both "
            "are erased after %(months)s months."
        ) % {"months": self.retention_months}
        self.fields["phone"].help_text = _(
            "Only for staff to call you about this question."
        )
        if not topics.exists():
            # A unit that has not set up its fields yet still takes questions.
            del self.fields["topic"]
            self.typed_field_names = tuple(
                name for name in self.typed_field_names if name != "topic"
            )

    def clean(self):
        data = super().clean()
        reachable = data.get("email") or data.get("phone")
        if not (reachable or self.has_error("email") or self.has_error("phone")):
            self.add_error(
                "email",
                _(
                    "Please give an e-mail address or a phone number, so the "
                    "unit can reach you."
                ),
            )
        return data
