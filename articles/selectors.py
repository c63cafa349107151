"""Reads behind the public article pages that more than one view needs."""

from django.db import connection
from django.utils import timezone

from articles.models import Article, Category

OTHER_NEWS = 8


def article_page(article):
    """What the article page shows around `article`: other news of its category
    and the next newer and older article (the comments app re-shows the page
    with it when a comment form has errors), in one query."""
    params = {
        "category": article.category_id,
        "now": timezone.now(),
        "at": article.published_at,
        "pk": article.pk,
        "other": OTHER_NEWS,
    }
    found = {"other": [], "newer": [None], "older": [None]}
    # A cursor, not Article.objects.raw(): the raw queryset's machinery cost
    # more than the statement. The articles hold the four fields the page shows.
    with connection.cursor() as cursor:
        cursor.execute(AROUND_SQL, params)
        for *values, side in cursor.fetchall():
            found[side].append(Article.from_db(connection.alias, AROUND_FIELDS, values))
    return {
        "article": article,
        "other_news": found["other"],
        "newer": found["newer"][-1],
        "older": found["older"][-1],
    }


def _public(alias=""):
    """WorkflowQuerySet.published() in SQL: live, its date come, not expired."""
    return f"""{alias}live AND {alias}published_at <= %(now)s
    AND ({alias}expires_at IS NULL OR {alias}expires_at > %(now)s)"""


# One fixed statement (the ORM built these anew on every view, at more cost
# than running them). A plain range on published_at (not an OR) lets each
# neighbour's side start its index scan at the article itself; the NOT settles
# ties. No condition on the unit: a category is its unit's (Article.clean; the
# mergers map categories with their articles), and with one PostgreSQL weighed
# the unit's index per call, planning anew each time (0.6-0.9 ms) where the
# category's plan, prepared once, runs in 0.23 ms.
PUBLIC = f"category_id = %(category)s AND {_public()}"
# In the model's order of fields, as Model.from_db wants them.
AROUND_FIELDS = [
    f.attname
    for f in Article._meta.concrete_fields
    if f.attname in {"id", "title", "slug", "published_at"}
]
COLUMNS = ", ".join(AROUND_FIELDS)
NEWER = f"""(SELECT {COLUMNS}, 'newer' AS side FROM articles_article
  WHERE {PUBLIC}
    AND published_at >= %(at)s AND NOT (published_at = %(at)s AND id <= %(pk)s)
  ORDER BY published_at, id LIMIT 1)"""
OLDER = f"""(SELECT {COLUMNS}, 'older' AS side FROM articles_article
  WHERE {PUBLIC}
    AND published_at <= %(at)s AND NOT (published_at = %(at)s AND id >= %(pk)s)
  ORDER BY published_at DESC, id DESC LIMIT 1)"""
OTHER = f"""(SELECT {COLUMNS}, 'other' AS side FROM articles_article
  WHERE {PUBLIC} AND id <> %(pk)s
  ORDER BY published_at DESC, id DESC LIMIT %(other)s)"""
AROUND_SQL = f"{OTHER} UNION ALL {NEWER} UNION ALL {OLDER}"


def _select(model, alias):
    return ", ".join(f'{alias}."{f.column}"' for f in model._meta.concrete_fields)


def _attnames(model):
    return [f.attname for f in model._meta.concrete_fields]


# The article with its category and the category's parent, as one fixed statement
# written out from the models' fields once (building it with the ORM on every view
# cost more than running it).
ARTICLE_FIELDS = _attnames(Article)
CATEGORY_FIELDS = _attnames(Category)
ARTICLE_SQL = f"""SELECT {_select(Article, "a")}, {_select(Category, "c")},
       {_select(Category, "p")}
  FROM "{Article._meta.db_table}" a
  JOIN "{Category._meta.db_table}" c ON c.id = a.category_id
  LEFT JOIN "{Category._meta.db_table}" p ON p.id = c.parent_id
 WHERE a.site_id = %(site)s AND a.slug = %(slug)s"""
PUBLIC_ARTICLE = f" AND {_public('a.')}"


def article_by_slug(site, slug, *, public=True):
    """The unit's article at `slug` with its category (and its parent) loaded,
    or None; `public=False` finds drafts and scheduled ones too (staff preview)."""
    sql = ARTICLE_SQL + PUBLIC_ARTICLE if public else ARTICLE_SQL
    with connection.cursor() as cursor:
        cursor.execute(sql, {"site": site.pk, "slug": slug, "now": timezone.now()})
        row = cursor.fetchone()
    if row is None:
        return None
    db = connection.alias
    a, c = len(ARTICLE_FIELDS), len(CATEGORY_FIELDS)
    article = Article.from_db(db, ARTICLE_FIELDS, row[:a])
    category = Category.from_db(db, CATEGORY_FIELDS, row[a : a + c])
    parent = row[a + c :]
    category.parent = (
        None if parent[0] is None else Category.from_db(db, CATEGORY_FIELDS, parent)
    )
    article.category = category
    return article
