"""The public list: newest first, search by number and symbol, filters, pages."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from documents.models import DocumentRelation, DocumentType, IssuingBody, Sector
from tests.documents.conftest import A_HOST, B_HOST
from tests.factories import make_document, make_unit
from tests.reading import page

pytestmark = pytest.mark.django_db
LIST = "documents:list"


def numbers(client, host="testserver", **params):
    response = client.get(reverse(LIST), params, HTTP_HOST=host)
    assert response.status_code == 200
    return [document.number for document in response.context["page"]]


@pytest.fixture
def library(site):
    make_unit()
    return {
        "qd": make_document(
            number="15/2024/QĐ-UBND",
            summary="Ban hành Quy định tiếp nhận hồ sơ một cửa",
            issue_date=date(2024, 5, 20),
        ),
        "kh": make_document(
            number="58/KH-UBND",
            document_type=DocumentType.remember(site, "Kế hoạch"),
            sector=Sector.remember(site, "Hành chính"),
            summary="Triển khai Đề án 06 năm 2025",
            issue_date=date(2025, 2, 10),
        ),
        "nq": make_document(
            number="12/NQ-HĐND",
            document_type=DocumentType.remember(site, "Nghị quyết"),
            issuing_body=IssuingBody.remember(site, "HĐND phường Tân Lập"),
            summary="Dự toán ngân sách năm 2025",
            issue_date=date(2024, 12, 20),
        ),
    }


def test_the_list_is_newest_first_by_issue_date(client, library):
    assert numbers(client) == ["58/KH-UBND", "12/NQ-HĐND", "15/2024/QĐ-UBND"]


@pytest.mark.parametrize(
    "query",
    ["qd-ubnd 15", "quyết định 15", "quyet dinh 15", "15/2024/QĐ-UBND", "QD UBND"],
)
def test_search_by_number_and_symbol_in_any_spelling(client, library, query):
    assert numbers(client, q=query) == ["15/2024/QĐ-UBND"]


def test_search_spells_out_the_issuing_body_abbreviation(client, library):
    assert numbers(client, q="hoi dong nhan dan") == ["12/NQ-HĐND"]
    assert numbers(client, q="nghị quyết") == ["12/NQ-HĐND"]


def test_search_by_summary_without_accents(client, library):
    assert numbers(client, q="de an 06") == ["58/KH-UBND"]


def test_a_search_with_no_words_finds_nothing(client, library):
    assert numbers(client, q="//--") == []


def test_filter_by_type(client, library):
    assert numbers(client, loai="ke-hoach") == ["58/KH-UBND"]


def test_filter_by_area(client, library):
    assert numbers(client, linh_vuc="hanh-chinh") == ["58/KH-UBND"]


def test_filter_by_issuing_body(client, library):
    assert numbers(client, co_quan="hdnd-phuong-tan-lap") == ["12/NQ-HĐND"]


def test_filter_by_year_of_issue(client, library):
    assert numbers(client, nam="2024") == ["12/NQ-HĐND", "15/2024/QĐ-UBND"]


def test_filter_by_effect_status(client, library, site):
    new = make_document(number="26/2025/QĐ-UBND", issue_date=date(2025, 7, 10))
    DocumentRelation.objects.create(
        source=new, target=library["qd"], kind=DocumentRelation.Kind.REPLACES
    )
    later = timezone.localdate() + timedelta(days=5)
    make_document(number="99/QĐ-UBND", effective_date=later)
    assert numbers(client, hieu_luc="het-hieu-luc") == ["15/2024/QĐ-UBND"]
    assert numbers(client, hieu_luc="chua-hieu-luc") == ["99/QĐ-UBND"]
    assert "15/2024/QĐ-UBND" not in numbers(client, hieu_luc="con-hieu-luc")


def test_an_unknown_filter_value_is_ignored_not_an_error(client, library):
    assert len(numbers(client, loai="khong-co", nam="abc")) == 3


def test_filters_combine_with_search(client, library):
    assert numbers(client, q="2025", loai="nghi-quyet") == ["12/NQ-HĐND"]


def test_each_row_shows_its_effect_status(client, library):
    html = client.get(reverse(LIST)).content.decode()
    assert html.count('class="effect effect--con-hieu-luc">Còn hiệu lực<') == 3


def test_drafts_and_other_units_are_not_listed(client, two_sites):
    site, other = two_sites
    make_document(site=site, number="1/QĐ-UBND")
    make_document(site=site, number="2/QĐ-UBND", status="draft")
    make_document(site=other, number="3/QĐ-UBND")
    assert numbers(client, host=A_HOST) == ["1/QĐ-UBND"]
    assert numbers(client, host=B_HOST) == ["3/QĐ-UBND"]


def test_pages_follow_one_another_by_cursor(client, site):
    make_unit()
    made = [make_document(issue_date=date(2025, 1, 1)) for _ in range(25)]
    expected = [d.number for d in sorted(made, key=lambda d: -d.pk)]
    first = client.get(reverse(LIST))
    page = first.context["page"]
    assert [d.number for d in page] == expected[:20]
    assert page.newer is None and page.older
    second = client.get(reverse(LIST), {"sau": page.older})
    assert [d.number for d in second.context["page"]] == expected[20:]
    back = client.get(reverse(LIST), {"truoc": second.context["page"].newer})
    assert [d.number for d in back.context["page"]] == expected[:20]
    assert back.context["page"].newer is None


def test_the_next_page_link_keeps_the_filters(client, site):
    make_unit()
    for _ in range(21):
        make_document(issue_date=date(2025, 1, 1))
    make_document(issue_date=date(2024, 1, 1), number="9/QĐ-UBND")
    html = page(client.get(reverse(LIST), {"nam": "2025"}))
    href = html.find("a", rel="next").attrs["href"]
    assert href.startswith("?nam=2025&sau=")
    second = client.get(reverse(LIST) + href)
    assert len(second.context["page"]) == 1
    assert "9/QĐ-UBND" not in [d.number for d in second.context["page"]]
    back = page(second).find("a", rel="prev").attrs["href"]
    assert len(client.get(reverse(LIST) + back).context["page"]) == 20


def test_the_count_is_shown(client, library):
    assert "3 văn bản" in client.get(reverse(LIST)).content.decode()


@pytest.mark.parametrize("count", [1, 40])
def test_the_list_costs_a_constant_number_of_queries(
    client, site, django_assert_max_num_queries, count
):
    make_unit()
    for n in range(count):
        make_document(summary=f"Quyết định kiện toàn tổ công tác {n}")
    client.get(reverse(LIST))
    for params in ({}, {"q": "quyet dinh", "hieu_luc": "con-hieu-luc", "nam": "2025"}):
        with django_assert_max_num_queries(10):
            assert client.get(reverse(LIST), params).status_code == 200


def test_the_feed_lists_published_documents(client, library):
    body = client.get(reverse("documents:feed")).content.decode()
    assert "<title>15/2024/QĐ-UBND – Quyết định</title>" in body
    assert "Triển khai Đề án 06 năm 2025" in body


def test_the_sitemap_lists_documents_beside_articles(client, library):
    body = client.get("/sitemap.xml").content.decode()
    assert library["qd"].get_absolute_url() in body


def test_the_year_filter_offers_each_year_once(client, site):
    make_unit()
    for day in (1, 2, 3):
        make_document(issue_date=date(2025, 3, day))
    make_document(issue_date=date(2024, 3, 1))
    form = client.get(reverse(LIST)).context["form"]
    assert [value for value, _label in form.fields["nam"].choices] == ["", 2025, 2024]
