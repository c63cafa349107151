"""The one search: every kind in one ranked, filtered, paginated list.

Three queries whatever the size of the index: the number of matches by kind
(the filter and the total), the page of results ranked by ts_rank_cd (words
close together rank higher; title words weigh more than text words; newest
first among equals), and the texts of that page's fifteen entries.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Paginator
from django.db.models import Count, F

from portal import search
from portal.search_index import highlight
from portal.search_index.models import SearchEntry, SearchText, site_token

PER_PAGE = 15
# ts_rank_cd normalisation 1: divide by 1 + log(length), so a long text that
# repeats a word does not bury a short one about it.
RANK_NORMALIZATION = 1


@dataclass
class Kind:
    kind: str
    label: str
    count: int


@dataclass
class Results:
    query: str
    kind: str
    kinds: list  # [Kind] in the registry's order, with their numbers of matches
    total: int  # matches of every kind
    page: object  # the Paginator page of SearchEntry rows, highlighted


def run(site, query, *, kind="", page_number=None, per_page=PER_PAGE, now=None):
    """The results of `query` on `site`, optionally of one `kind` only."""
    words = highlight.query_words(query)
    matches = SearchEntry.objects.for_site(site).visible(now)
    if words:
        tsquery = SearchQuery(" ".join(words), config="simple", search_type="plain")
        # The unit's token in the query lets the GIN index drop other units' rows.
        unit = SearchQuery(site_token(site.pk), config="simple", search_type="raw")
        matches = matches.filter(vector=tsquery & unit)
    else:
        matches = matches.none()
    counts = dict(
        matches.order_by().values_list("kind").annotate(n=Count("id")) if words else []
    )
    kinds = [
        Kind(source.kind, str(source.label), counts.get(source.kind, 0))
        for source in search.sources()
    ]
    if kind:
        matches = matches.filter(kind=kind)
    ranked = (
        matches.annotate(
            rank=SearchRank(
                F("vector"),
                tsquery,
                cover_density=True,
                normalization=RANK_NORMALIZATION,
            )
        ).order_by("-rank", F("date").desc(nulls_last=True), "-id")
        if words
        else matches
    ).only("kind", "title", "url", "date")
    paginator = Paginator(ranked, per_page)
    # The counts above know the total: spare the paginator its own COUNT query.
    paginator.count = counts.get(kind, 0) if kind else sum(counts.values())
    page = paginator.get_page(page_number)
    page.object_list = list(page.object_list)
    texts = dict(
        SearchText.objects.filter(
            entry_id__in=[entry.pk for entry in page.object_list]
        ).values_list("entry_id", "text")
        if page.object_list
        else []
    )
    labels = {k.kind: k.label for k in kinds}
    for entry in page.object_list:
        entry.kind_label = labels.get(entry.kind, entry.kind)
        entry.title_marked = highlight.highlight(entry.title, words)
        entry.excerpt_marked = highlight.excerpt(texts.get(entry.pk, ""), words)
    return Results(query, kind, kinds, sum(counts.values()), page)
