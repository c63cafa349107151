"""Dates are Vietnamese dates (UTC+7), at every boundary, whatever the hour of the run.

Each test pins the clock with time-machine at an instant where the UTC date and
the Vietnamese date differ, or at the edge of a day, a month, a year or 29/02.
"""

from datetime import date, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import cover_upload_to
from stats.counting import daily_hash
from stats.forms import RangeForm
from stats.models import DailySiteStats
from stats.selectors import counter_values
from stats.services import record_page_view
from tests.factories import FIREFOX, make_article, make_category, vietnam_time
from tests.stats.test_counting import view

pytestmark = pytest.mark.django_db


def travel(instant):
    return time_machine.travel(instant, tick=False)


def day_rows(site):
    return dict(
        DailySiteStats.objects.filter(site=site).values_list("date", "page_views")
    )


def test_a_page_view_at_2359_and_one_at_0001_fall_on_two_vietnamese_days(site):
    """23:59 and 00:01 in Vietnam are 16:59 and 17:01 UTC of one UTC day."""
    browser = Client(HTTP_USER_AGENT=FIREFOX)
    with travel(vietnam_time(2026, 11, 23, 23, 59)):
        assert browser.get(reverse("home")).status_code == 200
    with travel(vietnam_time(2026, 11, 24, 0, 1)):
        assert browser.get(reverse("home")).status_code == 200
    assert day_rows(site) == {date(2026, 11, 23): 1, date(2026, 11, 24): 1}


@pytest.mark.parametrize(
    ("utc_instant", "today", "yesterday"),
    [
        # The last evening of a month in UTC is the 1st in Vietnam.
        ("2026-11-30T17:10:00+00:00", date(2026, 12, 1), date(2026, 11, 30)),
        # The last evening of a year in UTC is New Year's Day in Vietnam.
        ("2026-12-31T17:30:00+00:00", date(2027, 1, 1), date(2026, 12, 31)),
        # 28/02 of a common year at 23:59 UTC is already 01/03 in Vietnam.
        ("2027-02-28T23:59:00+00:00", date(2027, 3, 1), date(2027, 2, 28)),
        # A leap year: 29/02 exists and is "yesterday" on 01/03.
        ("2028-02-29T17:01:00+00:00", date(2028, 3, 1), date(2028, 2, 29)),
    ],
)
def test_the_counter_uses_the_vietnamese_today_yesterday_and_month(
    site, utc_instant, today, yesterday
):
    """Hôm nay, Hôm qua and Tháng này follow the date in Vietnam."""
    DailySiteStats.objects.create(site=site, date=today, visits=3)
    DailySiteStats.objects.create(site=site, date=yesterday, visits=5)
    DailySiteStats.objects.create(
        site=site, date=yesterday - timedelta(days=1), visits=7
    )
    with travel(utc_instant):
        values = counter_values(site.pk)
    assert values["today"] == 3
    assert values["yesterday"] == 5
    # Yesterday belongs to the previous month at each of these instants.
    assert values["month"] == 3
    assert values["total"] == 15


def test_29_february_is_counted_on_its_own_day(site):
    with travel(vietnam_time(2028, 2, 29, 23, 59)):
        record_page_view(view(site))
    with travel(vietnam_time(2028, 3, 1, 0, 1)):
        record_page_view(view(site))
        values = counter_values(site.pk)
    assert day_rows(site) == {date(2028, 2, 29): 1, date(2028, 3, 1): 1}
    assert (values["today"], values["yesterday"], values["month"]) == (0, 1, 0)


def test_the_visitor_hash_rotates_at_midnight_in_vietnam():
    """The stand-in key of a cookieless visitor changes with the Vietnamese date."""
    with travel(vietnam_time(2026, 11, 23, 23, 59)):
        before = daily_hash("203.0.113.9", FIREFOX, timezone.localdate())
    with travel(vietnam_time(2026, 11, 24, 0, 1)):
        after = daily_hash("203.0.113.9", FIREFOX, timezone.localdate())
    with travel(vietnam_time(2026, 11, 24, 6, 59)):  # still 23/11 in UTC
        same_day = daily_hash("203.0.113.9", FIREFOX, timezone.localdate())
    assert before != after == same_day


def test_the_dashboard_period_ends_on_the_vietnamese_today():
    with travel("2026-12-31T17:30:00+00:00"):
        start, end = RangeForm({}).date_range(timezone.localdate())
    assert (start, end) == (date(2026, 12, 3), date(2027, 1, 1))


def test_an_article_scheduled_for_midnight_appears_at_midnight_in_vietnam(site):
    category = make_category()
    article = make_article(
        category=category, published_at=vietnam_time(2027, 1, 1, 0, 0)
    )
    client = Client()
    with travel(vietnam_time(2026, 12, 31, 23, 59)):
        assert client.get(article.get_absolute_url()).status_code == 404
    with travel(vietnam_time(2027, 1, 1, 0, 0, 1)):
        assert client.get(article.get_absolute_url()).status_code == 200


def test_an_article_shows_its_vietnamese_date_and_time(site):
    """17:30 UTC on 31/12/2025 is 00:30 on 01/01/2026 in Vietnam, and is shown so."""
    article = make_article(published_at=vietnam_time(2026, 1, 1, 0, 30))
    html = Client().get(article.get_absolute_url()).content.decode()
    assert "00:30 01/01/2026" in html
    assert 'datetime="2026-01-01T00:30:00+07:00"' in html


def test_uploads_are_filed_under_the_vietnamese_month():
    with travel("2026-11-30T17:10:00+00:00"):
        assert cover_upload_to(None, "anh.jpg").startswith("originals/covers/2026/12/")
