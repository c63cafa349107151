import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.models import Article
from tests.factories import image_upload, login_verified, make_category

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="session")
def huge_png():
    """A real 20000×20000 PNG: 48 kB on disk, 400 megapixels once decoded."""
    buffer = io.BytesIO()
    Image.new("1", (20000, 20000)).save(buffer, "PNG")
    return buffer.getvalue()


def article_form(category, **overrides):
    data = {
        "title": "Hội nghị sơ kết công tác Đảng 6 tháng năm 2020",
        "slug": "",
        "category": category.pk,
        "lead": "Ngày 18/7/2020, Đảng ủy thị trấn Phủ Thông tổ chức hội nghị.",
        "body": "<p>Toàn cảnh hội nghị</p><script>alert(1)</script>",
        "cover_caption": "Toàn cảnh hội nghị",
        "status": "published",
        "published_at_0": "18/07/2020",
        "published_at_1": "08:00:00",
        "author": "Đào Kiên",
        "source": "",
    }
    data.update(overrides)
    return data


def test_editor_adds_an_article_with_a_cover_image(client, staff_user, site):
    """The whole admin flow: the form, the upload, the sanitized body, the renditions."""
    category = make_category(name="Xây dựng Đảng")
    login_verified(client, staff_user)
    assert client.get(reverse("admin:articles_article_add")).status_code == 200
    response = client.post(
        reverse("admin:articles_article_add"),
        article_form(
            category, cover=image_upload("toan-canh.jpg", (1600, 900), "JPEG")
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.site == site
    assert article.created_by == staff_user
    assert article.slug == "hoi-nghi-so-ket-cong-tac-dang-6-thang-nam-2020"
    assert "<script" not in article.body
    assert Path(article.cover.path).exists()
    with Image.open(article.cover_medium.path) as rendition:
        assert rendition.width == 960
    page = client.get(article.get_absolute_url()).content.decode()
    assert "srcset=" in page and "480w" in page and "960w" in page
    assert "Toàn cảnh hội nghị</figcaption>" in page


def test_a_text_file_named_jpg_is_refused_with_a_clear_message(
    client, staff_user, site
):
    category = make_category()
    login_verified(client, staff_user)
    fake = SimpleUploadedFile(
        "anh.jpg", b"day khong phai la anh", content_type="image/jpeg"
    )
    response = client.post(
        reverse("admin:articles_article_add"), article_form(category, cover=fake)
    )
    assert response.status_code == 200
    assert "không phải là ảnh hợp lệ" in response.content.decode()
    assert not Article.objects.exists()
    form = response.context["adminform"].form
    assert form.data["title"] == "Hội nghị sơ kết công tác Đảng 6 tháng năm 2020"


def test_a_decompression_bomb_is_refused_before_decoding(
    client, staff_user, site, huge_png
):
    category = make_category()
    login_verified(client, staff_user)
    bomb = SimpleUploadedFile("bom.png", huge_png, content_type="image/png")
    response = client.post(
        reverse("admin:articles_article_add"), article_form(category, cover=bomb)
    )
    assert response.status_code == 200
    assert "Ảnh quá lớn" in response.content.decode()
    assert not Article.objects.exists()


def test_oversized_file_is_refused(client, staff_user, site, settings):
    settings.IMAGE_MAX_BYTES = 1000
    category = make_category()
    login_verified(client, staff_user)
    response = client.post(
        reverse("admin:articles_article_add"),
        article_form(category, cover=image_upload("lon.png", (400, 400))),
    )
    assert response.status_code == 200
    assert "Tệp quá lớn" in response.content.decode()


def upload(client, file):
    return client.post("/ckeditor5/image_upload/", {"upload": file})


def test_editor_upload_returns_the_image_and_its_renditions(client, staff_user):
    login_verified(client, staff_user)
    response = upload(client, image_upload("hoi-nghi.jpg", (1200, 800), "JPEG"))
    assert response.status_code == 200
    assert "url" not in response.json()  # it would hide "urls" from CKEditor
    urls = response.json()["urls"]
    assert set(urls) == {"default", "480", "960"}
    for url in urls.values():
        path = Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL)
        assert path.exists()
    with Image.open(
        Path(settings.MEDIA_ROOT) / urls["480"].removeprefix("/media/")
    ) as im:
        assert im.width == 480


def test_editor_upload_is_for_staff_only(client, site, django_user_model):
    response = upload(client, image_upload())
    assert response.status_code == 302  # to the admin login
    citizen = django_user_model.objects.create_user("dan", password="x")
    login_verified(client, citizen)
    assert upload(client, image_upload()).status_code == 302


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("gia.jpg", b"<?php echo 1; ?>", "không phải là ảnh hợp lệ"),
        ("bom.png", None, "quá lớn"),
    ],
)
def test_editor_upload_refuses_bad_files_in_vietnamese(
    client, staff_user, huge_png, name, content, message
):
    login_verified(client, staff_user)
    file = SimpleUploadedFile(name, content or huge_png)
    response = upload(client, file)
    assert response.status_code == 400
    assert message in json.loads(response.content)["error"]["message"]


def test_a_slug_already_used_on_the_site_is_a_form_error(client, staff_user, site):
    """Not an IntegrityError: the (site, slug) constraint is checked by the form."""
    category = make_category()
    login_verified(client, staff_user)
    data = article_form(category, slug="hoi-nghi")
    assert client.post(reverse("admin:articles_article_add"), data).status_code == 302
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "đã có bài viết với đường dẫn này" in response.content.decode()
    assert Article.objects.count() == 1
