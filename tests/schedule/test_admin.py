"""Staff enter the schedule and copy a week to the next, audited."""

from datetime import date, time

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from portal.audit.models import Action, AuditEntry
from portal.models import Membership
from schedule.models import Entry
from tests.factories import (
    login_verified,
    make_entry,
    make_site,
    make_staff,
    vietnam_time,
)

pytestmark = pytest.mark.django_db

COPY = reverse("admin:schedule_entry_copy_week")


@pytest.fixture
def secretary(site, django_user_model):
    return make_staff("vanphong", site, role=Membership.Role.EDITOR)


def signed_in(user, host="testserver"):
    client = Client(HTTP_HOST=host)
    login_verified(client, user)
    return client


def test_staff_enter_an_entry(secretary, site):
    response = signed_in(secretary).post(
        reverse("admin:schedule_entry_add"),
        {
            "date": "29/02/2028",
            "start_time": "07:30",
            "end_time": "09:00",
            "content": "Giao ban UBND phường",
            "chair": "Dương Anh Tuấn - Chủ tịch UBND phường",
            "participants": "",
            "place": "Phòng họp tầng 2",
        },
    )
    assert response.status_code == 302
    entry = Entry.objects.get()
    assert (entry.site, entry.date, entry.start_time) == (
        site,
        date(2028, 2, 29),
        time(7, 30),
    )
    assert AuditEntry.objects.filter(
        action=Action.CREATE, object_id=str(entry.pk)
    ).exists()


def test_an_end_before_the_start_is_explained(secretary, site):
    response = signed_in(secretary).post(
        reverse("admin:schedule_entry_add"),
        {
            "date": "29/02/2028",
            "start_time": "09:00",
            "end_time": "08:00",
            "content": "Họp",
        },
    )
    assert "Giờ kết thúc phải sau giờ bắt đầu." in response.content.decode()
    assert not Entry.objects.exists()


def test_a_week_is_copied_to_the_next_once(secretary, site):
    make_entry(
        date=date(2026, 12, 28), start_time=time(7, 30), content="Giao ban đầu tuần"
    )
    make_entry(date=date(2027, 1, 3), start_time=None, content="Trực lãnh đạo Chủ nhật")
    make_entry(date=date(2027, 1, 4), content="Đã có ở tuần sau")
    with time_machine.travel(vietnam_time(2026, 12, 31, 10), tick=False):
        client = signed_in(secretary)
        form = client.get(COPY).context["form"]
        assert form.initial["day"] == date(2026, 12, 31)
        response = client.post(COPY, {"day": "31/12/2026"})
        assert response.status_code == 302
        client.post(COPY, {"day": "28/12/2026"})  # again: nothing new
    copied = Entry.objects.filter(date__range=(date(2027, 1, 4), date(2027, 1, 10)))
    assert sorted((e.date, e.content) for e in copied) == [
        (date(2027, 1, 4), "Giao ban đầu tuần"),
        (date(2027, 1, 4), "Đã có ở tuần sau"),
        (date(2027, 1, 10), "Trực lãnh đạo Chủ nhật"),
    ]
    first, again = AuditEntry.objects.filter(action=Action.CREATE).order_by("id")
    assert (
        "Đã sao chép 2 mục lịch công tác từ tuần 28/12/2026 sang tuần 04/01/2027"
        in first.summary
    )
    assert first.user == secretary and first.site == site
    assert "Đã sao chép 0 mục" in again.summary


def test_copying_leaves_other_units_alone(secretary, site):
    site.domain = "tanlap.example.test"
    site.save()
    other = make_site("vinhte.example.test")
    make_entry(site=other, date=date(2026, 12, 28), content="Lịch Vĩnh Tế")
    signed_in(secretary, "tanlap.example.test").post(COPY, {"day": "28/12/2026"})
    assert Entry.objects.filter(content="Lịch Vĩnh Tế").count() == 1


def test_staff_of_another_unit_cannot_copy_this_units_week(site):
    """Copying is for the unit's own staff: anyone else is sent to the login."""
    other = make_site("vinhte.example.test")
    stranger = make_staff("xem", other, role=Membership.Role.UNIT_ADMIN)
    make_entry(date=date(2026, 12, 28))
    response = signed_in(stranger).post(COPY, {"day": "28/12/2026"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert Entry.objects.count() == 1


def test_the_list_offers_the_copy(secretary, site):
    html = (
        signed_in(secretary)
        .get(reverse("admin:schedule_entry_changelist"))
        .content.decode()
    )
    assert f'href="{COPY}"' in html
    assert "Sao chép lịch tuần sang tuần sau" in html
