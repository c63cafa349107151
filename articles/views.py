from django.http import Http404
from django.shortcuts import get_object_or_404, render

from articles.models import Article, Category
from articles.selectors import article_by_slug, article_page
from portal.keyset import keyset_page
from portal.saving import saved_copy, wants_saved_copy
from portal.tenancy import set_page_object, user_can_manage_site

DETAIL_TEMPLATE = "articles/article_detail.html"
PER_PAGE = 15


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
    # By keyset: a deep page of a big category costs what its first page costs,
    # and no page counts the category.
    page = keyset_page(
        articles,
        field="published_at",
        per_page=PER_PAGE,
        after=request.GET.get("sau"),
        before=request.GET.get("truoc"),
    )
    return render(
        request, "articles/category_detail.html", {"category": category, "page": page}
    )


def article_detail(request, slug):
    # The unit's staff may preview drafts and scheduled articles before publishing.
    staff = user_can_manage_site(request.user, request.site)
    article = article_by_slug(request.site, slug, public=not staff)
    if article is None:
        raise Http404
    if wants_saved_copy(request) and article.is_public:
        return saved_copy(
            request, DETAIL_TEMPLATE, {"article": article}, title=article.title
        )
    if article.is_public:
        set_page_object(request, article)
    return render(request, DETAIL_TEMPLATE, article_page(article))
