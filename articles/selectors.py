"""Reads behind the public article pages that more than one view needs."""

from django.db.models import Value

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
    newer, older = neighbours(same_category, article)
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


def neighbours(articles, article):
    """The next newer and next older article (by date, then id), in one query."""
    at, pk = article.published_at, article.pk
    # A plain range on published_at (not an OR) lets each side start its index
    # scan at the article itself; the exclude settles ties on the same minute.
    newer = articles.filter(published_at__gte=at).exclude(published_at=at, id__lte=pk)
    older = articles.filter(published_at__lte=at).exclude(published_at=at, id__gte=pk)
    newer, older = (
        queryset.annotate(side=Value(name))
        .only("title", "slug", "published_at")
        .order_by(*ordering)[:1]
        for queryset, name, ordering in (
            (newer, "newer", ("published_at", "id")),
            (older, "older", ("-published_at", "-id")),
        )
    )
    found = {row.side: row for row in newer.union(older, all=True)}
    return found.get("newer"), found.get("older")
