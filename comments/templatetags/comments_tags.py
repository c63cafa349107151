"""`{% article_feedback article %}`: the rating block, the comments and the form.

It runs one query whatever the numbers of votes and comments: one SELECT for
the ratings and a page of comments (comments/feedback.py). The comment form,
with its captcha, is there only when the view gives it (the reader opened it,
or it came back with errors): a page view creates no captcha row.
"""

from django import template
from django.core.paginator import Page, Paginator

from comments import visitors
from comments.display import rating_text, star_choices
from comments.feedback import article_feedback as feedback_data
from portal.citizen import input_closed

register = template.Library()

PER_PAGE = 20
PAGE_PARAM = "binh-luan"
# Far past any article's comments, and far below what PostgreSQL's OFFSET takes.
MAX_PAGE = 100_000


class Counted:
    """What a Paginator needs of a list it never reads: its length."""

    def __init__(self, total):
        self.total = total

    def count(self):
        return self.total


def comment_page(comments, number, total):
    """A Django Page of the comments the block's one query fetched."""
    return Page(comments, number, Paginator(Counted(total), PER_PAGE))


def page_number(value):
    try:
        return min(MAX_PAGE, max(1, int(value)))
    except (TypeError, ValueError):
        return 1


@register.inclusion_tag("comments/feedback.html", takes_context=True)
def article_feedback(context, article):
    request = context["request"]
    if not article.is_public:  # a staff preview: nothing can be posted yet
        return {"article": article, "public": False}
    number = page_number(request.GET.get(PAGE_PARAM))
    data = feedback_data(
        article,
        voter=visitors.voter_hash(visitors.voter_cookie_id(request)),
        start=(number - 1) * PER_PAGE,
        stop=number * PER_PAGE,
    )
    summary = data.summary
    unit = context.get("unit")
    return {
        "public": True,
        "closed": input_closed(request),
        "article": article,
        "summary": summary,
        "summary_text": rating_text(summary),
        "stars": star_choices(summary),
        "page": comment_page(data.comments, number, data.total_comments),
        "page_param": PAGE_PARAM,
        "form": context.get("comment_form"),
        "unit_name": unit.name if unit else context.get("site", request.site).name,
        "messages": context.get("messages") or [],
        "csrf_token": context.get("csrf_token"),
    }
