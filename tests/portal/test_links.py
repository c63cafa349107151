import pytest
from django.urls import reverse, set_script_prefix

from portal.links import slug_url


@pytest.mark.parametrize("name", ["articles:detail", "articles:category"])
@pytest.mark.parametrize("slug", ["ubnd-phuong-tan-lap", "a", "tin_2025-01"])
def test_slug_url_is_what_reverse_gives(name, slug):
    assert slug_url(name, slug) == reverse(name, kwargs={"slug": slug})


def test_slug_url_follows_the_script_prefix():
    set_script_prefix("/cong/")
    try:
        assert slug_url("articles:detail", "tin") == "/cong/tin-tuc/tin/"
        assert (
            reverse("articles:detail", kwargs={"slug": "tin"}) == "/cong/tin-tuc/tin/"
        )
    finally:
        set_script_prefix("/")
    assert slug_url("articles:detail", "tin") == "/tin-tuc/tin/"
