from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.core.paginator import Paginator
from django.db.models import Value
from django.shortcuts import get_object_or_404, render

from articles.models import Article, Category
from articles.sitemaps import ArticleSitemap, CategorySitemap
from portal.saving import saved_copy, wants_saved_copy
from portal.tenancy import set_page_object, user_can_manage_site

DETAIL_TEMPLATE = "articles/article_detail.html"
PER_PAGE = 15
OTHER_NEWS = 8


def category_detail(request, slug):
    category = get_object_or_404(
        Category.objects.for_site(request.site).select_related("parent"), slug=slug
    )
    articles = (
        Article.objects.for_site(request.site)
        .published()
        .in_category(category)
        .for_listing()
        .newest_first()
    )
    page = Paginator(articles, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "articles/category_detail.html", {"category": category, "page": page}
    )


def article_detail(request, slug):
    site_articles = Article.objects.for_site(request.site).published()
    # The unit's staff may preview drafts and scheduled articles before publishing.
    viewable = (
        Article.objects.for_site(request.site)
        if user_can_manage_site(request.user, request.site)
        else site_articles
    )
    article = get_object_or_404(
        viewable.select_related("category", "category__parent"), slug=slug
    )
    if wants_saved_copy(request) and article.is_public:
        return saved_copy(
            request, DETAIL_TEMPLATE, {"article": article}, title=article.title
        )
    if article.is_public:
        set_page_object(request, article)
    return render(request, DETAIL_TEMPLATE, article_context(request, article))


def article_context(request, article):
    """What the article page shows around `article` (reused by the comments app to
    re-show the page with a comment form that has errors)."""
    same_category = (
        Article.objects.for_site(request.site)
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


def sitemap(request):
    """Django's sitemap view, with sitemaps of the request's site only."""
    sitemaps = {
        "articles": ArticleSitemap(request.site),
        "categories": CategorySitemap(request.site),
    }
    return django_sitemap(request, sitemaps=sitemaps)
