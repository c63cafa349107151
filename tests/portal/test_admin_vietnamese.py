"""Staff read Vietnamese everywhere they look in the admin.

The test walks the pages staff use and fails on any string shown in English:
every text node and every label-like attribute is compared with the msgids of
Django's catalogues and ours that have no Vietnamese translation.
"""

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import django
import polib
import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    login_verified,
    make_article,
    make_category,
    make_comment,
    make_unit,
)

pytestmark = pytest.mark.django_db

PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sd]|\{\w*\}")
LABEL_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}
DJANGO = Path(django.__file__).parent


@cache
def english_only():
    """Patterns of every msgid that gettext leaves in English when Vietnamese is on."""
    packages = DJANGO.parent
    catalogues = [
        *DJANGO.glob("conf/locale/en/LC_MESSAGES/django.po"),
        *DJANGO.glob("contrib/*/locale/en/LC_MESSAGES/django.po"),
        # Packages staff meet in the admin (no Vietnamese of their own): the
        # msgids of any of their catalogues are their English strings.
        packages / "axes/locale/de/LC_MESSAGES/django.po",
        packages / "django_otp/locale/de/LC_MESSAGES/django.po",
        packages / "captcha/locale/en/LC_MESSAGES/django.po",
        Path(__file__).resolve().parents[2] / "locale/vi/LC_MESSAGES/django.po",
    ]
    patterns = []
    with translation.override("vi"):
        for path in catalogues:
            for entry in polib.pofile(str(path)):
                for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
                    literal = PLACEHOLDER.sub("", msgid)
                    if len(literal) < 4 or not re.search("[A-Za-z]{3}", literal):
                        continue
                    if entry.msgctxt:
                        shown = translation.pgettext(entry.msgctxt, msgid)
                    elif entry.msgid_plural:
                        shown = translation.ngettext(
                            entry.msgid,
                            entry.msgid_plural,
                            1 if msgid == entry.msgid else 2,
                        )
                    else:
                        shown = translation.gettext(msgid)
                    if shown == msgid:
                        patterns.append(placeholder_pattern(msgid))
    return patterns


def placeholder_pattern(msgid):
    """'Change %(model)s' matches 'Change bài viết' (placeholders are anything)."""
    parts = PLACEHOLDER.split(msgid)
    return re.compile("^" + ".+?".join(re.escape(part) for part in parts) + "$")


class Texts(HTMLParser):
    """Visible text nodes and label-like attributes, outside script and style."""

    def __init__(self):
        super().__init__()
        self.found, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if value and (
                name in LABEL_ATTRIBUTES
                or (name == "value" and dict(attrs).get("type") in ("submit", "button"))
            ):
                self.found.append(value.strip())

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.found.append(" ".join(data.split()))


def english_on(html):
    parser = Texts()
    parser.feed(html)
    return sorted(
        {
            text
            for text in parser.found
            if any(pattern.match(text) for pattern in english_only())
        }
    )


@pytest.fixture
def content(site):
    make_unit()
    category = make_category(name="Tin tức - Sự kiện")
    article = make_article(category=category)
    comment = make_comment(article, status="pending")
    return {"article": article, "category": category, "comment": comment}


def staff_pages(content, user):
    from portal.audit.models import AuditEntry
    from portal.models import Membership
    from portal.workflow import services as workflow
    from tests.factories import make_staff

    article, comment = content["article"], content["comment"]
    # Two revisions of the article (its workflow pages) and entries in the log.
    workflow.save_draft(article, user=user)
    article.lead = "Bản sửa"
    workflow.save_draft(article, user=user)
    first, latest = article.latest_revision_id - 1, article.latest_revision_id
    member = make_staff("bientap", role=Membership.Role.EDITOR).memberships.get()
    return [
        reverse("admin:articles_article_revisions", args=[article.pk]),
        reverse("admin:articles_article_revision", args=[article.pk, first]),
        reverse("admin:articles_article_compare", args=[article.pk])
        + f"?a={first}&b={latest}",
        reverse("admin:articles_article_preview", args=[article.pk]),
        reverse("admin:audit_auditentry_changelist"),
        reverse("admin:audit_auditentry_change", args=[AuditEntry.objects.first().pk]),
        reverse("admin:portal_membership_changelist"),
        reverse("admin:portal_membership_change", args=[member.pk]),
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_add"),
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:articles_category_changelist"),
        reverse("admin:articles_category_change", args=[content["category"].pk]),
        reverse("admin:comments_comment_changelist"),
        reverse("admin:comments_comment_change", args=[comment.pk]),
        reverse("admin:portal_unitprofile_changelist"),
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_add"),
        reverse("admin:auth_user_change", args=[user.pk]),
        reverse("admin:auth_user_password_change", args=[user.pk]),
        reverse("admin:password_change"),
        reverse("admin:sites_site_changelist"),
        reverse("stats:dashboard"),
    ]


def test_every_page_staff_use_is_in_vietnamese(client, content, admin_user):
    login_verified(client, admin_user)
    failures = {}
    for url in staff_pages(content, admin_user):
        response = client.get(url)
        assert response.status_code == 200, url
        if english := english_on(response.content.decode()):
            failures[url] = english
    assert failures == {}


def test_a_failed_article_save_explains_in_vietnamese(client, content, admin_user):
    login_verified(client, admin_user)
    response = client.post(reverse("admin:articles_article_add"), {"title": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vui lòng sửa các lỗi dưới đây." in html
    assert english_on(html) == []


def test_the_walker_finds_english_when_it_is_there():
    """The detector itself: Django's untranslated strings are caught, ours pass."""
    assert english_on("<p>The install worked successfully! Congratulations!</p>")
    assert english_on('<button title="Close">x</button>') == []  # translated
    assert english_on("<p>Tin tức - Sự kiện</p>") == []


def every_admin_page(user):
    """The changelist, add and change page of every model registered in the admin."""
    from django.contrib import admin
    from django.test import RequestFactory

    from tests.factories import default_site

    request = RequestFactory().get("/admin/")
    request.user, request.site = user, default_site()
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        name = f"admin:{opts.app_label}_{opts.model_name}"
        if not model_admin.has_view_permission(request):
            continue
        yield reverse(f"{name}_changelist")
        if model_admin.has_add_permission(request):
            yield reverse(f"{name}_add")
        obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            yield reverse(f"{name}_change", args=[obj.pk])


def test_every_admin_page_of_every_app_is_in_vietnamese(client, admin_user):
    """With the demo loaded (every app's content), no admin page shows English."""
    from io import StringIO

    from django.core.management import call_command

    call_command("load_demo", stdout=StringIO())
    login_verified(client, admin_user)
    urls = [
        *every_admin_page(admin_user),
        reverse("admin:index"),
        reverse("stats:dashboard"),
        "/admin/hai-lop/",
        "/admin/du-lieu-ca-nhan/",
    ]
    failures = {}
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        if english := english_on(response.content.decode()):
            failures[url] = english
    assert failures == {}
