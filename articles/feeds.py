from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from articles.models import Article, Category

FEED_ITEMS = 30


class LatestArticlesFeed(Feed):
    """The newest published articles of the site, or of one category."""

    def get_object(self, request, slug=None):
        self.request_site = request.site
        if slug is None:
            return None
        return get_object_or_404(Category.objects.for_site(request.site), slug=slug)

    def title(self, category):
        site_name = self.request_site.name
        return f"{category.name} – {site_name}" if category else site_name

    def link(self, category):
        return category.get_absolute_url() if category else "/"

    def description(self, category):
        return _("The latest news of %(name)s") % {"name": self.title(category)}

    def items(self, category):
        articles = Article.objects.for_site(self.request_site).published()
        if category is not None:
            articles = articles.in_category(category)
        return articles.for_listing().newest_first()[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.author or None
