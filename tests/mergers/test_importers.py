"""import_feed and import_wordpress on fixture files, images from a local server."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Category
from portal.audit.models import Action, AuditEntry
from portal.mergers.fetching import FetchError, fetch
from portal.mergers.models import ImportedItem, Redirect
from tests.factories import image_bytes, make_category, make_site

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).with_name("fixtures")


class ImageHandler(BaseHTTPRequestHandler):
    files = {
        "/anh/ve-sinh.png": (image_bytes((40, 30), "PNG"), "image/png"),
        "/anh/hong.jpg": (b"not an image at all", "image/jpeg"),
        "/anh/ngay-hoi.jpg": (image_bytes((50, 40), "JPEG"), "image/jpeg"),
        "/anh/bia.png": (image_bytes((60, 40), "PNG"), "image/png"),
        "/anh/le-hoi.png": (image_bytes((30, 30), "PNG"), "image/png"),
        "/chuyen-huong": (b"", "text/plain"),
    }
    served = []

    def do_GET(self):
        self.served.append(self.path)
        if self.path == "/chuyen-huong":
            self.send_response(302)
            self.send_header("Location", "/anh/bia.png")
            self.end_headers()
            return
        body, content_type = self.files.get(self.path, (None, None))
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def image_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), ImageHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def unit(site, admin_user):
    site.domain, site.name = "tanlap.example.test", "Phường Tân Lập"
    site.save()
    make_category(site=site, name="Tin tức", slug="tin-tuc")
    return site


def fixture_file(tmp_path, name, base):
    path = tmp_path / name
    path.write_text((FIXTURES / name).read_text().replace("{BASE}", base))
    return str(path)


def run(command, *args):
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def import_feed(path, *extra):
    return run(
        "import_feed",
        path,
        "--site=tanlap.example.test",
        "--category=tin-tuc",
        "--user=admin",
        "--allow-private-addresses",
        *extra,
    )


def test_a_feed_becomes_draft_articles_with_title_date_lead_and_body(
    unit, image_server, tmp_path
):
    """Two entries imported as drafts; the one without a title fails with a reason."""
    report = import_feed(fixture_file(tmp_path, "old_portal.rss", image_server))
    assert "Đã tạo: 2" in report and "Không thành công: 1" in report
    assert "không có tiêu đề" in report
    article = Article.objects.get(title="Phường Tân Thịnh ra quân vệ sinh môi trường")
    assert article.status == Article.Status.DRAFT and not article.live
    assert article.lead == "Sáng 05/5, hơn 200 đoàn viên ra quân dọn vệ sinh."
    assert article.author == "Nguyễn Văn An"
    assert article.published_at.isoformat() == "2025-05-05T01:30:00+00:00"
    assert article.created_by.username == "admin"


def test_the_imported_body_is_sanitised_like_any_article(unit, image_server, tmp_path):
    import_feed(fixture_file(tmp_path, "old_portal.rss", image_server))
    body = Article.objects.get(title__startswith="Phường Tân Thịnh").body
    assert "<script" not in body and "onclick" not in body
    assert "Kết thúc" in body


def test_images_are_copied_into_the_units_media_and_the_body_points_at_them(
    unit, image_server, tmp_path, settings
):
    import_feed(fixture_file(tmp_path, "old_portal.rss", image_server))
    body = Article.objects.get(title__startswith="Phường Tân Thịnh").body
    assert image_server not in body
    assert f'src="/media/uploads/import/{unit.pk}/' in body
    stored = body.split('src="/media/')[1].split('"')[0]
    assert (Path(settings.MEDIA_ROOT) / stored).exists()


def test_a_broken_image_is_left_out_with_a_note(unit, image_server, tmp_path):
    report = import_feed(fixture_file(tmp_path, "old_portal.rss", image_server))
    body = Article.objects.get(title="Họp dân khu phố 3").body
    assert "<img" not in body and "Họp dân bàn kế hoạch." in body
    assert "hong.jpg" in report


def test_each_old_address_redirects_to_the_new_article(unit, image_server, tmp_path):
    """The old portal's ?id=101 address, on the unit's host, leads to the article."""
    import_feed(fixture_file(tmp_path, "old_portal.rss", image_server))
    article = Article.objects.get(title__startswith="Phường Tân Thịnh")
    row = Redirect.objects.get(old_path="/index.php?option=news&id=101")
    assert row.site == unit and row.new_path == article.get_absolute_url()


def test_a_second_run_imports_nothing_again(unit, image_server, tmp_path):
    """Run twice: the second skips both entries, no new article, no new image fetch."""
    path = fixture_file(tmp_path, "old_portal.rss", image_server)
    import_feed(path)
    ImageHandler.served.clear()
    report = import_feed(path)
    assert "Đã tạo: 0" in report and "Bỏ qua vì đã nhập: 2" in report
    assert Article.objects.count() == 2 and ImportedItem.objects.count() == 2
    assert ImageHandler.served == []


def test_an_import_writes_an_audit_entry(unit, image_server, tmp_path):
    import_feed(fixture_file(tmp_path, "old_portal.rss", image_server))
    entry = AuditEntry.objects.get(action=Action.IMPORT)
    assert "Đã tạo: 2" in entry.summary and entry.user.username == "admin"


def test_an_atom_feed_is_read_too(unit, image_server, tmp_path):
    report = import_feed(fixture_file(tmp_path, "old_portal.atom", image_server))
    article = Article.objects.get()
    assert "Đã tạo: 1" in report
    assert article.title == "Xã Thịnh Đức tổ chức Ngày hội đại đoàn kết"
    assert article.author == "Lê Thị Hoa" and "/media/uploads/import/" in article.body


def test_a_feed_is_read_from_an_address_too(unit, image_server, tmp_path):
    """The feed itself served over http by the local server."""
    feed = fixture_file(tmp_path, "old_portal.atom", image_server)
    ImageHandler.files["/feed.atom"] = (Path(feed).read_bytes(), "application/atom+xml")
    import_feed(f"{image_server}/feed.atom")
    assert Article.objects.count() == 1


def test_local_addresses_are_refused_without_the_flag(unit, image_server):
    """SSRF: 127.0.0.1 is not fetched unless tests allow it."""
    with pytest.raises(CommandError, match="riêng hoặc nội bộ"):
        run(
            "import_feed",
            f"{image_server}/feed.atom",
            "--site=tanlap.example.test",
            "--category=tin-tuc",
            "--user=admin",
        )


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/a.png"])
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(FetchError):
        fetch(url, max_bytes=1000)


def test_redirects_are_followed_and_checked(image_server):
    body, _type, final = fetch(
        f"{image_server}/chuyen-huong", max_bytes=10_000, allow_private=True
    )
    assert final.endswith("/anh/bia.png") and body.startswith(b"\x89PNG")


def test_a_file_over_the_limit_is_refused(image_server):
    with pytest.raises(FetchError):
        fetch(f"{image_server}/anh/bia.png", max_bytes=10, allow_private=True)


def import_wxr(path):
    return run(
        "import_wordpress",
        path,
        "--site=tanlap.example.test",
        "--user=admin",
        "--allow-private-addresses",
    )


def test_a_wordpress_export_imports_posts_with_category_byline_and_cover(
    unit, image_server, tmp_path
):
    """The published post (not the trashed one), in "Văn hóa", by its display name."""
    report = import_wxr(fixture_file(tmp_path, "wordpress.xml", image_server))
    article = Article.objects.get()
    assert "Đã tạo: 1" in report
    assert article.title == "Festival Trà Thái Nguyên tại xã Tân Cương"
    assert article.category.name == "Văn hóa"
    assert article.author == "Phòng Văn hóa - Xã hội"
    assert article.lead == "Festival Trà thu hút hàng nghìn du khách."
    # Kept among the unpublished originals; the public sees its renditions.
    assert "covers/" in article.cover.name
    assert "/media/uploads/import/" in article.body


def test_a_wordpress_import_run_twice_creates_nothing_new(unit, image_server, tmp_path):
    path = fixture_file(tmp_path, "wordpress.xml", image_server)
    import_wxr(path)
    report = import_wxr(path)
    assert "Bỏ qua vì đã nhập: 1" in report
    assert Article.objects.count() == 1
    assert Category.objects.filter(name="Văn hóa").count() == 1


def test_wordpress_old_addresses_on_another_units_host_redirect_there(
    unit, image_server, tmp_path
):
    """The old host is a unit here: the redirect is on that host, to this unit."""
    old = make_site("tancuong.example.test", "Xã Tân Cương")
    import_wxr(fixture_file(tmp_path, "wordpress.xml", image_server))
    row = Redirect.objects.get(site=old)
    assert row.old_path == "/2025/05/festival-tra/" and row.target_site == unit


def test_an_xml_bomb_is_refused(unit, tmp_path):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><rss><channel>&lol2;</channel></rss>'
    )
    with pytest.raises(CommandError):
        import_wxr(str(bomb))


def test_only_staff_of_the_unit_may_import(unit, tmp_path, django_user_model):
    django_user_model.objects.create_user("khach", password="x")
    with pytest.raises(CommandError):
        run(
            "import_feed",
            str(FIXTURES / "old_portal.rss"),
            "--site=tanlap.example.test",
            "--category=tin-tuc",
            "--user=khach",
        )
