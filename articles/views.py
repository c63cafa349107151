from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, render

from articles.admin_scoping import user_can_manage_site
from articles.models import Article, Category
from articles.sitemaps import ArticleSitemap, CategorySitemap

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
    return render(
        request, "articles/article_detail.html", article_context(request, article)
    )


def article_context(request, article):
    """What the article page shows around `article` (reused by the comments app to
    re-show the page with a comment form that has errors)."""
    same_category = (
        Article.objects.for_site(request.site)
        .published()
        .filter(category_id=article.category_id)
    )
    return {
        "article": article,
        "other_news": list(
            same_category.exclude(pk=article.pk)
            .for_listing()
            .newest_first()[:OTHER_NEWS]
        ),
        "newer": neighbour(same_category, article, newer=True),
        "older": neighbour(same_category, article, newer=False),
    }


def neighbour(articles, article, *, newer):
    """The next newer (or older) article, ordered by date then id."""
    at, pk = article.published_at, article.pk
    if newer:
        after = Q(published_at__gt=at) | Q(published_at=at, id__gt=pk)
        ordering = ("published_at", "id")
    else:
        after = Q(published_at__lt=at) | Q(published_at=at, id__lt=pk)
        ordering = ("-published_at", "-id")
    return (
        articles.filter(after)
        .only("title", "slug", "published_at")
        .order_by(*ordering)
        .first()
    )


def sitemap(request):
    """Django's sitemap view, with sitemaps of the request's site only."""
    sitemaps = {
        "articles": ArticleSitemap(request.site),
        "categories": CategorySitemap(request.site),
    }
    return django_sitemap(request, sitemaps=sitemaps)
