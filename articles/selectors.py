"""Reads behind the public article pages that more than one view needs."""

from django.utils import timezone

from articles.models import Article

OTHER_NEWS = 8


def article_page(article):
    """What the article page shows around `article`: other news of its category
    and the next newer and older article (the comments app re-shows the page
    with it when a comment form has errors), in one query."""
    params = {
        "site": article.site_id,
        "category": article.category_id,
        "now": timezone.now(),
        "at": article.published_at,
        "pk": article.pk,
        "other": OTHER_NEWS,
    }
    found = {"other": [], "newer": [None], "older": [None]}
    for row in Article.objects.raw(AROUND_SQL, params):
        found[row.side].append(row)
    return {
        "article": article,
        "other_news": found["other"],
        "newer": found["newer"][-1],
        "older": found["older"][-1],
    }


# One fixed statement (the ORM built these anew on every view, at more cost
# than running them). "Public" is WorkflowQuerySet.published(): live, its date
# come, not expired. A plain range on published_at (not an OR) lets each
# neighbour's side start its index scan at the article itself; the NOT settles
# ties.
PUBLIC = """site_id = %(site)s AND category_id = %(category)s AND live
    AND published_at <= %(now)s AND (expires_at IS NULL OR expires_at > %(now)s)"""
NEWER = f"""(SELECT id, title, slug, published_at, 'newer' AS side FROM articles_article
  WHERE {PUBLIC}
    AND published_at >= %(at)s AND NOT (published_at = %(at)s AND id <= %(pk)s)
  ORDER BY published_at, id LIMIT 1)"""
OLDER = f"""(SELECT id, title, slug, published_at, 'older' AS side FROM articles_article
  WHERE {PUBLIC}
    AND published_at <= %(at)s AND NOT (published_at = %(at)s AND id >= %(pk)s)
  ORDER BY published_at DESC, id DESC LIMIT 1)"""
OTHER = f"""(SELECT id, title, slug, published_at, 'other' AS side FROM articles_article
  WHERE {PUBLIC} AND id <> %(pk)s
  ORDER BY published_at DESC, id DESC LIMIT %(other)s)"""
AROUND_SQL = f"{OTHER} UNION ALL {NEWER} UNION ALL {OLDER}"
