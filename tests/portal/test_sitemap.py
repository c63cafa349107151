"""One sitemap.xml per unit lists every kind of public page, and nothing private."""

import pytest
from django.urls import reverse

from tests.factories import (
    make_article,
    make_document,
    make_draft,
    make_page,
    make_procedure,
    make_question,
)

pytestmark = pytest.mark.django_db


def test_every_public_kind_is_in_the_sitemap_and_drafts_are_not(
    client, site, django_assert_max_num_queries
):
    public = [
        make_article(),
        make_page(title="Giới thiệu chung"),
        make_document(),
        make_draft(),
        make_procedure(),
        make_question(),
    ]
    hidden = make_page(title="Trang nháp", status="draft", live=False)
    # Two queries a section (its count and its page), whatever the content.
    with django_assert_max_num_queries(30):
        xml = client.get(reverse("sitemap")).content.decode()
    for obj in public:
        assert f"{obj.get_absolute_url()}</loc>" in xml, obj
    assert f"{hidden.get_absolute_url()}</loc>" not in xml
    for fixed in ("organisation:page", "schedule:week", "questions:list"):
        assert f"{reverse(fixed)}</loc>" in xml, fixed
