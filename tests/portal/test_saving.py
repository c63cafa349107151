"""Saving ("Lưu bài viết"): a clean, self-contained copy of an article or a page."""

import base64
import io
import re
from urllib.parse import unquote

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from pages.models import Page
from portal.saving import attachment_header
from portal.uploads import store_image
from tests.factories import (
    image_bytes,
    make_article,
    make_document,
    make_draft,
    make_page,
    make_procedure,
    make_question,
    make_unit,
)

pytestmark = pytest.mark.django_db


def save(client, obj):
    return client.get(obj.get_absolute_url(), {"luu": "1"})


def test_an_article_downloads_as_an_html_file_named_by_its_title(client, site):
    """The browser saves "<title>.html", in Vietnamese (RFC 6266 filename*)."""
    article = make_article(title="Hội nghị tổng kết năm 2020")
    response = save(client, article)
    assert response["Content-Type"] == "text/html; charset=utf-8"
    disposition = response["Content-Disposition"]
    assert disposition.startswith(
        'attachment; filename="hoi-nghi-tong-ket-nam-2020.html"'
    )
    encoded = re.search(r"filename\*=UTF-8''(\S+)$", disposition).group(1)
    assert unquote(encoded) == "Hội nghị tổng kết năm 2020.html"


def test_file_names_lose_what_file_systems_refuse():
    """Slashes, quotes and control characters never reach the file name."""
    header = attachment_header('Quyết định số 12/QĐ-UBND "về việc"\r\nX: y')
    assert "\r" not in header and "\n" not in header
    encoded = re.search(r"filename\*=UTF-8''(\S+)$", header).group(1)
    assert unquote(encoded) == "Quyết định số 12-QĐ-UBND về việc X y.html"
    assert 'filename="quyet-dinh-so-12-qd-ubnd-ve-viec-x-y.html"' in header


def test_the_copy_holds_the_article_and_nothing_of_the_portal_around_it(client, site):
    """Title, date, lead and body; no menu, form, counter, script or token."""
    make_unit()
    article = make_article(
        title="Hội nghị tổng kết", lead="Sáng nay.", body="<p>Nội dung chính.</p>"
    )
    html = save(client, article).content.decode()
    assert '<h1 class="article__title">Hội nghị tổng kết</h1>' in html
    assert "Sáng nay." in html and "<p>Nội dung chính.</p>" in html
    assert "PHƯỜNG TÂN LẬP - THÀNH PHỐ THÁI NGUYÊN" in html
    for absent in (
        "<nav",
        "<form",
        "<script",
        "csrfmiddlewaretoken",
        "counter",
        "<link",
    ):
        assert absent not in html
    assert "<style>" in html
    assert f'Nguồn: <a href="http://testserver{article.get_absolute_url()}">' in html


def test_the_units_pictures_are_inlined_and_others_stay_links(client, site):
    """Own pictures become data: URIs (the 960 px rendition); links become absolute."""
    urls = store_image(ContentFile(image_bytes((1600, 900), "JPEG"), name="a.jpg"))
    body = (
        f'<figure class="image"><img src="{urls["default"]}" '
        f'srcset="{urls["480"]} 480w, {urls["960"]} 960w" sizes="100vw" alt="Hội trường">'
        "</figure>"
        '<p><img src="https://anh.example.org/x.jpg" alt="Ảnh ngoài"></p>'
        '<p><a href="/chuyen-muc/tin-tuc/">Tin tức</a></p>'
    )
    article = make_article(body=body)
    html = save(client, article).content.decode()
    inlined = re.search(r'src="data:image/jpeg;base64,([^"]+)"', html).group(1)
    with Image.open(io.BytesIO(base64.b64decode(inlined))) as picture:
        assert picture.width == 960
    assert "srcset" not in html and "/media/" not in html
    assert 'src="https://anh.example.org/x.jpg"' in html
    assert 'href="http://testserver/chuyen-muc/tin-tuc/"' in html


def test_a_page_can_be_saved_too(client, site):
    """The same helper serves the unit's pages."""
    page = make_page(title="Giới thiệu chung", body="<p>Phường Tân Lập.</p>")
    response = save(client, page)
    assert "attachment;" in response["Content-Disposition"]
    assert "<p>Phường Tân Lập.</p>" in response.content.decode()


def test_a_draft_is_not_saved_for_the_public(client, site):
    """?luu=1 on a page nobody published is still a 404."""
    page = make_page(status=Page.Status.DRAFT)
    assert save(client, page).status_code == 404


def test_detail_pages_offer_print_and_save(client, site):
    """The actions, and the address and date only the printout shows."""
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'href="?luu=1" rel="nofollow" download>Lưu bài viết</a>' in html
    assert "data-print hidden>In</button>" in html
    assert f"Nguồn: http://testserver{article.get_absolute_url()}" in html
    assert 'href="/static/css/print.css" media="print"' in html


@pytest.mark.parametrize("count", [1, 20])
def test_saving_runs_a_constant_number_of_queries(
    client, site, django_assert_max_num_queries, count
):
    """At most 10 queries, however many articles the unit has."""
    articles = [make_article() for _ in range(count)]
    save(client, articles[0])
    with django_assert_max_num_queries(10):
        save(client, articles[0])


@pytest.mark.parametrize(
    ("make", "name", "text"),
    [
        (
            lambda: make_document(
                number="15/2024/QĐ-UBND", summary="Về việc kiện toàn tổ công tác"
            ),
            "Quyết định 15-2024-QĐ-UBND.html",
            "Về việc kiện toàn tổ công tác",
        ),
        (
            lambda: make_draft(title="Dự thảo Quy chế nhà văn hóa"),
            "Dự thảo Quy chế nhà văn hóa.html",
            "Dự thảo Quy chế nhà văn hóa",
        ),
        (
            lambda: make_procedure(name="Đăng ký khai sinh"),
            "Đăng ký khai sinh.html",
            "Tờ khai theo mẫu",
        ),
        (
            lambda: make_question(title="Thủ tục cấp đổi căn cước"),
            "Thủ tục cấp đổi căn cước.html",
            "giấy chứng sinh",
        ),
    ],
)
def test_documents_drafts_procedures_and_answers_print_and_save_too(
    client, site, make, name, text
):
    """Each detail page has the print and save actions, and saves a clean copy."""
    make_unit()
    obj = make()
    page = client.get(obj.get_absolute_url()).content.decode()
    assert "data-print" in page and "?luu=1" in page
    response = save(client, obj)
    encoded = re.search(
        r"filename\*=UTF-8''(\S+)$", response["Content-Disposition"]
    ).group(1)
    assert unquote(encoded) == name
    copy = response.content.decode()
    assert text in copy
    # The copy is the content only: no menu, no form, no counter.
    assert "csrfmiddlewaretoken" not in copy and "menu__list" not in copy
