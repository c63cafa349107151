"""Issue 9, also found: captcha markup, times, favicon, descriptions, feed links."""

import pytest
from django.urls import reverse

from tests.factories import image_upload, make_article, make_comment, make_unit
from tests.live import ROOT

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(site):
    make_unit()
    return make_article(
        lead="", body="<p>Sáng   ngày 25/12, <b>Đảng ủy</b> xã họp.</p>"
    )


def test_the_captchas_hidden_key_carries_no_field_attributes(client, article):
    html = client.get(reverse("comments:post", args=[article.slug])).content.decode()
    hidden = html.split('type="hidden" name="captcha_0"')[1].split(">")[0]
    for attribute in ("required", "aria-", "autocomplete"):
        assert attribute not in hidden


def test_comment_times_have_no_microseconds(client, article):
    comment = make_comment(article)
    html = client.get(article.get_absolute_url()).content.decode()
    local = comment.created_at.astimezone().strftime("%S")
    assert f':{local}+07:00"' in html
    assert "." + f"{comment.created_at.microsecond:06d}" not in html


def test_favicon_is_the_default_icon(client, article):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("/static/img/favicon.ico")
    assert (ROOT / "static" / "img" / "favicon.ico").exists()


def test_favicon_is_the_units_logo_when_it_has_one(client, site):
    unit = make_unit(logo=image_upload("logo.png"))
    response = client.get("/favicon.ico")
    assert response["Location"] == unit.logo.url


def test_an_article_without_lead_describes_itself_from_its_body(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert (
        '<meta name="description" content="Sáng ngày 25/12, Đảng ủy xã họp.">' in html
    )


@pytest.mark.parametrize("page", ["home", "category"])
def test_home_and_category_pages_have_a_description(client, article, page):
    url = "/" if page == "home" else article.category.get_absolute_url()
    html = client.get(url).content.decode()
    description = html.split('<meta name="description" content="')[1].split('"')[0]
    assert "PHƯỜNG TÂN LẬP" in description


def test_pages_link_their_feeds_in_the_head(client, article):
    category = article.category
    head = client.get(category.get_absolute_url()).content.decode().split("</head>")[0]
    assert 'type="application/rss+xml"' in head
    assert 'href="/rss/"' in head
    assert f'href="/rss/{category.slug}/"' in head


def test_the_two_search_forms_have_distinct_names(client, article):
    html = client.get("/tim-kiem/?q=hop").content.decode()
    labels = [
        part.split('aria-label="')[1].split('"')[0]
        for part in html.split('role="search"')[1:]
    ]
    assert len(labels) == 2 and labels[0] != labels[1]


def test_time_elements_take_dates_and_datetimes_without_microseconds():
    """Search results mix dates (documents) and datetimes (news): both valid HTML."""
    from datetime import date

    from portal.templatetags.portal_tags import iso_datetime
    from tests.factories import vietnam_time

    moment = vietnam_time(2026, 7, 28, 3, 56, 23).replace(microsecond=7675)
    assert iso_datetime(moment) == "2026-07-28T03:56:23+07:00"
    assert iso_datetime(date(2024, 5, 15)) == "2024-05-15"
