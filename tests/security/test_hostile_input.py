"""Issue 9, medium: hostile input on every public URL and form gets 400 or a message.

Never a 500, and nothing is written. The URLs come from the URLconf, so a new
public page is fed the same values without anyone adding it here.
"""

from urllib.parse import quote

import pytest
from captcha.models import CaptchaStore
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from comments.models import Comment, Rating
from tests.factories import login_verified, make_article, make_category, make_unit

pytestmark = pytest.mark.django_db

# Raw query-string values: already percent-encoded where a browser would encode.
HOSTILE = [
    "abc%00",
    "%00",
    "%C3%28",  # invalid UTF-8
    "%FF%FE%FD",
    "a" * 5000,
    "9" * 5000,
    "99999999999999999999",
    "-1",
    "0",
    "1e400",
    "NaN",
    quote("<script>alert(1)</script>"),
    quote("' OR 1=1 --"),
    quote("../../etc/passwd"),
    "%25%30%30",
]
PARAMS = ["q", "page", "binh-luan", "p", "days", "start", "end", "format", "site"]
# Not public pages: the admin (staff, checked below), files, third-party views.
SKIPPED_PREFIXES = ("admin/", "media/", "ckeditor5/", "captcha/")


def public_routes(patterns=None, prefix=""):
    """(route, pattern) of every URL of the URLconf, admin and files left out."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(SKIPPED_PREFIXES) or route.startswith("^media"):
            continue
        if isinstance(entry, URLResolver):
            yield from public_routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route, entry


@pytest.fixture
def content():
    make_unit()
    category = make_category(name="Tin tức")
    return {"category": category, "article": make_article(category=category)}


def url_for(route, pattern, content):
    """A real URL for a route: slugs of the article or the category it names."""
    if "<slug:slug>" not in route:
        return "/" + route
    if route.startswith(("tin-tuc/", "tin-tuc")):
        slug = content["article"].slug
    else:
        slug = content["category"].slug
    return "/" + route.replace("<slug:slug>", slug)


def get_urls(content):
    urls = []
    for route, pattern in public_routes():
        if "danh-gia" in route or "binh-luan" in route:
            continue  # POST only: fed below
        urls.append(url_for(route, pattern, content))
    return urls


def test_the_url_list_covers_the_public_pages(content):
    """The list comes from the URLconf: search, categories, articles, feeds…"""
    urls = get_urls(content)
    for expected in ("/", "/tim-kiem/", "/rss/", "/sitemap.xml", "/robots.txt"):
        assert expected in urls
    assert content["article"].get_absolute_url() in urls


def test_every_public_url_survives_every_hostile_parameter(client, content):
    """NUL, invalid UTF-8, overlong values, huge numbers and arrays: never a 500."""
    client.raise_request_exception = False
    failures = []
    for url in get_urls(content):
        for param in PARAMS:
            for value in HOSTILE:
                for query in (f"{param}={value}", f"{param}={value}&{param}=2"):
                    status = client.get(f"{url}?{query}").status_code
                    if status >= 500:
                        failures.append((url, query[:40], status))
    assert sorted(set(failures)) == []


def test_nul_in_the_search_query_is_a_clear_400(client, content):
    """The reported /tim-kiem/?q=abc%00: a Vietnamese 400 page, not a 500."""
    response = client.get("/tim-kiem/?q=abc%00")
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


def test_a_huge_comment_page_number_is_not_an_error(client, content):
    """The reported ?binh-luan=99999999999999999999 on an article."""
    url = content["article"].get_absolute_url()
    response = client.get(url + "?binh-luan=99999999999999999999")
    assert response.status_code == 200
    assert "Trang này không có bình luận" in response.content.decode()


def comment_data(**overrides):
    key = CaptchaStore.generate_key()
    data = {
        "name": "Nguyễn Văn An",
        "phone": "0914266628",
        "title": "Góp ý",
        "content": "Nội dung góp ý đủ dài.",
        "consent": "on",
        "captcha_0": key,
        "captcha_1": CaptchaStore.objects.get(hashkey=key).response,
    }
    data.update(overrides)
    return data


POST_VALUES = ["abc\x00", "\x00", "a" * 100_000, "9" * 5000, "", "\ufffd"]
COMMENT_FIELDS = [
    "name", "phone", "title", "content", "consent", "captcha_0", "captcha_1",
    "website", "refresh_captcha",
]  # fmt: skip


def test_hostile_comment_fields_save_nothing_and_never_fail(client, content):
    """Each field of the comment form fed each hostile value."""
    url = reverse("comments:post", args=[content["article"].slug])
    client.raise_request_exception = False
    failures = []
    for field in COMMENT_FIELDS:
        for value in POST_VALUES:
            for data in (
                comment_data(**{field: value}),
                {**comment_data(), field: [value, value]},
            ):
                status = client.post(url, data).status_code
                if status >= 500:
                    failures.append((field, repr(value)[:20], status))
    assert failures == []
    # A valid form with odd but harmless text may be saved; NUL or overlong never.
    for comment in Comment.objects.all():
        text = comment.name + comment.phone + comment.title + comment.content
        assert "\x00" not in text and "9" * 5000 not in text


def test_invalid_utf8_in_a_posted_form_is_not_an_error(client, content):
    url = reverse("comments:post", args=[content["article"].slug])
    body = b"name=%FF%FE&title=%C3%28&content=%00%00&consent=on"
    response = client.post(url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 400)
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    "stars", ["\x00", "0", "6", "-1", "9" * 5000, "1.5", "", "a" * 100_000]
)
def test_hostile_votes_are_refused_and_save_nothing(client, content, stars):
    url = reverse("comments:rate", args=[content["article"].slug])
    response = client.post(url, {"stars": stars})
    assert response.status_code in (302, 400)
    assert Rating.objects.count() == 0


def test_the_statistics_ranges_survive_hostile_values(client, content, admin_user):
    """Staff-only, but fed the same values: a form error, never a 500."""
    login_verified(client, admin_user)
    url = reverse("stats:dashboard")
    client.raise_request_exception = False
    failures = []
    for param in ("days", "start", "end", "format", "site"):
        for value in HOSTILE:
            status = client.get(f"{url}?{param}={value}").status_code
            if status >= 500:
                failures.append((param, value[:20], status))
    assert failures == []
