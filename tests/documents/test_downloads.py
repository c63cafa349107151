"""Attachments download with the original Vietnamese name, never inline."""

import pytest
from django.urls import reverse

from documents.models import DocumentAttachment
from tests.documents.conftest import A_HOST, B_HOST, attach
from tests.factories import make_document

pytestmark = pytest.mark.django_db


def download(client, attachment, **extra):
    return client.get(attachment.get_absolute_url(), **extra)


def test_the_download_keeps_the_vietnamese_name_rfc_6266(client, document_with_pdf):
    _document, attachment = document_with_pdf
    response = download(client, attachment)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="Quyet dinh 15-2024-QD-UBND.pdf"; '
        "filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%2015-2024-Q%C4%90-UBND.pdf"
    )


def test_the_download_is_typed_by_its_checked_kind_and_sandboxed(
    client, document_with_pdf
):
    _document, attachment = document_with_pdf
    response = download(client, attachment)
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_page_links_each_file_with_kind_and_size(client, document_with_pdf):
    document, attachment = document_with_pdf
    html = client.get(document.get_absolute_url()).content.decode()
    assert f'href="{attachment.get_absolute_url()}" download' in html
    assert "Quyết định 15-2024-QĐ-UBND.pdf" in html
    assert "(PDF, 1 KB)" in html


def test_files_of_an_unpublished_document_are_not_served(client, site):
    draft = make_document(status="draft")
    attachment = attach(draft)
    assert download(client, attachment).status_code == 404


def test_a_file_is_only_served_under_its_own_document(client, site):
    first, second = make_document(), make_document()
    attachment = attach(first)
    url = reverse(
        "documents:download", kwargs={"slug": second.slug, "pk": attachment.pk}
    )
    assert client.get(url).status_code == 404


def test_another_units_host_does_not_serve_the_file(client, two_sites):
    site, _other = two_sites
    attachment = attach(make_document(site=site))
    assert download(client, attachment, HTTP_HOST=A_HOST).status_code == 200
    assert download(client, attachment, HTTP_HOST=B_HOST).status_code == 404


def test_nothing_is_stored_under_the_uploaded_name(site):
    attachment = attach(make_document())
    stored = DocumentAttachment.objects.get(pk=attachment.pk).file.name
    assert "Quy" not in stored and stored.endswith(".pdf")
