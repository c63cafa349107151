"""Issue 9, smaller holes: staff sessions, other units' drafts, votes, error pages."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from comments.models import Rating
from tests.factories import make_article, make_category, make_unit

pytestmark = pytest.mark.django_db


def test_a_staff_session_ends_after_30_idle_minutes(client, staff_user):
    client.force_login(staff_user)
    assert client.get(reverse("admin:index")).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(minutes=31)):
        response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_an_active_staff_session_ends_after_its_absolute_lifetime(client, staff_user):
    """Busy all day, still logged out after 10 hours."""
    client.force_login(staff_user)
    start = timezone.now()
    for minutes in range(20, 10 * 60, 20):
        with time_machine.travel(start + timedelta(minutes=minutes)):
            assert client.get(reverse("admin:index")).status_code == 200
    with time_machine.travel(start + timedelta(hours=10, minutes=5)):
        assert client.get(reverse("admin:index")).status_code == 302


def test_staff_sessions_expire_with_the_browser_day(client, staff_user):
    """The session cookie itself lives only as long as the absolute lifetime."""
    response = client.post(
        reverse("admin:login"),
        {"username": "bientap", "password": "mat-khau-rat-dai-123"},
    )
    assert response.cookies["sessionid"]["max-age"] == 10 * 3600


@pytest.fixture
def other_units_draft(site):
    from tests.factories import make_site

    site.domain = "tanlap.example.test"
    site.save()
    other = make_site("vinhte.example.test")
    return make_article(
        category=make_category(site=other),
        title="Dự thảo kỷ luật cán bộ",
        status=Article.Status.DRAFT,
    )


def view_on_site_url(obj):
    ct = ContentType.objects.get_for_model(obj)
    return reverse("admin:view_on_site", args=[ct.pk, obj.pk])


def test_view_on_site_does_not_reveal_another_units_draft(
    admin_client, other_units_draft
):
    """On Tân Lập's host, Vĩnh Tế's draft is a 404, not a redirect to its slug."""
    response = admin_client.get(
        view_on_site_url(other_units_draft), HTTP_HOST="tanlap.example.test"
    )
    assert response.status_code == 404
    assert other_units_draft.slug not in response.get("Location", "")


def test_view_on_site_still_works_for_the_units_own_objects(
    admin_client, other_units_draft
):
    response = admin_client.get(
        view_on_site_url(other_units_draft), HTTP_HOST="vinhte.example.test"
    )
    assert response.status_code == 302
    assert other_units_draft.slug in response["Location"]


@pytest.fixture
def article(site):
    make_unit()
    return make_article()


def vote(client, article, stars=5):
    return client.post(reverse("comments:rate", args=[article.slug]), {"stars": stars})


def test_votes_without_a_cookie_from_one_browser_count_once(article):
    """Thirty cookieless votes from one address and browser: one voter."""
    for n in range(30):
        vote(Client(HTTP_USER_AGENT="Mozilla/5.0"), article, n % 5 + 1)
    assert Rating.objects.filter(article=article).count() == 1


def test_the_vote_sets_the_cookie_of_the_daily_voter(client, article):
    """The cookie keeps the same voter after midnight."""
    vote(client, article, 2)
    vote(client, article, 4)
    rating = Rating.objects.get()
    assert rating.stars == 4
    assert "binh_chon" in client.cookies


@pytest.mark.django_db(transaction=True)
def test_a_parallel_burst_of_cookieless_votes_counts_once():
    """35 votes at once from one address, none with a cookie: one rating row."""
    make_unit()
    article = make_article()
    barrier = threading.Barrier(35)
    statuses = []

    def send():
        try:
            barrier.wait(timeout=10)
            statuses.append(
                vote(Client(HTTP_USER_AGENT="Mozilla/5.0"), article).status_code
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(35)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(statuses) == 35 and all(s in (302, 429) for s in statuses)
    assert Rating.objects.filter(article=article).count() == 1


def test_the_403_page_is_in_vietnamese(client, staff_user):
    """A staff member without the statistics permission."""
    client.force_login(staff_user)
    response = client.get(reverse("stats:dashboard"))
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()


def test_the_csrf_failure_page_is_in_vietnamese(article):
    client = Client(enforce_csrf_checks=True)
    response = vote(client, article)
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in response.content.decode()
    assert Rating.objects.count() == 0


def test_the_400_page_is_in_vietnamese(client, article):
    response = client.get("/?q=%00")
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()
