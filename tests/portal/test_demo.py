import re

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from articles.models import Article, Category
from portal.models import UnitProfile
from tests.reading import page


def load_demo(*args):
    from io import StringIO

    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(site):
    load_demo()
    return site


def test_load_demo_twice_creates_nothing_new(demo):
    counts = (Article.objects.count(), Category.objects.count())
    # 13 seed articles, 4 of the former units merged in (portal/mergers/demo.py).
    assert counts == (17, 11)
    assert Article.objects.filter(merged_from="").count() == 13
    assert "0 demo articles created, 13 already there" in load_demo()
    assert (Article.objects.count(), Category.objects.count()) == counts
    assert UnitProfile.objects.count() == 4  # the demo unit, 2 former, 1 successor


def test_if_empty_leaves_a_site_with_content_alone(demo):
    Article.objects.filter(slug__startswith="ban-tin").delete()
    assert "demo content not loaded" in load_demo("--if-empty")
    assert Article.objects.count() == 15


def test_seed_002_reads_as_on_the_real_portal(client, demo):
    article = Article.objects.get(
        slug="huyen-uy-thuong-tin-trien-khai-cong-tac-xay-dung-dang-nam-2021"
    )
    shown = page(client.get(article.get_absolute_url())).find("main")
    assert "16:04 08/01/2021" in shown.text
    assert "HNP - Sáng 08/01, Huyện ủy Thường Tín" in shown.text
    captions = [caption.text for caption in shown.find_all("figcaption")]
    award = "Chủ tịch UBND huyện Kiều Xuân Huy trao khen thưởng"
    assert any(caption.startswith(award) for caption in captions)
    assert shown.find("p", class_="article__author").text == "Trường Giang"


def test_seed_000_lists_its_other_news_with_dates(client, demo):
    article = Article.objects.get(title__startswith="HỘI NGHỊ TỔNG KẾT CÔNG TÁC")
    html = client.get(article.get_absolute_url()).content.decode()
    section = html[html.index('id="other-news-heading"') :]
    items = re.findall(r'<a href="[^"]+">([^<]+)</a> <span[^>]*>\(([\d/]+)\)', section)
    assert items[0] == (
        "Hội lhpn vn xã trao học bổng và dụng cụ học tập năm học 2022 – 2023",
        "02/09/2022",
    )
    assert items[5:7] == [
        ("Ngày hội toàn dân bảo vệ an ninh tổ quốc năm 2022", "16/08/2022"),
        (
            "Đại biểu hđnd thành phố sa đéc và xã tân phú đông tiếp xúc cử tri sau kỳ họp",
            "16/08/2022",
        ),
    ]
    assert len(items) == 8


def test_seed_004_body_has_captioned_generated_images(client, demo):
    article = Article.objects.get(slug__startswith="dang-uy-xa-vinh-te")
    assert article.body.count("<figcaption>") == 3
    assert "480w" in article.body
    image_url = re.search(r'<img src="([^"]+)"', article.body).group(1)
    with default_storage.open(image_url.removeprefix(settings.MEDIA_URL)) as file:
        assert Image.open(file).size == (1200, 800)


def test_footer_shows_the_unit_of_seed_003(client, demo):
    html = client.get(reverse("home")).content.decode()
    footer = html[html.index("<footer") :]
    assert "PHƯỜNG TÂN LẬP - THÀNH PHỐ THÁI NGUYÊN" in footer
    assert "Dương Anh Tuấn - Chủ tịch UBND phường" in footer
    assert "0914.266.628" in footer


def test_load_demo_makes_one_account_per_role_and_prints_it_once(site, client):
    """Each role can log in with the printed password; a second run changes none."""
    from django.urls import reverse

    from portal.models import Membership

    first = load_demo()
    logins = dict(re.findall(r"^  (\w+) / (\S+)  ", first, re.MULTILINE))
    assert set(logins) == {"bientap", "lanhdao", "quantri"}
    roles = dict(Membership.objects.values_list("user__username", "role"))
    assert roles == {
        "bientap": "editor",
        "lanhdao": "approver",
        "quantri": "unit_admin",
    }
    assert "Lãnh đạo duyệt (approver)" in first
    second = load_demo()
    assert "lanhdao: already there, password unchanged" in second
    assert not re.search(r"^  \w+ / ", second, re.MULTILINE)
    response = client.post(
        reverse("admin:login"),
        {"username": "lanhdao", "password": logins["lanhdao"], "next": "/admin/"},
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
