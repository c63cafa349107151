"""Small helpers that make rows with sensible defaults: make_article(**overrides)."""

import io
from datetime import datetime, timedelta
from itertools import count
from zoneinfo import ZoneInfo

from django.contrib.sites.models import Site
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles.models import Article, Category
from comments.models import Comment
from pages.models import Page
from portal.menu.models import MenuItem
from portal.models import UnitProfile

_seq = count(1)
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def vietnam_time(year, month, day, hour=0, minute=0, second=0):
    """An aware instant given as Vietnamese wall-clock time (UTC+7)."""
    return datetime(year, month, day, hour, minute, second, tzinfo=VIETNAM)


def default_site():
    return Site.objects.order_by("id").first()


def make_site(domain, name=None):
    return Site.objects.create(domain=domain, name=name or domain)


def make_unit(site=None, **overrides):
    fields = {
        "site": site or default_site(),
        "name": "PHƯỜNG TÂN LẬP - THÀNH PHỐ THÁI NGUYÊN",
        "address": "511 Ba Tháng Hai, Tân Lập, Thành phố Thái Nguyên, Thái Nguyên",
        "responsible_person": "Dương Anh Tuấn - Chủ tịch UBND phường",
        "copyright": "Bản quyền © 2020 Uỷ ban nhân dân phường Tân Lập. Bảo lưu toàn quyền",
        "phones": "0914.266.628",
        "emails": "datuan.tnmt@gmail.com",
    }
    fields.update(overrides)
    return UnitProfile.objects.create(**fields)


def make_category(site=None, **overrides):
    n = next(_seq)
    fields = {"site": site or default_site(), "name": f"Tin tức {n}", "position": n}
    fields.update(overrides)
    return Category.objects.create(**fields)


def make_article(category=None, **overrides):
    category = (
        category
        or overrides.pop("category", None)
        or make_category(site=overrides.get("site"))
    )
    n = next(_seq)
    fields = {
        "site": category.site,
        "category": category,
        "title": f"Hội nghị tổng kết công tác năm {n}",
        "lead": "Sáng ngày 25/12/2020, Đảng ủy xã tổ chức hội nghị.",
        "body": "<p>Nội dung bài viết.</p>",
        "author": "Hoàng Khanh",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - timedelta(hours=n),
    }
    fields.update(overrides)
    # A published article is live, as the workflow's publish() leaves it.
    fields.setdefault("live", fields["status"] == Article.Status.PUBLISHED)
    return Article.objects.create(**fields)


def image_bytes(size=(64, 48), fmt="PNG", color=(160, 20, 20)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt)
    return buffer.getvalue()


def image_upload(name="anh.png", size=(64, 48), fmt="PNG"):
    content_type = "image/png" if fmt == "PNG" else "image/jpeg"
    return SimpleUploadedFile(name, image_bytes(size, fmt), content_type=content_type)


def make_comment(article, status=Comment.Status.APPROVED, **fields):
    values = {
        "name": "Trần Thị Bình",
        "phone": "+84914266628",
        "title": "Góp ý",
        "content": "Nội dung góp ý của người dân.",
        "status": status,
    }
    values.update(fields)
    return Comment.objects.create(site=article.site, article=article, **values)


def make_page(site=None, **overrides):
    """A published page (live, as the workflow's publish() leaves it) by default."""
    n = next(_seq)
    fields = {
        "site": site or default_site(),
        "title": f"Giới thiệu chung {n}",
        "body": "<p>Phường Tân Lập nằm ở phía tây Thành phố Thái Nguyên.</p>",
        "status": Page.Status.PUBLISHED,
        "published_at": timezone.now() - timedelta(hours=n),
    }
    fields.update(overrides)
    fields.setdefault("live", fields["status"] == Page.Status.PUBLISHED)
    return Page.objects.create(**fields)


def make_menu_item(site=None, target="link", obj=None, **overrides):
    """A menu entry; `obj` for an entry that opens one object (a page, a category)."""
    n = next(_seq)
    fields = {"site": site or default_site(), "target": target, "position": n}
    if target == "link":
        fields.update(label=f"Liên kết {n}", url="https://dichvucong.gov.vn/")
    if obj is not None:
        fields["object_id"] = obj.pk
    fields.update(overrides)
    return MenuItem.objects.create(**fields)
