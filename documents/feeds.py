from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext as _

from documents.models import Document

FEED_ITEMS = 30


class LatestDocumentsFeed(Feed):
    """The newest published documents of the unit."""

    def get_object(self, request):
        self.request_site = request.site
        return None

    def title(self):
        return _("Documents – %(name)s") % {"name": self.request_site.name}

    def link(self):
        return reverse("documents:list")

    def description(self):
        return _("The latest documents published by %(name)s") % {
            "name": self.request_site.name
        }

    def items(self):
        return (
            Document.objects.for_site(self.request_site)
            .published()
            .for_listing()
            .newest_first()[:FEED_ITEMS]
        )

    def item_title(self, item):
        return f"{item.number} – {item.document_type.name}"

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at
