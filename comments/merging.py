"""Comments and ratings follow their articles when units merge (CommentsConfig.ready)."""

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy

from articles.models import Article
from comments.models import Comment, Rating
from portal import merging


def move_comments(ctx, old_site):
    """Each comment goes to the unit its article went to; ratings need no change."""
    moved_articles = ctx.shared.get("articles", {}).get(old_site.pk, [])
    ctx.count(
        old_site, "ratings", Rating.objects.filter(article__in=moved_articles).count()
    )
    return (
        Comment.objects.filter(site=old_site)
        .exclude(article__site=old_site)
        .update(
            site=Subquery(
                Article.objects.filter(pk=OuterRef("article_id")).values("site_id")
            )
        )
    )


def register():
    merging.register(
        merging.Mover("comments", gettext_lazy("Comments"), move_comments, 30)
    )
    # Counted by the comments mover, listed after it.
    merging.register(
        merging.Mover("ratings", gettext_lazy("Ratings"), lambda ctx, site: 0, 31)
    )
