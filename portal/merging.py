"""What moves when units merge: a registry of movers that the content apps fill.

portal/mergers/services.merge_units() knows no content app. Each app registers,
in its AppConfig.ready(), one `Mover` per kind of content it owns:

    from portal import merging
    merging.register(merging.Mover(
        kind="documents", label=_("Documents"), order=40, move=move_documents))

The contract of `move(ctx, old_site)`:

- It moves every row of `old_site` of its kind to a successor, inside the
  merge's transaction (no commit, no work outside the database: a dry run is
  the same run rolled back, so what it reports is exactly what would happen).
- The successor of each item is `ctx.target_for(old_site, kind, key=…,
  category=…)`: for a merger the new unit; for a unit split across several, the
  one the administrator chose for that item or its category, else the first.
- A slug the successor already uses is replaced with `ctx.free_slug(model,
  target, slug)`; every public URL that changes is given to
  `ctx.moved(old_site, kind, old_url, target, new_url, slug=(old, new))`, which
  creates the 301 on the old host and lists it (and the slug change) in the
  report.
- The moved item keeps its origin for its page: `ctx.origin(old_site)` is the
  old unit's name ("Nguồn: %s, trước sáp nhập" is shown by the item's template
  from a `merged_from` field of its model).
- It answers how many items it moved; `ctx.count(old_site, kind, n)` adds
  further counts (e.g. ratings moved with their articles), and
  `ctx.map_category(old_site, kind, old_name, target, new_name, created)` lists
  a category mapping. `ctx.shared` is a dict for movers of one app to pass
  state (e.g. `shared["articles"][old_site.pk]`: ids of the articles moved).
- Movers run by `order` (categories 10, articles 20, comments 30, counter 90;
  documents, pages and questions fit between 40 and 80).

`register_same_path(*url_names)` names the unit-wide pages (search, feeds…) whose
old address goes to the same address on the successor's host.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from portal.tenancy import unique_slug
from portal.text import unaccent

_movers = {}
_same_path_names = set()


@dataclass(frozen=True)
class Mover:
    kind: str  # key in the report, e.g. "articles"
    label: str  # what the report calls it, e.g. _("Articles")
    move: Callable  # move(ctx, old_site) -> int: how many items moved
    order: int = 100


def register(mover):
    _movers[mover.kind] = mover


def movers():
    return sorted(_movers.values(), key=lambda mover: (mover.order, mover.kind))


def register_same_path(*url_names):
    _same_path_names.update(url_names)


def same_path_names():
    return frozenset(_same_path_names)


def name_key(name):
    """'Tin Tức ' and 'tin tuc' match: accents, case and spaces ignored."""
    return " ".join(unaccent(name).casefold().split())


@dataclass
class UnitReport:
    """What happens to one old unit: counts, categories, slugs and redirects."""

    site: object
    counts: dict = field(default_factory=lambda: defaultdict(int))
    categories: list = field(default_factory=list)  # (kind, old, target, new, created)
    slugs: list = field(default_factory=list)  # (kind, old slug, new slug, target)
    redirects: list = field(default_factory=list)  # (old url, new url)

    @property
    def labelled_counts(self):
        labels = {mover.kind: str(mover.label) for mover in movers()}
        return [(labels.get(kind, kind), n) for kind, n in self.counts.items()]


@dataclass
class MergeContext:
    successors: list  # Site objects, the first one first
    assignments: dict = field(default_factory=dict)  # (kind, key) -> Site
    redirect: Callable = None  # (old_site, old_path, target, new_path) -> None
    origins: dict = field(default_factory=dict)  # old site pk -> name
    shared: dict = field(default_factory=dict)
    reports: dict = field(default_factory=dict)  # old site pk -> UnitReport

    def report(self, old_site):
        if old_site.pk not in self.reports:
            self.reports[old_site.pk] = UnitReport(old_site)
        return self.reports[old_site.pk]

    def target_for(self, old_site, kind, key=None, category=None):
        """The successor that gets an item: chosen for it, for its category, or first."""
        for wanted in ((kind, key), ("category", category)):
            if wanted[1] is not None and wanted in self.assignments:
                return self.assignments[wanted]
        return self.successors[0]

    def free_slug(self, model, target, slug):
        """`slug`, or the first free `slug-2`, `slug-3`… on the target unit."""
        if not model.objects.filter(site=target, slug=slug).exists():
            return slug
        return unique_slug(model, target.pk, slug.replace("-", " "))

    def origin(self, old_site):
        return self.origins.get(old_site.pk, old_site.name)

    def count(self, old_site, kind, n):
        self.report(old_site).counts[kind] += n

    def map_category(self, old_site, kind, old_name, target, new_name, created):
        self.report(old_site).categories.append(
            (kind, old_name, target, new_name, created)
        )

    def moved(self, old_site, kind, old_url, target, new_url, slug=None):
        """The item at `old_url` on the old unit is now `new_url` on `target`."""
        report = self.report(old_site)
        if slug and slug[0] != slug[1]:
            report.slugs.append((kind, slug[0], slug[1], target))
        self.redirect(old_site, old_url, target, new_url)
        report.redirects.append((old_site, old_url, target, new_url))


def move_objects(ctx, old_site, queryset, *, kind, url_name, remap=None):
    """Move the rows of `queryset` (content with a slug, a `merged_from` field
    and revisions) to their successors; answer how many moved.

    `remap(obj, target)` gives the foreign keys to change ({"topic": …}) to the
    successor's own rows (lists matched by name); every revision follows, so a
    pending edit or a restored version never brings an old unit's row back. A
    live item's old address redirects to the new one.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.urls import reverse

    from portal.workflow.models import Revision

    model = queryset.model
    content_type = ContentType.objects.get_for_model(model)
    origin = ctx.origin(old_site)
    moved = 0
    for obj in queryset.order_by("pk"):
        target = ctx.target_for(old_site, kind, key=obj.slug)
        slug = ctx.free_slug(model, target, obj.slug)
        changes = remap(obj, target) if remap else {}
        model.objects.filter(pk=obj.pk).update(
            site=target, slug=slug, merged_from=origin, **changes
        )
        in_revisions = {"slug": slug}
        for name, value in changes.items():
            in_revisions[model._meta.get_field(name).attname] = getattr(
                value, "pk", value
            )
        for revision in Revision.objects.filter(
            content_type=content_type, object_id=str(obj.pk)
        ):
            revision.content.update(in_revisions)
            revision.site = target
            revision.save(update_fields=["content", "site"])
        if obj.live:
            ctx.moved(
                old_site,
                kind,
                obj.get_absolute_url(),
                target,
                reverse(url_name, kwargs={"slug": slug}),
                slug=(obj.slug, slug),
            )
        moved += 1
    return moved
