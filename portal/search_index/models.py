"""One row per public object of every registered search source (portal/search.py).

The search page reads only this table, so it knows no app. The words are kept
without diacritics (portal.text.search_normalize, the same folding the query
gets) in a tsvector with a GIN index: 'dang uy' finds 'Đảng ủy' on any
PostgreSQL, without the unaccent extension. Title words weigh more than text
words in the ranking. The original title and text are kept for the results.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.contrib.sites.models import Site
from django.db import models
from django.db.models import Q
from django.utils import timezone

from portal.tenancy import SiteQuerySet


class SearchEntryQuerySet(SiteQuerySet):
    def visible(self, now=None):
        """Entries whose publication date has come and whose end has not."""
        now = now or timezone.now()
        return self.filter(
            Q(published_at__isnull=True) | Q(published_at__lte=now),
            Q(expires_at__isnull=True) | Q(expires_at__gt=now),
        )


class SearchEntry(models.Model):
    # Both are the first column of an index below already.
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    kind = models.CharField(max_length=40)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    object_id = models.CharField(max_length=64)
    title = models.CharField(max_length=500)
    text = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    date = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    folded_title = models.TextField(blank=True)
    folded_text = models.TextField(blank=True)
    vector = models.GeneratedField(
        expression=SearchVector("folded_title", weight="A", config="simple")
        + SearchVector("folded_text", weight="B", config="simple"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="unique_search_entry"
            )
        ]
        indexes = [
            GinIndex(fields=["vector"], name="search_entry_vector"),
            models.Index(fields=["site", "kind"], name="search_entry_site_kind"),
        ]

    def __str__(self):
        return self.title
