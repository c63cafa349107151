"""Entries of a WordPress export (WXR 1.x) for articles/importers.py.

Parsed with defusedxml: an export is a file from elsewhere, and an XML bomb
or an external entity in it must not expand or reach out.
"""

from datetime import UTC, datetime

from defusedxml import ElementTree
from django.utils.html import strip_tags
from django.utils.text import Truncator

from articles.importers import LEAD_WORDS, Entry

NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
IMPORTED_STATUSES = {"publish", "future", "draft", "pending", "private"}


def _text(element, path):
    found = element.find(path, NS)
    return (found.text or "").strip() if found is not None else ""


def _namespaces(data):
    """WXR 1.0, 1.1 and 1.2 differ only in the wp namespace's version."""
    for version in ("1.2", "1.1", "1.0"):
        uri = f"http://wordpress.org/export/{version}/"
        if uri.encode() in data:
            NS["wp"] = uri
            NS["excerpt"] = f"http://wordpress.org/export/{version}/excerpt/"
            return


def _date(item):
    gmt = _text(item, "wp:post_date_gmt")
    if gmt and not gmt.startswith("0000"):
        return datetime.strptime(gmt, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    return None


def wxr_entries(data):
    """Posts of the export as Entry (authors as bylines, featured image as cover)."""
    _namespaces(data)
    channel = ElementTree.fromstring(data).find("channel")
    if channel is None:
        raise ValueError("not a WordPress export")
    authors = {
        _text(author, "wp:author_login"): _text(author, "wp:author_display_name")
        for author in channel.findall("wp:author", NS)
    }
    items = channel.findall("item")
    attachments = {
        _text(item, "wp:post_id"): _text(item, "wp:attachment_url")
        for item in items
        if _text(item, "wp:post_type") == "attachment"
    }
    for item in items:
        if _text(item, "wp:post_type") != "post":
            continue
        if _text(item, "wp:status") not in IMPORTED_STATUSES:
            continue
        meta = {
            _text(m, "wp:meta_key"): _text(m, "wp:meta_value")
            for m in item.findall("wp:postmeta", NS)
        }
        excerpt = strip_tags(_text(item, "excerpt:encoded"))
        login = _text(item, "dc:creator")
        yield Entry(
            key=_text(item, "guid") or _text(item, "link"),
            title=strip_tags(_text(item, "title")),
            link=_text(item, "link"),
            published=_date(item),
            lead=Truncator(" ".join(excerpt.split())).words(LEAD_WORDS),
            body=_text(item, "content:encoded"),
            author=authors.get(login) or login,
            categories=[
                (c.text or "").strip()
                for c in item.findall("category")
                if c.get("domain") == "category"
            ],
            cover_url=attachments.get(meta.get("_thumbnail_id", ""), ""),
        )
