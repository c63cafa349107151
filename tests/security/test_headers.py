"""Issue 9, medium: security headers on public and staff pages."""

import pytest
from django.urls import reverse

from tests.factories import make_article, make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(site):
    make_unit()
    return make_article()


def directives(response):
    header = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()
    }


@pytest.mark.parametrize("name", ["home", "search", "privacy"])
def test_public_pages_forbid_inline_script(client, article, name):
    """Scripts from the portal's origin only (or a nonce): no 'unsafe-inline'."""
    policy = directives(client.get(reverse(name)))
    assert policy["script-src"][0] == "'self'"
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_the_article_page_with_its_forms_has_the_policy(client, article):
    policy = directives(client.get(article.get_absolute_url()))
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["form-action"] == ["'self'"]


def test_the_admin_allows_the_inline_styles_ckeditor_needs(client, staff_user):
    """Styles only: scripts stay strict in the admin too."""
    client.force_login(staff_user)
    policy = directives(client.get(reverse("admin:articles_article_add")))
    assert "'unsafe-inline'" in policy["style-src"]
    assert "'unsafe-inline'" not in policy["script-src"]


def test_other_security_headers(client, article):
    """Permissions-Policy, Referrer-Policy and Cross-Origin-Opener-Policy."""
    response = client.get(article.get_absolute_url())
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_media_keep_their_own_stricter_policy(client, staff_user):
    from tests.factories import image_upload

    client.force_login(staff_user)
    url = client.post(
        reverse("ck_editor_5_upload_file"), {"upload": image_upload()}
    ).json()["urls"]["default"]
    assert client.get(url)["Content-Security-Policy"] == "default-src 'none'; sandbox"
