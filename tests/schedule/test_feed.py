"""The schedule as iCalendar (RFC 5545), read back with the icalendar library."""

from datetime import UTC, date, datetime, time

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from tests.factories import make_entry, make_site, make_unit, vietnam_time

pytestmark = pytest.mark.django_db

FEED = reverse("schedule:feed")


def feed(client=None):
    response = (client or Client()).get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def events(body):
    calendar = Calendar.from_ical(body)
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def year_end(site):
    make_unit()
    with time_machine.travel(vietnam_time(2026, 12, 20, 9), tick=False):
        yield [
            make_entry(
                date=date(2026, 12, 31),
                start_time=time(23, 30),
                end_time=time(23, 59),
                content="Trực đêm giao thừa, kiểm tra an ninh trật tự",
                place="Trụ sở UBND phường, 511 Ba Tháng Hai",
            ),
            make_entry(
                date=date(2027, 1, 1),
                start_time=time(0, 30),
                content="Chúc Tết các gia đình chính sách",
            ),
            make_entry(date=date(2027, 1, 2), start_time=None, content="Trực lãnh đạo"),
        ]


def test_the_feed_is_valid_icalendar(year_end):
    with time_machine.travel(vietnam_time(2026, 12, 20, 9), tick=False):
        calendar = Calendar.from_ical(feed())
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert "Lịch công tác – PHƯỜNG TÂN LẬP" in str(calendar["X-WR-CALNAME"])
    found = calendar.walk("VEVENT")
    assert len(found) == 3
    assert len({str(event["UID"]) for event in found}) == 3
    assert all(event.get("DTSTAMP") for event in found)


def test_times_are_the_vietnamese_times_in_utc(year_end):
    with time_machine.travel(vietnam_time(2026, 12, 20, 9), tick=False):
        found = events(feed())
    night = found["Trực đêm giao thừa, kiểm tra an ninh trật tự"]
    assert night["DTSTART"].dt == datetime(2026, 12, 31, 16, 30, tzinfo=UTC)
    assert night["DTEND"].dt == datetime(2026, 12, 31, 16, 59, tzinfo=UTC)
    # 00:30 on New Year's Day in Vietnam is the evening before in UTC.
    visits = found["Chúc Tết các gia đình chính sách"]
    assert visits["DTSTART"].dt == datetime(2026, 12, 31, 17, 30, tzinfo=UTC)
    assert visits["DTSTART"].dt.astimezone(
        vietnam_time(2027, 1, 1).tzinfo
    ) == vietnam_time(2027, 1, 1, 0, 30)


def test_an_entry_without_a_time_is_an_all_day_event(year_end):
    with time_machine.travel(vietnam_time(2026, 12, 20, 9), tick=False):
        duty = events(feed())["Trực lãnh đạo"]
    assert duty["DTSTART"].dt == date(2027, 1, 2)
    assert duty["DTEND"].dt == date(2027, 1, 3)


def test_place_chair_and_participants_are_kept(year_end):
    with time_machine.travel(vietnam_time(2026, 12, 20, 9), tick=False):
        night = events(feed())["Trực đêm giao thừa, kiểm tra an ninh trật tự"]
    assert str(night["LOCATION"]) == "Trụ sở UBND phường, 511 Ba Tháng Hai"
    description = str(night["DESCRIPTION"])
    assert "Chủ trì: Dương Anh Tuấn - Chủ tịch UBND phường" in description
    assert "Thành phần: Các Phó Chủ tịch UBND phường" in description


def test_lines_are_folded_and_end_with_crlf(site):
    """RFC 5545 §3.1: CRLF, at most 75 octets a line (UTF-8 never split)."""
    make_entry(content="Hội nghị " * 40, place="Hội trường, tầng 2; phòng 201")
    body = feed()
    assert body.endswith(b"\r\n") and b"\n" not in body.replace(b"\r\n", b"")
    lines = body.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # no character cut in half
    assert (
        b"LOCATION:H\xe1\xbb\x99i tr\xc6\xb0\xe1\xbb\x9dng\\, t\xe1\xba\xa7ng 2\\; ph\xc3\xb2ng 201"
        in body
    )


def test_the_feed_holds_recent_weeks_and_everything_ahead(site):
    with time_machine.travel(vietnam_time(2026, 11, 25, 9), tick=False):
        make_entry(date=date(2026, 10, 25), content="Quá cũ")
        make_entry(date=date(2026, 10, 26), content="Bốn tuần trước")
        make_entry(date=date(2027, 6, 1), content="Kế hoạch tháng Sáu")
        found = events(feed())
    assert set(found) == {"Bốn tuần trước", "Kế hoạch tháng Sáu"}


def test_another_units_entries_are_not_in_the_feed(site):
    site.domain = "tanlap.example.test"
    site.save()
    other = make_site("vinhte.example.test")
    make_entry(content="Lịch của Tân Lập")
    make_entry(site=other, content="Lịch của Vĩnh Tế")
    found = events(feed(Client(HTTP_HOST="tanlap.example.test")))
    assert set(found) == {"Lịch của Tân Lập"}


def test_the_week_page_points_at_the_feed(client, site):
    html = client.get(reverse("schedule:week")).content.decode()
    assert '<link rel="alternate" type="text/calendar"' in html
    assert f'href="{FEED}"' in html
