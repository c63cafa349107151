"""Small helpers that make rows with sensible defaults: make_article(**overrides)."""

import io
from datetime import datetime, time, timedelta
from itertools import count
from zoneinfo import ZoneInfo

from captcha.models import CaptchaStore
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from articles.models import Article, Category
from comments.models import Comment
from pages.models import Page
from portal.menu.models import MenuItem
from portal.models import Membership, UnitProfile

_seq = count(1)
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
# The hosts of the two units of the `two_sites` fixture (tests/conftest.py).
A_HOST, B_HOST = "tanlap.example.test", "vinhte.example.test"
# A citizen's desktop browser and phone, as counted by stats.
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


def vietnam_time(year, month, day, hour=0, minute=0, second=0):
    """An aware instant given as Vietnamese wall-clock time (UTC+7)."""
    return datetime(year, month, day, hour, minute, second, tzinfo=VIETNAM)


def default_site():
    return Site.objects.order_by("id").first()


def make_site(domain, name=None):
    return Site.objects.create(domain=domain, name=name or domain)


def make_staff(username, site=None, role=Membership.Role.EDITOR, **fields):
    """A staff member with `role` in `site` (the default unit); password "mat-khau-123"."""
    fields.setdefault("email", f"{username}@example.test")
    user = get_user_model().objects.create_user(
        username, password="mat-khau-123", is_staff=True, **fields
    )
    if role is not None:
        Membership.objects.create(site=site or default_site(), user=user, role=role)
    return user


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
    # Every site has its record from the start (portal/units.py): fill it in.
    unit, _created = UnitProfile.objects.update_or_create(
        site=fields.pop("site"), defaults=fields
    )
    return unit


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


# --- organisation, questions, schedule ----------------------------------------


def make_department(site=None, **overrides):
    from organisation.models import Department

    n = next(_seq)
    fields = {"site": site or default_site(), "name": f"Phòng {n}", "position": n}
    fields.update(overrides)
    return Department.objects.create(**fields)


def make_position(site=None, **overrides):
    from organisation.models import Position

    n = next(_seq)
    fields = {"site": site or default_site(), "name": f"Chức vụ {n}", "position": n}
    fields.update(overrides)
    return Position.objects.create(**fields)


def make_official(department=None, position=None, **overrides):
    from organisation.models import Official

    department = department or make_department(site=overrides.get("site"))
    fields = {
        "site": department.site,
        "name": f"Nguyễn Văn {next(_seq)}",
        "department": department,
        "position": position or make_position(site=department.site),
        "phone": "+842083855123",
        "email": "vanphong@tanlap.example.vn",
    }
    fields.update(overrides)
    return Official.objects.create(**fields)


def make_topic(site=None, **overrides):
    from questions.models import Topic

    n = next(_seq)
    fields = {"site": site or default_site(), "name": f"Lĩnh vực {n}", "position": n}
    fields.update(overrides)
    return Topic.objects.create(**fields)


def make_question(site=None, answered=True, **overrides):
    """A citizen's question; answered=True: published with its answer, as after
    the workflow's publish()."""
    from questions.models import Question

    n = next(_seq)
    fields = {
        "site": site or default_site(),
        "title": f"Hỏi về thủ tục đăng ký khai sinh {n}",
        "question": "Con tôi sinh ngày 02/01, xin hỏi thủ tục đăng ký khai sinh?",
        "asker_name": "Trần Thị Bình",
        "asker_email": "binh@example.test",
        "asker_phone": "+84914266628",
        "consented_at": timezone.now(),
    }
    if answered:
        fields.update(
            answer="<p>Theo Luật Hộ tịch năm 2014, bạn cần chuẩn bị giấy chứng sinh.</p>",
            answered_by="Công chức Tư pháp - Hộ tịch",
            answered_at=timezone.now() - timedelta(hours=n),
            status=Question.Status.PUBLISHED,
            live=True,
            published_at=timezone.now() - timedelta(hours=n),
        )
    fields.update(overrides)
    return Question.objects.create(**fields)


def make_entry(site=None, **overrides):
    from schedule.models import Entry

    fields = {
        "site": site or default_site(),
        "date": timezone.localdate(),
        "start_time": time(7, 30),
        "content": "Giao ban UBND phường",
        "chair": "Dương Anh Tuấn - Chủ tịch UBND phường",
        "participants": "Các Phó Chủ tịch UBND phường, công chức chuyên môn",
        "place": "Phòng họp UBND phường",
    }
    fields.update(overrides)
    return Entry.objects.create(**fields)


# --- documents and procedures (documents/, procedures/) ----------------------


def make_document(site=None, **overrides):
    """A published document of the unit (a Quyết định of UBND phường by default)."""
    from documents.models import Document, DocumentType, IssuingBody

    site = site or overrides.pop("site", None) or default_site()
    n = next(_seq)
    issued = overrides.pop("issue_date", timezone.localdate() - timedelta(days=n))
    fields = {
        "site": site,
        "number": f"{n}/2024/QĐ-UBND",
        "document_type": DocumentType.remember(site, "Quyết định"),
        "issuing_body": IssuingBody.remember(site, "UBND phường Tân Lập"),
        "issue_date": issued,
        "effective_date": issued,
        "summary": f"Về việc kiện toàn tổ công tác số {n}",
        "status": "published",
        # Published at the start of the day it was issued (Vietnamese time).
        "published_at": vietnam_time(issued.year, issued.month, issued.day),
    }
    fields.update(overrides)
    fields.setdefault("live", fields["status"] == "published")
    return Document.objects.create(**fields)


def make_draft(site=None, **overrides):
    """A published draft open for comments from 10 days ago to 10 days ahead."""
    from documents.models import Draft

    today = timezone.localdate()
    n = next(_seq)
    fields = {
        "site": site or default_site(),
        "title": f"Dự thảo Quy chế quản lý nhà văn hóa số {n}",
        "summary": "Dự thảo quy chế quản lý, sử dụng nhà văn hóa tổ dân phố.",
        "opens_on": today - timedelta(days=10),
        "closes_on": today + timedelta(days=10),
        "status": "published",
        "published_at": timezone.now() - timedelta(days=10),
    }
    fields.update(overrides)
    fields.setdefault("live", fields["status"] == "published")
    return Draft.objects.create(**fields)


def make_procedure(site=None, **overrides):
    from procedures.models import Procedure, ProcedureField

    site = site or default_site()
    n = next(_seq)
    fields = {
        "site": site,
        "code": f"1.00{n:04d}",
        "name": f"Đăng ký khai sinh lần {n}",
        "field": ProcedureField.remember(site, overrides.pop("field_name", "Hộ tịch")),
        "processing_time": "Ngay trong ngày",
        "fees": "Không",
        "required_papers": "<ul><li>Tờ khai theo mẫu</li></ul>",
        "service_url": "https://dichvucong.gov.vn/p/home/dvc-tthc.html?ma_thu_tuc=1",
        "status": "published",
        "published_at": timezone.now() - timedelta(hours=1),
    }
    fields.update(overrides)
    fields.setdefault("live", fields["status"] == "published")
    return Procedure.objects.create(**fields)


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def fresh_captcha():
    """A real captcha key and its stored answer (no test mode)."""
    key = CaptchaStore.generate_key()
    return key, CaptchaStore.objects.get(hashkey=key).response


def comment_data(**overrides):
    key, answer = fresh_captcha()
    data = {
        "name": "Nguyễn Văn An",
        "phone": "0914.266.628",
        "title": "Đề nghị sửa đường liên xóm",
        "content": "Đường liên xóm 3 bị xuống cấp, đề nghị UBND xã sửa chữa.",
        "consent": "on",
        "captcha_0": key,
        "captcha_1": answer,
    }
    data.update(overrides)
    return data


def comment_url(article):
    return reverse("comments:post", kwargs={"slug": article.slug})


def rate_url(article):
    return reverse("comments:rate", kwargs={"slug": article.slug})


def login_verified(client, user):
    """Log `user` in as after password and two-factor code (superusers need both)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(
        user=user, confirmed=True
    ).first() or TOTPDevice.objects.create(user=user, name="app")
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


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
