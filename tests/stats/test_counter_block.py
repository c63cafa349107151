"""The counter block on every public page: figures, starting total, cache, sites."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from stats.display import group_digits
from stats.models import DailySiteStats, SiteCounterSettings, VisitorActivity
from stats.selectors import counter_values
from tests.factories import (
    A_HOST,
    B_HOST,
    FIREFOX,
    login_verified,
    make_category,
)
from tests.reading import definitions, page

pytestmark = pytest.mark.django_db


def figures(response):
    """{label: figure} of the counter block as shown, or {} without the block."""
    blocks = page(response).find_all("section", class_="counter")
    return definitions(blocks[0]) if blocks else {}


def test_numbers_are_grouped_the_vietnamese_way():
    assert group_digits(242904) == "242.904"
    assert group_digits(1234567) == "1.234.567"
    assert group_digits(999) == "999"
    assert group_digits(0) == "0"


def test_the_block_shows_every_figure_with_the_starting_total(client, site):
    """Total = starting total + every visit; shown as 242.909 in Vietnamese."""
    today = timezone.localdate()
    SiteCounterSettings.objects.create(site=site, starting_total=242904)
    DailySiteStats.objects.create(site=site, date=today, visits=3, page_views=9)
    DailySiteStats.objects.create(
        site=site, date=today - timedelta(days=1), visits=2, page_views=2
    )
    DailySiteStats.objects.create(
        site=site, date=today - timedelta(days=400), visits=1000, page_views=5000
    )
    month = 3 + (2 if today.day > 1 else 0)
    response = client.get(reverse("home"))
    counter = page(response).find("section", class_="counter")
    assert counter.find("h2").text == "Thống kê truy cập"
    assert figures(response) == {
        "Đang truy cập": "0",
        "Hôm nay": "3",
        "Hôm qua": "2",
        "Tháng này": str(month),
        "Tổng truy cập": "243.909",
    }


def test_online_counts_visitors_of_the_last_five_minutes(site):
    now = timezone.now()
    for minutes, key in [(0, "a"), (4, "b"), (6, "c"), (60, "d")]:
        seen = now - timedelta(minutes=minutes)
        VisitorActivity.objects.create(
            site=site, visitor=key * 32, last_seen=seen, visit_started=seen
        )
    assert counter_values(site.pk, now=now)["online"] == 2


def test_the_figures_are_cached_per_site(site):
    """Warm, the block reads the cache; a new visit shows after the cache expires."""
    client = Client()
    home = reverse("home")
    client.get(home)
    DailySiteStats.objects.create(site=site, date=timezone.localdate(), visits=7)
    with CaptureQueriesContext(connection) as context:
        cached = figures(client.get(home))
    assert cached["Hôm nay"] == "0"
    assert not any("stats_" in q["sql"] for q in context.captured_queries)
    cache.clear()
    assert figures(client.get(home))["Hôm nay"] == "7"


def test_each_site_shows_its_own_figures(two_sites):
    site_a, site_b = two_sites
    make_category(site=site_a)
    SiteCounterSettings.objects.create(site=site_a, starting_total=5000)
    home = reverse("home")
    for _ in range(2):
        Client(HTTP_USER_AGENT=FIREFOX).get(home, HTTP_HOST=A_HOST)
    cache.clear()
    assert figures(Client().get(home, HTTP_HOST=A_HOST))["Tổng truy cập"] == "5.001"
    assert figures(Client().get(home, HTTP_HOST=B_HOST))["Tổng truy cập"] == "0"
    assert DailySiteStats.objects.filter(site=site_b).count() == 0


def test_admin_pages_never_read_the_counter(client, site, admin_user):
    login_verified(client, admin_user)
    with CaptureQueriesContext(connection) as context:
        html = client.get(reverse("admin:index")).content.decode()
    assert 'class="counter"' not in html
    # Its key may ride along with the unit's data (one SELECT, no extra round
    # trip), but the admin neither reads it alone nor computes the figures.
    sqls = [q["sql"] for q in context.captured_queries]
    assert not [s for s in sqls if "stats:counter" in s and "portal:unit" not in s]
    assert not [s for s in sqls if VisitorActivity._meta.db_table in s]


def test_a_public_page_reads_the_counter_with_the_unit_data(client, site):
    make_category(site=site)
    client.get(reverse("home"))  # fills the cache
    with CaptureQueriesContext(connection) as context:
        html = client.get(reverse("home")).content.decode()
    assert 'class="counter"' in html
    reads = [q["sql"] for q in context.captured_queries if "stats:counter" in q["sql"]]
    assert len(reads) == 1 and "portal:unit" in reads[0]


def test_a_failing_counter_hides_the_block_and_keeps_the_page(client, site, caplog):
    with mock.patch(
        "stats.selectors.counter_values", side_effect=RuntimeError("redis down")
    ):
        response = client.get(reverse("home"))
    assert response.status_code == 200
    assert 'class="counter"' not in response.content.decode()
    assert "Reading the visitor counter failed" in caplog.text
