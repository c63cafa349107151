"""What the news moves when units merge (registered in ArticlesConfig.ready).

Categories are matched by name (accents, case and spaces ignored) onto the new
unit's categories, or created as "Tin tức xã A (cũ)". Articles keep their
images (the files stay where they are: /media/ is the same on every host),
their comments, ratings and view counts (rows that follow the article), and
their revisions; a slug the new unit already uses is replaced, and the old
address redirects to the new one.
"""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.models import Article, Category
from portal import merging
from portal.workflow.models import Revision


def _category_url(slug):
    return reverse("articles:category", kwargs={"slug": slug})


def _feed_url(slug):
    return reverse("articles:category_feed", kwargs={"slug": slug})


def _lower_first(text):
    return text[:1].lower() + text[1:]


def category_on(ctx, old_site, category, target):
    """The category of `target` that takes `category`'s articles (made if needed)."""
    mapped = ctx.shared.setdefault("categories", {})
    key = (category.pk, target.pk)
    if key in mapped:
        return mapped[key]
    parent = (
        category_on(ctx, old_site, category.parent, target)
        if category.parent_id
        else None
    )
    wanted = merging.name_key(category.name)
    match = next(
        (
            candidate
            for candidate in Category.objects.for_site(target).order_by(
                "parent_id", "position", "id"
            )
            if merging.name_key(candidate.name) == wanted
        ),
        None,
    )
    created = match is None
    if created:
        name = _("%(category)s %(unit)s (former)") % {
            "category": category.name,
            "unit": _lower_first(ctx.origin(old_site)),
        }
        match = Category.objects.create(
            site=target,
            parent=parent if parent is not None and not parent.parent_id else None,
            name=name[:120],
            slug=ctx.free_slug(Category, target, category.slug),
            position=category.position,
            in_menu=category.in_menu,
        )
    ctx.map_category(old_site, "categories", category.name, target, match.name, created)
    for url in (_category_url, _feed_url):
        ctx.moved(old_site, "categories", url(category.slug), target, url(match.slug))
    mapped[key] = match
    return match


def move_categories(ctx, old_site):
    """Map every category of the old unit onto the successor chosen for it."""
    categories = Category.objects.for_site(old_site).select_related("parent")
    for category in categories.order_by("parent_id", "position", "id"):
        target = ctx.target_for(old_site, "category", key=category.slug)
        category_on(ctx, old_site, category, target)
    return categories.count()


def move_articles(ctx, old_site):
    moved = ctx.shared.setdefault("articles", {}).setdefault(old_site.pk, [])
    articles = Article.objects.for_site(old_site).select_related(
        "category", "category__parent"
    )
    article_type = ContentType.objects.get_for_model(Article)
    origin = ctx.origin(old_site)
    for article in articles.order_by("published_at", "id"):
        target = ctx.target_for(
            old_site, "article", key=article.slug, category=article.category.slug
        )
        category = category_on(ctx, old_site, article.category, target)
        slug = ctx.free_slug(Article, target, article.slug)
        Article.objects.filter(pk=article.pk).update(
            site=target, category=category, slug=slug, merged_from=origin
        )
        # A pending edit or a restored version must not bring the old slug or
        # category back: every revision follows the article.
        for revision in Revision.objects.filter(
            content_type=article_type, object_id=str(article.pk)
        ):
            revision.content.update({"slug": slug, "category_id": category.pk})
            revision.site = target
            revision.save(update_fields=["content", "site"])
        if article.live:
            ctx.moved(
                old_site,
                "articles",
                article.get_absolute_url(),
                target,
                reverse("articles:detail", kwargs={"slug": slug}),
                slug=(article.slug, slug),
            )
        moved.append(article.pk)
    return len(moved)


def register():
    merging.register(
        merging.Mover("categories", gettext_lazy("Categories"), move_categories, 10)
    )
    merging.register(
        merging.Mover("articles", gettext_lazy("Articles"), move_articles, 20)
    )
    merging.register_same_path("articles:feed")
