"""Issue 9, high: nothing uploaded may run script on the portal's origin."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, PngImagePlugin

from portal.models import Membership
from tests.factories import image_bytes, image_upload, make_article, make_category

pytestmark = pytest.mark.django_db

SCRIPT = b"<html><body><script>fetch('/admin/auth/user/')</script></body></html>"


def polyglot():
    """A valid PNG that is also an HTML page (a text chunk and a tail of HTML)."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", SCRIPT.decode())
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (200, 10, 10)).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue() + SCRIPT


def upload(client, file, **extra):
    return client.post(reverse("ck_editor_5_upload_file"), {"upload": file}, **extra)


def stored_files():
    return set(Path(settings.MEDIA_ROOT).rglob("*.*"))


def stored(url):
    return Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL)


@pytest.mark.parametrize("name", ["x.html", "x.svg", "x.js", "x.php", "x.png"])
def test_a_polyglot_is_stored_as_a_png_without_its_html(client, staff_user, name):
    """Whatever the uploader named it, the file is a re-encoded .png with no script."""
    client.force_login(staff_user)
    response = upload(client, SimpleUploadedFile(name, polyglot()))
    assert response.status_code == 200, response.content
    default = response.json()["urls"]["default"]
    assert default.endswith(".png")
    content = stored(default).read_bytes()
    assert b"<script" not in content and b"<html" not in content
    served = client.get(default)
    assert served["Content-Type"] == "image/png"


def test_svg_is_refused_with_a_clear_message(client, staff_user):
    """An SVG can carry script: it is refused, in Vietnamese."""
    client.force_login(staff_user)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = upload(client, SimpleUploadedFile("logo.svg", svg))
    assert response.status_code == 400
    assert "Không nhận ảnh SVG" in response.json()["error"]["message"]


@pytest.mark.parametrize("fmt", ["BMP", "TIFF", "ICO"])
def test_formats_other_than_jpeg_png_gif_webp_are_refused(client, staff_user, fmt):
    """Pillow reads them, but they are not accepted."""
    client.force_login(staff_user)
    data = image_bytes((16, 16), fmt)
    response = upload(client, SimpleUploadedFile(f"a.{fmt.lower()}", data))
    assert response.status_code == 400


def photo_with_gps():
    """A 40×20 JPEG whose EXIF says 'rotate 90°' and holds a GPS position."""
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: the camera was held upright
    exif[0x010F] = "Camera maker"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (21.0, 35.0, 12.5), 3: "E", 4: (105.0, 50.0, 1.0)})
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (30, 90, 200)).save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_photos_lose_their_exif_and_gps_but_stay_upright(client, staff_user):
    """Orientation applied, then every metadata dropped."""
    client.force_login(staff_user)
    response = upload(client, SimpleUploadedFile("anh.jpg", photo_with_gps()))
    path = stored(response.json()["urls"]["default"])
    with Image.open(path) as image:
        assert image.size == (20, 40)
        assert not image.getexif()
        assert "exif" not in image.info
    assert b"Camera maker" not in path.read_bytes()


def test_staff_of_another_unit_cannot_upload_through_this_units_host(
    client, two_units, other_unit_staff
):
    """An editor of Vĩnh Tế gets 403 on Tân Lập's host, and nothing is stored."""
    client.force_login(other_unit_staff)
    before = stored_files()
    response = upload(client, image_upload(), HTTP_HOST="tanlap.example.test")
    assert response.status_code == 403
    assert stored_files() == before
    ok = upload(client, image_upload(), HTTP_HOST="vinhte.example.test")
    assert ok.status_code == 200


def test_media_is_served_with_nosniff_and_a_sandboxing_policy(client, staff_user):
    """The headers that stop a file from acting as a page, whatever it holds."""
    client.force_login(staff_user)
    url = upload(client, image_upload()).json()["urls"]["default"]
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert not response.get("Content-Disposition", "").startswith("attachment")


def test_a_non_image_in_media_is_a_download(client, site):
    """Anything but an image is served as an attachment."""
    target = Path(settings.MEDIA_ROOT) / "legacy" / "old.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(SCRIPT)
    response = client.get("/media/legacy/old.html")
    assert response["Content-Disposition"] == "attachment"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_only_the_renditions_of_a_cover_are_published(client, site):
    """The full-size original cannot be fetched; its renditions can."""
    article = make_article(
        category=make_category(),
        cover=SimpleUploadedFile("ten-that.html", image_bytes((1200, 800), "JPEG")),
    )
    article.refresh_from_db()
    assert article.cover.name.startswith("originals/covers/")
    assert article.cover.name.endswith(".jpg") and "ten-that" not in article.cover.name
    assert client.get(f"/media/{article.cover.name}").status_code == 404
    medium = client.get(article.cover_medium.url)
    assert medium.status_code == 200 and medium["Content-Type"] == "image/jpeg"
    page = client.get(article.get_absolute_url()).content.decode()
    assert article.cover.name not in page


def test_a_unit_logo_is_stored_reencoded_under_its_format(site):
    """Logos go through the same re-encoding as every image field."""
    from tests.factories import make_unit

    unit = make_unit(logo=SimpleUploadedFile("logo.php", polyglot()))
    assert unit.logo.name.startswith("unit/") and unit.logo.name.endswith(".png")
    assert b"<script" not in Path(unit.logo.path).read_bytes()


def test_staff_without_membership_here_are_not_unit_staff(
    client, two_units, django_user_model
):
    """A member of both units may upload on either host."""
    user = django_user_model.objects.create_user("ca-hai", is_staff=True)
    for unit in two_units:
        Membership.objects.create(site=unit, user=user)
    client.force_login(user)
    for host in ("tanlap.example.test", "vinhte.example.test"):
        assert upload(client, image_upload(), HTTP_HOST=host).status_code == 200
