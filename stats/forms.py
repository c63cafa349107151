from datetime import timedelta

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PRESETS = (7, 30, 90)
DEFAULT_DAYS = 30
MAX_DAYS = 731
DATE_INPUT = ["%d/%m/%Y"]
DATE_ERROR = gettext_lazy("Enter a valid date as dd/mm/yyyy, e.g. 25/12/2020.")


class RangeForm(forms.Form):
    """The dashboard's period: the last 7 / 30 / 90 days, or dd/mm/yyyy to dd/mm/yyyy."""

    days = forms.TypedChoiceField(
        label=gettext_lazy("Period"),
        choices=[(n, n) for n in PRESETS],
        coerce=int,
        required=False,
    )
    start = forms.DateField(
        label=gettext_lazy("From"),
        required=False,
        input_formats=DATE_INPUT,
        error_messages={"invalid": DATE_ERROR},
        widget=forms.TextInput(attrs={"placeholder": "dd/mm/yyyy", "size": 10}),
    )
    end = forms.DateField(
        label=gettext_lazy("To"),
        required=False,
        input_formats=DATE_INPUT,
        error_messages={"invalid": DATE_ERROR},
        widget=forms.TextInput(attrs={"placeholder": "dd/mm/yyyy", "size": 10}),
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if self.errors or not (start or end):
            return data
        if not (start and end):
            raise forms.ValidationError(_("Enter both the start and the end date."))
        if start > end:
            raise forms.ValidationError(_("The start date is after the end date."))
        if (end - start).days + 1 > MAX_DAYS:
            raise forms.ValidationError(
                _("A range may be at most %(days)s days long.") % {"days": MAX_DAYS}
            )
        return data

    def date_range(self, today):
        """(start, end) of a valid form; the default period otherwise."""
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("start") and data.get("end"):
            return data["start"], data["end"]
        days = data.get("days") or DEFAULT_DAYS
        return today - timedelta(days=days - 1), today
