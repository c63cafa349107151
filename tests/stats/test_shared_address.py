"""Visitors behind one address (carrier-grade NAT) with one User-Agent.

The daily hash cannot tell such phones apart; the random cookie key can, once it
comes back (stats/__init__.py). These tests drive the counting service directly
and through the middleware; test_concurrency.py does it over real HTTP.
"""

from datetime import timedelta
from itertools import count

import pytest
from django.db.models import Sum
from django.test import Client
from django.urls import reverse

from stats import redis_backend
from stats.counting import COOKIE_NAME, PageView
from stats.models import DailySiteStats, VisitorActivity
from stats.services import record_page_view
from tests.factories import vietnam_time

pytestmark = pytest.mark.django_db

DAILY = "d" * 32  # the daily hash every phone behind the address shares
CHROME_ANDROID = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)
CARRIER_ADDRESS = "203.0.113.50"
_keys = count(1)


def fresh_key():
    return f"{next(_keys):032x}"


def first_view(site, now, cookie=None):
    """A page view without our cookie: the daily hash, and a fresh key sent back."""
    cookie = cookie or fresh_key()
    view = PageView(site.pk, DAILY, cookie, True, None, None)
    record_page_view(view, now=now)
    return cookie


def with_cookie(site, key, now):
    record_page_view(PageView(site.pk, key, None, True, None, None), now=now)


@pytest.fixture(params=["db", "redis"])
def backend(request, site, django_capture_on_commit_callbacks):
    """Each service-level test runs on both backends; Redis is flushed to read."""
    if request.param == "db":
        return lambda: None
    request.getfixturevalue("redis_backend_on")

    def flush():
        with django_capture_on_commit_callbacks(execute=True):
            redis_backend.flush()

    return flush


def totals(site, flush=lambda: None):
    flush()
    return DailySiteStats.objects.filter(site=site).aggregate(
        visits=Sum("visits"), page_views=Sum("page_views"), mobile=Sum("mobile_visits")
    )


def visits_on(site, day, flush):
    flush()
    row = DailySiteStats.objects.filter(site=site, date=day).first()
    return row.visits if row else 0


NOON = vietnam_time(2026, 3, 10, 12)


def test_twenty_fresh_phones_that_keep_cookies_are_twenty_visits(site, backend):
    """All first views at once (one shared daily hash), then each phone's second."""
    keys = [first_view(site, NOON + timedelta(seconds=i)) for i in range(20)]
    assert totals(site, backend)["visits"] == 1  # nobody can be told apart yet
    for i, key in enumerate(keys):
        with_cookie(site, key, NOON + timedelta(minutes=1, seconds=i))
    assert totals(site, backend) == {"visits": 20, "page_views": 40, "mobile": 20}


def test_a_client_refusing_cookies_is_one_visit_for_ten_pages(site, backend):
    for i in range(10):
        first_view(site, NOON + timedelta(minutes=i))
    assert totals(site, backend) == {"visits": 1, "page_views": 10, "mobile": 1}


def test_a_phone_then_a_cookie_refusing_client_are_two_visits(site, backend):
    """The phone started the hash's visit; once it is known, the hash's is ended."""
    phone = first_view(site, NOON)
    first_view(site, NOON + timedelta(minutes=1))  # the other client
    with_cookie(site, phone, NOON + timedelta(minutes=2))
    first_view(site, NOON + timedelta(minutes=3))  # the other client again
    first_view(site, NOON + timedelta(minutes=4))
    assert totals(site, backend)["visits"] == 2


def test_a_phone_keeps_its_visit_after_it_proves_it_keeps_cookies(site):
    """Its first view began its visit: later views are the same visit."""
    phone = first_view(site, NOON)
    for minutes in (5, 10, 15):
        with_cookie(site, phone, NOON + timedelta(minutes=minutes))
    assert totals(site) == {"visits": 1, "page_views": 4, "mobile": 1}
    activity = VisitorActivity.objects.get()
    assert (activity.visitor, activity.visit_started) == (phone, NOON)


def test_a_merged_phone_coming_back_after_the_window_has_two_visits(site, backend):
    """Its merged first visit is added, and its new visit counted too."""
    first_view(site, NOON)  # someone else starts the hash's visit
    phone = first_view(site, NOON + timedelta(minutes=1))
    with_cookie(site, phone, NOON + timedelta(hours=2))
    assert totals(site, backend)["visits"] == 3


def test_the_merged_visit_is_added_to_the_day_of_the_first_view(site, backend):
    """First view at 23:55 Vietnam time, back at 00:05: the visit is the 10th's."""
    evening = vietnam_time(2026, 3, 10, 23, 55)
    first_view(site, evening - timedelta(minutes=5))  # someone else's visit
    phone = first_view(site, evening)
    with_cookie(site, phone, evening + timedelta(minutes=10))
    assert visits_on(site, evening.date(), backend) == 2
    assert visits_on(site, evening.date() + timedelta(days=1), backend) == 0


def test_twenty_phones_through_the_middleware(site):
    """Twenty browsers, one address, one User-Agent, two pages each: 20 visits."""
    phones = [
        Client(HTTP_USER_AGENT=CHROME_ANDROID, REMOTE_ADDR=CARRIER_ADDRESS)
        for _ in range(20)
    ]
    for phone in phones:
        phone.get(reverse("home"))
    keys = {phone.cookies[COOKIE_NAME].value for phone in phones}
    assert len(keys) == 20  # each its own random key
    for phone in phones:
        phone.get(reverse("home"))
    assert totals(site) == {"visits": 20, "page_views": 40, "mobile": 20}


def test_a_client_without_cookies_through_the_middleware(site):
    """Ten pages from a client that never sends the cookie back: one visit."""
    for _ in range(10):
        Client(HTTP_USER_AGENT=CHROME_ANDROID, REMOTE_ADDR=CARRIER_ADDRESS).get(
            reverse("home")
        )
    assert (totals(site)["visits"], totals(site)["page_views"]) == (1, 10)
