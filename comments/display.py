"""What the rating block says: its texts, the same on the page and in the JSON
the script updates it with (comments/templatetags, comments/views.py)."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def average_text(summary):
    """'4,3': one decimal with the active language's separator; '' with no votes."""
    if summary.average is None:
        return ""
    return number_format(round(summary.average, 1), 1)


def rating_text(summary):
    if not summary.total:
        return _("Be the first to rate and comment on this article")
    return ngettext(
        "Average %(average)s/5 from %(count)s vote",
        "Average %(average)s/5 from %(count)s votes",
        summary.total,
    ) % {"average": average_text(summary), "count": summary.total}


def star_choices(summary):
    """The five buttons of the rating form: their stars, counts and labels, and
    whether each is lit by this reader's vote (worked out here, not per button
    in the template: the page shows them on every view)."""
    mine = summary.mine or 0
    return [
        {
            "stars": stars,
            "count": count,
            "label": ngettext("%(stars)s star", "%(stars)s stars", stars)
            % {"stars": stars},
            "on": stars <= mine,
            "pressed": stars == mine,
        }
        for stars, count in summary.rows
    ]


def rating_payload(summary):
    """The JSON the script uses to update the block in place."""
    return {
        "counts": {str(n): count for n, count in summary.rows},
        "total": summary.total,
        "average": average_text(summary),
        "mine": summary.mine,
        "summary": rating_text(summary),
    }
