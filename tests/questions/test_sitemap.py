"""The unit's sitemap lists the new public pages and the answered questions."""

import pytest
from django.urls import reverse

from tests.factories import make_question

pytestmark = pytest.mark.django_db


def test_the_sitemap_lists_answers_and_the_new_pages(client, site):
    answered = make_question()
    waiting = make_question(answered=False)
    xml = client.get(reverse("sitemap")).content.decode()
    for path in (
        answered.get_absolute_url(),
        reverse("questions:list"),
        reverse("organisation:page"),
        reverse("organisation:page_en"),
        reverse("schedule:week"),
    ):
        assert f"<loc>http://{site.domain}{path}</loc>" in xml
    assert waiting.get_absolute_url() not in xml
