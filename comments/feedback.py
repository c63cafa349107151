"""Everything the block under an article reads, in ONE query.

The article page has a budget of 10 queries shared by every app, so the rating
summary, the page of approved comments and their total come back as three
subqueries of a single SELECT (the captcha INSERT is the block's only other one).
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import JSONObject

from articles.models import Article
from comments.models import Comment, Rating, RatingSummary, summary_aggregates

COMMENT_FIELDS = ["id", "name", "title", "content", "created_at", "reply", "replied_at"]


@dataclass
class FeedbackData:
    summary: RatingSummary
    comments: list
    total_comments: int


def comment_from_json(data):
    for name in ("created_at", "replied_at"):
        if data[name]:
            data[name] = datetime.fromisoformat(data[name])
    return Comment(**data)


def article_feedback(article, *, voter, start, stop):
    ratings = (
        Rating.objects.filter(article=OuterRef("pk"))
        .values("article")
        .annotate(data=JSONObject(**summary_aggregates(voter)))
        .values("data")
    )
    approved = Comment.objects.for_article_page(OuterRef("pk"))
    page = approved.values(data=JSONObject(**{f: f for f in COMMENT_FIELDS}))
    total = approved.order_by().values("article").annotate(n=Count("id")).values("n")
    row = (
        Article.objects.filter(pk=article.pk)
        .annotate(
            rating_data=Subquery(ratings),
            comment_page=ArraySubquery(page[start:stop]),
            comment_total=Subquery(total),
        )
        .values("rating_data", "comment_page", "comment_total")
        .get()
    )
    return FeedbackData(
        summary=RatingSummary.from_row(row["rating_data"]),
        comments=[comment_from_json(data) for data in row["comment_page"]],
        total_comments=row["comment_total"] or 0,
    )
