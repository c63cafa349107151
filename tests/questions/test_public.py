"""What citizens read: answered questions by field, searchable, paginated."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal import search
from questions.models import ANONYMOUS, Question
from tests.factories import (
    make_question,
    make_site,
    make_topic,
    make_unit,
    vietnam_time,
)

pytestmark = pytest.mark.django_db

LIST = reverse("questions:list")


def listing(client, **params):
    response = client.get(LIST, params)
    assert response.status_code == 200
    return response.content.decode()


def test_answered_questions_are_listed_newest_answer_first(client, site):
    now = timezone.now()
    newer = make_question(
        title="Hỏi về trợ cấp người cao tuổi", answered_at=now - timedelta(days=1)
    )
    older = make_question(
        title="Hỏi về cấp đổi căn cước", answered_at=now - timedelta(days=3)
    )
    make_question(title="Câu hỏi chưa trả lời", answered=False)
    html = listing(client)
    assert html.index(newer.title) < html.index(older.title)
    assert "Câu hỏi chưa trả lời" not in html


def test_the_list_is_filtered_by_field(client, site):
    land = make_topic(name="Đất đai")
    civil = make_topic(name="Hộ tịch")
    make_question(topic=land, title="Cấp giấy chứng nhận quyền sử dụng đất")
    make_question(topic=civil, title="Đăng ký kết hôn")
    html = listing(client, **{"linh-vuc": land.slug})
    assert "Cấp giấy chứng nhận quyền sử dụng đất" in html
    assert "Đăng ký kết hôn" not in html
    assert f'href="{LIST}?linh-vuc={land.slug}" aria-current="page">Đất đai' in html


def test_search_ignores_accents(client, site):
    make_question(title="Đăng ký thường trú cho con", answer="<p>Hồ sơ gồm…</p>")
    make_question(title="Trợ cấp xã hội hằng tháng")
    html = listing(client, q="dang ky thuong tru")
    assert "Đăng ký thường trú cho con" in html
    assert "Trợ cấp xã hội hằng tháng" not in html
    assert "1 câu trả lời cho “dang ky thuong tru”" in html


def test_search_finds_words_of_the_answer(client, site):
    make_question(title="Hỏi về hồ sơ", answer="<p>Nộp tại bộ phận một cửa.</p>")
    assert "Hỏi về hồ sơ" in listing(client, q="mot cua")


def test_the_list_is_paginated(client, site):
    for n in range(16):
        make_question(title=f"Câu hỏi số {n:02d}")
    first, second = listing(client), listing(client, page=2)
    assert "Trang 1 / 2" in first and 'rel="next" href="?page=2"' in first
    assert "Câu hỏi số 15" in second and "Câu hỏi số 15" not in first


def test_pages_keep_the_field_and_the_words(client, site):
    topic = make_topic(name="Đất đai")
    for _ in range(16):
        make_question(topic=topic, title="Hỏi về đất ở")
    html = listing(client, q="dat", **{"linh-vuc": topic.slug})
    assert f'href="?q=dat&amp;linh-vuc={topic.slug}&amp;page=2"' in html


def test_the_question_page_shows_the_answer_who_and_when(client, site):
    question = make_question(answered_at=vietnam_time(2026, 1, 1, 0, 30))
    html = client.get(question.get_absolute_url()).content.decode()
    assert question.title in html
    assert "Con tôi sinh ngày 02/01" in html
    assert "Theo Luật Hộ tịch năm 2014" in html
    assert "Trả lời: Công chức Tư pháp - Hộ tịch" in html
    # 00:30 on New Year's Day in Vietnam is still 31/12/2025 in UTC.
    assert "01/01/2026" in html
    assert "Người hỏi: Trần Thị Bình" in html


def test_a_citizens_markup_stays_text(client, site):
    question = make_question(question="<script>alert(1)</script> Xin hỏi")
    html = client.get(question.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Xin hỏi" in html


def test_contact_details_are_never_public(client, site):
    question = make_question(
        asker_email="an.nguyen@example.test", asker_phone="+84914266628"
    )
    pages = [
        LIST,
        f"{LIST}?q=khai+sinh",
        question.get_absolute_url(),
        reverse("search") + "?q=khai+sinh",
    ]
    responses = [client.get(url) for url in pages]
    responses.append(
        client.post(reverse("questions:track"), {"ma": question.tracking_code})
    )
    for url, response in zip([*pages, "tra-cuu"], responses, strict=True):
        html = response.content.decode()
        for secret in (
            "an.nguyen@example.test",
            "+84914266628",
            "0914 266 628",
            "0914266628",
        ):
            assert secret not in html, (url, secret)


def test_after_the_retention_period_the_asker_is_only_a_citizen(client, site):
    make_unit(personal_data_retention_months=12)
    now = vietnam_time(2027, 3, 1, 9)
    with time_machine.travel(now - timedelta(days=31 * 12 + 1), tick=False):
        old = make_question(asker_name="Trần Thị Bình")
    with time_machine.travel(now - timedelta(days=30), tick=False):
        recent = make_question(asker_name="Lê Văn Cường")
    with time_machine.travel(now, tick=False):
        call_command("purge_personal_data", stdout=None)
        old.refresh_from_db()
        recent.refresh_from_db()
        assert (old.asker_name, old.asker_email, old.asker_phone) == (ANONYMOUS, "", "")
        assert old.address_hash == ""
        assert recent.asker_email == "binh@example.test"
        html = client.get(old.get_absolute_url()).content.decode()
    assert "Người hỏi: Công dân" in html and "Trần Thị Bình" not in html
    assert "Theo Luật Hộ tịch năm 2014" in html  # the answer stays


def test_another_units_questions_stay_there(site):
    site.domain = "tanlap.example.test"
    site.save()
    other = make_site("vinhte.example.test")
    ours = make_question(title="Câu hỏi ở Tân Lập")
    theirs = make_question(site=other, title="Câu hỏi ở Vĩnh Tế")
    here = Client(HTTP_HOST="tanlap.example.test")
    html = here.get(LIST).content.decode()
    assert ours.title in html and theirs.title not in html
    assert here.get(theirs.get_absolute_url()).status_code == 404
    tracked = here.post(reverse("questions:track"), {"ma": theirs.tracking_code})
    assert "Không có câu hỏi nào với mã này" in tracked.content.decode()


def test_questions_are_registered_for_the_one_search(site):
    source = search.source_for(Question)
    answered = make_question()
    make_question(answered=False)
    assert list(source.queryset(site)) == [answered]
    assert "giấy chứng sinh" in source.text(answered)
    assert source.date(answered) == answered.answered_at


@pytest.mark.parametrize("count", [1, 30])
def test_public_pages_run_a_constant_number_of_queries(
    client, site, django_assert_max_num_queries, count
):
    topic = make_topic()
    questions = [make_question(topic=topic) for _ in range(count)]
    urls = [
        LIST,
        f"{LIST}?linh-vuc={topic.slug}&q=khai+sinh",
        questions[0].get_absolute_url(),
        reverse("questions:track"),
        reverse("questions:ask"),
    ]
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == 200
