"""One row per public object of every registered search source (portal/search.py).

The search page reads only these tables, so it knows no app. Words are kept
without diacritics (portal.text.search_normalize, the same folding the query
gets) in a tsvector with a GIN index: 'dang uy' finds 'Đảng ủy' on any
PostgreSQL, without the unaccent extension. Title words weigh more (A) than
text words (B) in the ranking, and a token naming the unit lets the GIN index
itself keep one unit's rows when many units share the table.

The entry row stays narrow (dates, title, address and the vector): ranking reads
every matching row, so the text shown in the results lives beside it, in
SearchText, read for the fifteen rows of a page only.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.contrib.sites.models import Site
from django.db import models
from django.db.models import Q
from django.utils import timezone

from portal.tenancy import SiteQuerySet


def site_token(site_id):
    """The word every entry of a unit carries in its vector (never a real word)."""
    return f"zzsite{int(site_id)}"


class SearchEntryQuerySet(SiteQuerySet):
    def visible(self, now=None):
        """Entries whose publication date has come and whose end has not."""
        now = now or timezone.now()
        return self.filter(
            Q(published_at__isnull=True) | Q(published_at__lte=now),
            Q(expires_at__isnull=True) | Q(expires_at__gt=now),
        )


class SearchEntry(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=40)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    object_id = models.CharField(max_length=64)
    title = models.CharField(max_length=500)
    url = models.CharField(max_length=500)
    date = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    # Written by portal/search_index/indexing.py from the folded title and text.
    vector = SearchVectorField()

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="unique_search_entry"
            )
        ]
        indexes = [GinIndex(fields=["vector"], name="search_entry_vector")]

    def __str__(self):
        return self.title


class SearchText(models.Model):
    """The plain text of an entry, for the passage shown under its title."""

    entry = models.OneToOneField(
        SearchEntry, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    text = models.TextField(blank=True)

    def __str__(self):
        return self.text[:80]
