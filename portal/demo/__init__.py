"""The demo content: the five real portal pages of ../shared/seeds as articles.

`load(site)` is idempotent: rows are found by their natural keys (the unit profile
by site, categories and articles by slug) and only what is missing is created.
"""

import io
import json
import random
from datetime import datetime
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from PIL import Image, ImageDraw

from articles.models import Article, Category
from portal.models import UnitProfile
from portal.text import slugify_vi
from portal.uploads import store_image

CONTENT = Path(__file__).with_name("content.json")


def load(site):
    """Create what is missing of the demo content on `site`; answer the counts."""
    data = json.loads(CONTENT.read_text(encoding="utf-8"))
    unit, _created = UnitProfile.objects.get_or_create(site=site)
    if not unit.name:  # never over what the unit wrote itself
        for field, value in data["unit"].items():
            setattr(unit, field, value)
        unit.save()
    if site.name == "example.com":  # contrib.sites' placeholder: the unit's name
        site.name = "Phường Tân Lập"
        site.save(update_fields=["name"])
    categories = _categories(site, data["categories"])
    created = existing = 0
    for entry in _articles(data):
        slug = slugify_vi(entry["title"])
        if Article.objects.filter(site=site, slug=slug).exists():
            existing += 1
            continue
        _create_article(site, categories[entry["category"]], slug, entry)
        created += 1
    from portal.demo import pages  # the pages and the menu that opens them

    pages.load(site)

    # Two former units merged into this one (issue 15): banner, chooser, redirects.
    from portal.mergers import demo as merger_demo

    merger_demo.load(site)
    return created, existing


def load_apps(site):
    """The other apps' demo content: each AppConfig with a `load_demo(site)` method
    adds its own and answers a line for the log (portal imports none of them)."""
    from django.apps import apps

    for config in apps.get_app_configs():
        loader = getattr(config, "load_demo", None)
        if callable(loader):
            yield loader(site)


def _categories(site, entries):
    categories = {}
    for position, entry in enumerate(entries, start=1):
        parent = categories.get(entry.get("parent"))
        categories[entry["slug"]], _ = Category.objects.get_or_create(
            site=site,
            slug=entry["slug"],
            defaults={"name": entry["name"], "parent": parent, "position": position},
        )
    return categories


def _articles(data):
    yield from data["articles"]
    # Seed 000 lists its "Thông tin khác": real titles and dates of the same section.
    for index, (title, day) in enumerate(data["other_news"]):
        yield {
            "title": title,
            "category": "tin-tuc-su-kien",
            # Same-day titles keep the seed's order: the first listed is the newest.
            "published_at": f"{day} {17 - index % 8:02d}:00",
            "lead": "",
            "body": ["Nội dung đang được cập nhật."],
        }


def _create_article(site, category, slug, entry):
    seed = random.Random(slug)
    article = Article(
        site=site,
        category=category,
        title=entry["title"],
        slug=slug,
        lead=entry["lead"],
        body=_body_html(entry["body"], seed),
        author=entry.get("author", ""),
        source=entry.get("source", ""),
        featured=entry.get("featured", False),
        status=Article.Status.PUBLISHED,
        live=True,
        published_at=timezone.make_aware(
            datetime.strptime(entry["published_at"], "%Y-%m-%d %H:%M")
        ),
    )
    if "cover_caption" in entry:
        article.cover_caption = entry["cover_caption"]
        article.cover.save(f"{slug[:60]}.jpg", ContentFile(picture(seed)), save=False)
    article.save()


def _body_html(blocks, seed):
    parts = []
    for block in blocks:
        if isinstance(block, str):
            parts.append(f"<p>{escape(block)}</p>")
            continue
        upload = ContentFile(picture(seed), name="demo.jpg")
        urls = store_image(upload, folder="uploads/demo")
        srcset = ", ".join(f"{urls[w]} {w}w" for w in ("480", "960"))
        parts.append(
            f'<figure class="image"><img src="{urls["default"]}" srcset="{srcset}" '
            f'sizes="100vw" alt="{escape(block["image"])}">'
            f"<figcaption>{escape(block['caption'])}</figcaption></figure>"
        )
    return "\n".join(parts)


def picture(seed, size=(1200, 800)):
    """A generated JPEG standing in for the seed's photograph (calm, varied colours)."""
    width, height = size
    top = tuple(seed.randrange(60, 200) for _ in range(3))
    bottom = tuple(max(0, c - 50) for c in top)
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(
                round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)
            ),
        )
    for _ in range(6):
        x, y = seed.randrange(width), seed.randrange(height // 3, height)
        r = seed.randrange(40, 160)
        shade = tuple(min(255, c + 40) for c in top)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=shade)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()
