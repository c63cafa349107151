"""Everything the block under an article reads, in ONE query.

Keep FEEDBACK_SQL in step with the models it reads (comments_rating,
comments_comment): tests/comments cover every field the block shows.

The article page has a budget of 10 queries shared by every app, so the rating
summary, the page of approved comments and their total come back as three
subqueries of a single SELECT (the page holds no form: no captcha is made).
rating_summary() is the first of them alone (the answer to a vote).
"""

import json
from dataclasses import dataclass
from datetime import datetime

from django.db import connection

from comments.models import Comment, RatingSummary


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


# Fixed statements: the ORM built the same subqueries (JSONObject,
# ArraySubquery) anew on every view, which cost more than running them.
RATING_SQL = """
SELECT jsonb_build_object(
         's1', count(*) FILTER (WHERE stars = 1),
         's2', count(*) FILTER (WHERE stars = 2),
         's3', count(*) FILTER (WHERE stars = 3),
         's4', count(*) FILTER (WHERE stars = 4),
         's5', count(*) FILTER (WHERE stars = 5),
         'average', avg(stars),
         'mine', max(stars) FILTER (WHERE voter = %(voter)s))
  FROM comments_rating WHERE article_id = %(article)s
"""
FEEDBACK_SQL = f"""
SELECT
  ({RATING_SQL}),
  (SELECT coalesce(jsonb_agg(to_jsonb(page) ORDER BY page.created_at, page.id), '[]')
     FROM (SELECT id, name, title, content, created_at, reply, replied_at
             FROM comments_comment
            WHERE article_id = %(article)s AND status = %(approved)s
            ORDER BY created_at, id
            LIMIT %(limit)s OFFSET %(offset)s) AS page),
  (SELECT count(*) FROM comments_comment
    WHERE article_id = %(article)s AND status = %(approved)s)
"""


def _json(value):
    # Django leaves jsonb as text for its JSONField to parse; a raw cursor too.
    return json.loads(value) if isinstance(value, str) else value


def rating_summary(article, voter=None):
    """Every count, the average and this voter's stars, in one query."""
    with connection.cursor() as cursor:
        cursor.execute(RATING_SQL, {"article": article.pk, "voter": voter or ""})
        return RatingSummary.from_row(_json(cursor.fetchone()[0]))


def article_feedback(article, *, voter, start, stop):
    with connection.cursor() as cursor:
        cursor.execute(
            FEEDBACK_SQL,
            {
                "article": article.pk,
                "voter": voter or "",
                "approved": Comment.Status.APPROVED,
                "limit": stop - start,
                "offset": start,
            },
        )
        rating_data, comment_page, comment_total = cursor.fetchone()
    return FeedbackData(
        summary=RatingSummary.from_row(_json(rating_data)),
        comments=[comment_from_json(data) for data in _json(comment_page)],
        total_comments=comment_total or 0,
    )
