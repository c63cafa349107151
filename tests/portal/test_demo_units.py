"""load_demo's part from the organisation, questions and schedule apps (seed 003)."""

from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from organisation.models import Department, Official
from questions.models import Question
from schedule.models import Entry
from tests.factories import vietnam_time

pytestmark = pytest.mark.django_db


def load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(site):
    # Monday 00:01 in Vietnam, still Sunday in UTC: the demo week starts today.
    with time_machine.travel(vietnam_time(2026, 11, 30, 0, 1), tick=False):
        load_demo()
        yield site


def counts():
    return tuple(
        model.objects.count() for model in (Department, Official, Question, Entry)
    )


def test_load_demo_twice_adds_nothing(demo):
    before = counts()
    assert before == (11, 14, 4, 6)
    output = load_demo()
    assert "0 demo officials created, 14 already there." in output
    assert "0 demo questions created, 4 already there." in output
    assert "0 demo schedule entries created" in output
    assert counts() == before


def test_the_organisation_names_the_footers_chairman(client, demo):
    html = client.get(reverse("organisation:page")).content.decode()
    cards = html[html.index('id="contact-officers-heading"') :]
    assert "Dương Anh Tuấn" in cards and "Chủ tịch UBND phường" in cards
    assert '<a href="tel:+84914266628">0914 266 628</a>' in html
    assert "Văn phòng HĐND-UBND" in html and "Công an phường" in html
    english = client.get(reverse("organisation:page_en")).content.decode()
    assert "Chairman of the Ward People&#x27;s Committee" in english
    assert "People&#x27;s Committee of Tan Lap Ward" in english


def test_answered_questions_are_public(client, demo):
    html = client.get(reverse("questions:list")).content.decode()
    assert html.count('class="qa-item"') == 4
    question = Question.objects.get(title__startswith="Đăng ký khai sinh")
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Nghị định số 123/2015/NĐ-CP" in page


def test_this_weeks_schedule_is_shown(client, demo):
    with time_machine.travel(vietnam_time(2026, 12, 2, 9), tick=False):
        html = client.get(reverse("schedule:week")).content.decode()
    assert "Tuần 49: từ 30/11/2026 đến 06/12/2026" in html
    assert "Giao ban Thường trực Đảng ủy, HĐND, UBND phường" in html
    assert "Trực lãnh đạo UBND phường" in html
