"""News from an old portal: its RSS 2.0 / Atom feed, or a WordPress (WXR) export.

Each entry becomes a DRAFT article through the workflow's save_draft, saved by
the staff member who runs the import (`--user`): revisions and the audit log
name a person, and nothing is public before an approver publishes it. The body
is sanitised on save like any article; its images are copied into the unit's
media (portal/mergers/importing.py); the old address redirects to the new one;
a second run skips what the first imported (by GUID, else address).
"""

import calendar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from articles.models import Article, Category
from portal import merging
from portal.audit.models import Action
from portal.audit.services import record
from portal.mergers import importing
from portal.mergers.fetching import FetchError, fetch
from portal.workflow import services as workflow

MAX_FEED_BYTES = 20 * 1024 * 1024
LEAD_WORDS = 80


@dataclass
class Entry:
    key: str  # GUID or address: what makes a second run skip it
    title: str
    link: str = ""
    published: datetime | None = None
    lead: str = ""
    body: str = ""
    author: str = ""
    categories: list = field(default_factory=list)  # names
    cover_url: str = ""


def read_source(source, *, allow_private=False):
    """The bytes of a file path or an http(s) address."""
    if source.startswith(("http://", "https://")):
        body, _type, _url = fetch(
            source, max_bytes=MAX_FEED_BYTES, allow_private=allow_private
        )
        return body
    return Path(source).read_bytes()


def _struct_time(value):
    if not value:
        return None
    return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)


def feed_entries(data):
    """Entries of an RSS 2.0 or Atom document (feedparser reads both)."""
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        raise ValueError(_("This is not a readable RSS or Atom feed."))
    for item in parsed.entries:
        content = item.get("content") or []
        summary = item.get("summary", "")
        body = content[0].get("value", "") if content else summary
        lead = strip_tags(summary) if content else ""
        yield Entry(
            key=item.get("id") or item.get("link") or item.get("title", ""),
            title=strip_tags(item.get("title", "")).strip(),
            link=item.get("link", ""),
            published=_struct_time(
                item.get("published_parsed") or item.get("updated_parsed")
            ),
            lead=Truncator(" ".join(lead.split())).words(LEAD_WORDS),
            body=body,
            author=item.get("author", ""),
            categories=[tag.get("term", "") for tag in item.get("tags", [])],
        )


def category_named(site, name, default):
    """The unit's category with this name (accents and case ignored), or made."""
    if not name.strip():
        return default
    wanted = merging.name_key(name)
    for category in Category.objects.for_site(site):
        if merging.name_key(category.name) == wanted:
            return category
    return Category.objects.create(site=site, name=name.strip()[:120], in_menu=False)


def import_entries(
    entries, *, site, category, user, source, allow_private=False, by_category=False
):
    """Import each entry in its own transaction; answer the run's report."""
    report = importing.ImportReport()
    for entry in entries:
        title = entry.title or entry.key
        if importing.already_imported(site, entry.key):
            report.skipped.append(title)
            continue
        try:
            with transaction.atomic():
                notes = _import_one(
                    entry, site, category, user, allow_private, by_category
                )
        except Exception as error:  # one bad entry must not stop the others
            report.failed.append((title, str(error) or error.__class__.__name__))
            continue
        report.created.append(title)
        report.warnings += [(title, note) for note in notes]
    record(
        Action.IMPORT,
        user=user,
        site=site,
        summary=_("Import from %(source)s") % {"source": source} + "\n" + report.text(),
    )
    return report


def _import_one(entry, site, category, user, allow_private, by_category):
    if not entry.title:
        raise ValueError(_("The entry has no title."))
    body, notes = importing.localize_images(
        entry.body, base_url=entry.link, site=site, allow_private=allow_private
    )
    if by_category and entry.categories:
        category = category_named(site, entry.categories[0], category)
    article = Article(
        site=site,
        category=category,
        title=entry.title[:300],
        lead=entry.lead,
        body=body,
        author=entry.author[:120],
        published_at=entry.published or timezone.now(),
    )
    if entry.cover_url:
        try:
            cover = importing.download_image(
                entry.cover_url, allow_private=allow_private
            )
            article.cover.save(cover.name, cover, save=False)
        except Exception as error:
            notes.append(_("cover image left out: %(reason)s") % {"reason": error})
    workflow.save_draft(
        article,
        user=user,
        note=_("Imported from %(url)s") % {"url": entry.link or entry.key},
    )
    importing.remember(site, entry.key, article, user)
    importing.redirect_old_url(site, entry.link, article.get_absolute_url())
    return notes


__all__ = ["FetchError", "Entry", "feed_entries", "import_entries", "read_source"]
