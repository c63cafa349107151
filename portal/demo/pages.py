"""The demo unit's pages and its menu (portal/demo/pages.json).

Like the articles, found by their natural keys and only created when missing;
the menu is written only for a unit that has none, so a unit's own menu is
never overwritten.
"""

import json
from pathlib import Path

from django.utils import timezone
from django.utils.html import escape

from articles.models import Category
from pages.models import Page
from portal import menu
from portal.menu.models import MenuItem

CONTENT = Path(__file__).with_name("pages.json")


def load(site):
    """Create the missing demo pages, then the menu if the unit has none."""
    data = json.loads(CONTENT.read_text(encoding="utf-8"))
    created = 0
    for entry in data["pages"]:
        if Page.objects.filter(site=site, slug=entry["slug"]).exists():
            continue
        Page.objects.create(
            site=site,
            title=entry["title"],
            slug=entry["slug"],
            body=_html(entry["body"]),
            status=Page.Status.PUBLISHED,
            live=True,
            published_at=timezone.now(),
        )
        created += 1
    if not MenuItem.objects.filter(site=site).exists():
        for position, entry in enumerate(data["menu"], start=1):
            _menu_item(site, entry, position)
    return created


def _menu_item(site, entry, position, parent=None):
    fields = {"site": site, "position": position, "parent": parent}
    if "category" in entry:
        category = Category.objects.get(site=site, slug=entry["category"])
        fields.update(target="category", object_id=category.pk)
    elif "page" in entry:
        page = Page.objects.get(site=site, slug=entry["page"])
        fields.update(target="page", object_id=page.pk)
    elif "link" in entry:
        fields.update(target=menu.EXTERNAL, label=entry["link"], url=entry["url"])
    elif "heading" in entry:
        fields.update(target=menu.HEADING, label=entry["heading"])
    else:
        fields.update(target=entry["target"], label=entry.get("label", ""))
    item = MenuItem.objects.create(**fields)
    for child_position, child in enumerate(entry.get("children", []), start=1):
        _menu_item(site, child, child_position, parent=item)
    return item


def _html(blocks):
    parts = []
    for tag, content in blocks:
        if tag in ("ul", "ol"):
            items = "".join(f"<li>{escape(item)}</li>" for item in content)
            parts.append(f"<{tag}>{items}</{tag}>")
        else:
            parts.append(f"<{tag}>{escape(content)}</{tag}>")
    return "\n".join(parts)
