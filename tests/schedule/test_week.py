"""The public schedule opens on this week in Vietnam, Monday to Sunday."""

from datetime import date, time

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from tests.factories import make_entry, make_site, vietnam_time

pytestmark = pytest.mark.django_db

WEEK = reverse("schedule:week")


def travel(instant):
    return time_machine.travel(instant, tick=False)


def week_page(client, **params):
    response = client.get(WEEK, params)
    assert response.status_code == 200
    return response.content.decode()


def shown_week(html):
    start = html.index('class="schedule__week"')
    return html[start : html.index("</p>", start)]


@pytest.mark.parametrize(
    ("clock", "heading"),
    [
        # Sunday 23:59 and Monday 00:01 in Vietnam are both Sunday in UTC.
        (vietnam_time(2026, 11, 29, 23, 59), "Tuần 48: từ 23/11/2026 đến 29/11/2026"),
        (vietnam_time(2026, 11, 30, 0, 1), "Tuần 49: từ 30/11/2026 đến 06/12/2026"),
        # New Year's night: the year's last (53rd) week runs into 2027.
        (vietnam_time(2027, 1, 1, 0, 30), "Tuần 53: từ 28/12/2026 đến 03/01/2027"),
        (vietnam_time(2027, 1, 4, 0, 1), "Tuần 1: từ 04/01/2027 đến 10/01/2027"),
        # A leap day, early in the morning (still 28/02 in UTC).
        (vietnam_time(2028, 2, 29, 0, 1), "Tuần 9: từ 28/02/2028 đến 05/03/2028"),
    ],
)
def test_the_page_opens_on_the_current_vietnamese_week(client, site, clock, heading):
    with travel(clock):
        assert heading in shown_week(week_page(client))


def test_the_entries_of_the_week_are_shown_by_day_and_time(client, site):
    make_entry(date=date(2028, 2, 29), start_time=time(14, 0), content="Tiếp công dân")
    make_entry(date=date(2028, 2, 29), start_time=time(7, 30), content="Giao ban")
    make_entry(date=date(2028, 2, 29), start_time=None, content="Trực lãnh đạo")
    make_entry(date=date(2028, 3, 6), content="Tuần sau rồi")
    make_entry(date=date(2028, 2, 27), content="Tuần trước rồi")
    with travel(vietnam_time(2028, 2, 29, 0, 1)):
        html = week_page(client)
    day = html[html.index('id="day-20280229"') : html.index('id="day-20280301"')]
    assert "Thứ 3, 29/02/2028" in day and "(hôm nay)" in day
    assert (
        day.index("Trực lãnh đạo") < day.index("Giao ban") < day.index("Tiếp công dân")
    )
    assert "Cả ngày" in day and '<time datetime="07:30">07:30</time>' in day
    assert "Chủ trì" in day and "Dương Anh Tuấn - Chủ tịch UBND phường" in day
    assert "Phòng họp UBND phường" in day
    assert "Tuần sau rồi" not in html and "Tuần trước rồi" not in html
    assert html.count('class="schedule-day__empty"') == 6


def test_previous_and_next_weeks_are_linked_across_the_year_end(client, site):
    make_entry(date=date(2027, 1, 5), content="Hội nghị đầu năm")
    with travel(vietnam_time(2026, 12, 31, 10)):
        html = week_page(client)
        assert f'rel="prev" href="{WEEK}?tuan=2026-W52"' in html
        assert f'rel="next" href="{WEEK}?tuan=2027-W01"' in html
        following = week_page(client, tuan="2027-W01")
    assert "Hội nghị đầu năm" in following
    assert "Tuần 1: từ 04/01/2027 đến 10/01/2027" in following
    assert f'href="{WEEK}">Tuần này</a>' in following


@pytest.mark.parametrize("week", ["2027-W53", "2026-W00", "tuan-nay", "1999-W10"])
def test_a_week_that_does_not_exist_is_not_found(client, site, week):
    """2027 has 52 ISO weeks; W00 never exists."""
    assert client.get(WEEK, {"tuan": week}).status_code == 404


def test_an_empty_week_says_so(client, site):
    assert "Tuần này chưa có lịch công tác." in week_page(client)


def test_another_units_schedule_stays_there(site):
    site.domain = "tanlap.example.test"
    site.save()
    other = make_site("vinhte.example.test")
    make_entry(content="Lịch của Tân Lập")
    make_entry(site=other, content="Lịch của Vĩnh Tế")
    html = week_page(Client(HTTP_HOST="tanlap.example.test"))
    assert "Lịch của Tân Lập" in html and "Lịch của Vĩnh Tế" not in html


@pytest.mark.parametrize("per_day", [1, 20])
def test_the_week_runs_a_constant_number_of_queries(
    client, site, django_assert_max_num_queries, per_day
):
    with travel(vietnam_time(2026, 11, 25, 9)):
        for day in range(23, 30):
            for _ in range(per_day):
                make_entry(date=date(2026, 11, day))
        week_page(client)
        with django_assert_max_num_queries(10):
            week_page(client)
