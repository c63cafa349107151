"""Reads behind the public article pages that more than one view needs."""

from django.utils import timezone

from articles.models import Article

OTHER_NEWS = 8


def article_page(article):
    """What the article page shows around `article`: other news of its category
    and the next newer and older article (the comments app re-shows the page
    with it when a comment form has errors)."""
    same_category = (
        Article.objects.for_site(article.site_id)
        .published()
        .filter(category_id=article.category_id)
    )
    newer, older = neighbours(article)
    return {
        "article": article,
        "other_news": list(
            same_category.exclude(pk=article.pk)
            .for_listing()
            .newest_first()[:OTHER_NEWS]
        ),
        "newer": newer,
        "older": older,
    }


# One fixed statement (the ORM built this union anew on every view, at more
# cost than running it). "Public" is WorkflowQuerySet.published(): live, its
# date come, not expired. A plain range on published_at (not an OR) lets each
# side start its index scan at the article itself; the NOT settles ties.
NEIGHBOURS_SQL = """
(SELECT id, title, slug, published_at, 'newer' AS side FROM articles_article
  WHERE site_id = %(site)s AND category_id = %(category)s AND live
    AND published_at <= %(now)s AND (expires_at IS NULL OR expires_at > %(now)s)
    AND published_at >= %(at)s AND NOT (published_at = %(at)s AND id <= %(pk)s)
  ORDER BY published_at, id LIMIT 1)
UNION ALL
(SELECT id, title, slug, published_at, 'older' AS side FROM articles_article
  WHERE site_id = %(site)s AND category_id = %(category)s AND live
    AND published_at <= %(now)s AND (expires_at IS NULL OR expires_at > %(now)s)
    AND published_at <= %(at)s AND NOT (published_at = %(at)s AND id >= %(pk)s)
  ORDER BY published_at DESC, id DESC LIMIT 1)
"""


def neighbours(article):
    """The next newer and next older public article of the same category (by
    date, then id), in one query."""
    params = {
        "site": article.site_id,
        "category": article.category_id,
        "now": timezone.now(),
        "at": article.published_at,
        "pk": article.pk,
    }
    found = {row.side: row for row in Article.objects.raw(NEIGHBOURS_SQL, params)}
    return found.get("newer"), found.get("older")
