"""How the counters read to people: Vietnamese digit groups and the block's labels."""

from django.utils.numberformat import format as number_format
from django.utils.translation import gettext_lazy as _

COUNTER_LABELS = [
    ("online", _("Online now")),
    ("today", _("Today")),
    ("yesterday", _("Yesterday")),
    ("month", _("This month")),
    ("total", _("Total visits")),
]


def group_digits(number):
    """242904 -> "242.904", the Vietnamese way, whatever the active locale."""
    return number_format(
        int(number), decimal_sep=",", grouping=3, thousand_sep=".", force_grouping=True
    )


def counter_rows(values):
    """The counter block's (label, "242.904") rows of selectors.counter_values."""
    return [(label, group_digits(values[name])) for name, label in COUNTER_LABELS]
