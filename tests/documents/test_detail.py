"""The document page: metadata, attachments, relations on both sides, effect status."""

from datetime import date

import pytest
from django.test import Client

from documents.models import DocumentRelation, Signer
from tests.documents.conftest import A_HOST, B_HOST, attach
from tests.factories import make_document, make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def replaced(site):
    make_unit()
    old = make_document(
        number="15/2024/QĐ-UBND",
        signer=Signer.remember(site, "Phó Chủ tịch Lê Quang Minh"),
        issue_date=date(2024, 5, 20),
        effective_date=date(2024, 6, 1),
    )
    new = make_document(number="26/2025/QĐ-UBND", issue_date=date(2025, 7, 10))
    DocumentRelation.objects.create(
        source=new, target=old, kind=DocumentRelation.Kind.REPLACES
    )
    return old, new


def page(client, document):
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_the_metadata_table(client, replaced):
    html = page(client, replaced[0])
    for label, value in [
        ("Số, ký hiệu", "15/2024/QĐ-UBND"),
        ("Loại văn bản", "Quyết định"),
        ("Cơ quan ban hành", "UBND phường Tân Lập"),
        ("Người ký", "Phó Chủ tịch Lê Quang Minh"),
        ("Ngày ban hành", "20/05/2024"),
        ("Ngày có hiệu lực", "01/06/2024"),
    ]:
        assert f'<th scope="row">{label}</th><td>{value}</td>' in html


def test_the_replaced_document_says_by_which_and_is_no_longer_in_effect(
    client, replaced
):
    old, new = replaced
    html = page(client, old)
    assert "Hết hiệu lực" in html
    assert "Được thay thế bởi:</span>" in html
    assert f'<a href="{new.get_absolute_url()}">26/2025/QĐ-UBND</a>' in html


def test_the_replacing_document_names_what_it_replaces(client, replaced):
    old, new = replaced
    html = page(client, new)
    assert "Thay thế:</span>" in html
    assert f'<a href="{old.get_absolute_url()}">15/2024/QĐ-UBND</a>' in html
    assert "Còn hiệu lực" in html


def test_a_relation_to_an_unpublished_document_is_not_shown(client, site):
    make_unit()
    old = make_document()
    hidden = make_document(status="draft", number="77/QĐ-UBND")
    DocumentRelation.objects.create(
        source=hidden, target=old, kind=DocumentRelation.Kind.AMENDS
    )
    assert "77/QĐ-UBND" not in page(client, old)


def test_an_unpublished_document_is_404_for_the_public_and_previewed_by_staff(
    client, site, editor
):
    make_unit()
    draft = make_document(status="draft")
    assert client.get(draft.get_absolute_url()).status_code == 404
    staff = Client()
    staff.force_login(editor)
    assert "Bản xem trước" in page(staff, draft)


def test_another_units_document_is_404(client, two_sites):
    site, other = two_sites
    document = make_document(site=other)
    url = document.get_absolute_url()
    assert client.get(url, HTTP_HOST=A_HOST).status_code == 404
    assert client.get(url, HTTP_HOST=B_HOST).status_code == 200


@pytest.mark.parametrize("count", [1, 6])
def test_the_page_costs_a_constant_number_of_queries(
    client, replaced, django_assert_max_num_queries, count
):
    old, _new = replaced
    for n in range(count):
        attach(old, name=f"Phụ lục {n}.pdf")
        other = make_document()
        DocumentRelation.objects.create(
            source=other, target=old, kind=DocumentRelation.Kind.AMENDS
        )
    client.get(old.get_absolute_url())
    with django_assert_max_num_queries(10):
        assert client.get(old.get_absolute_url()).status_code == 200
