"""A citizen asks a question through the shared citizen-form protections."""

import re

import pytest
from django.urls import reverse

from questions.models import CODE_ALPHABET, Question
from tests.factories import make_topic
from tests.questions.conftest import ASK, ask_data

pytestmark = pytest.mark.django_db

TRACK = reverse("questions:track")


def test_a_question_is_saved_as_a_draft_and_the_asker_gets_a_code(client, topic):
    response = client.post(ASK, ask_data(topic))
    assert response.status_code == 302
    assert response.url == reverse("questions:sent")
    question = Question.objects.get()
    assert (question.status, question.live) == (Question.Status.DRAFT, False)
    assert question.site == topic.site and question.topic == topic
    assert question.asker_phone == "+84914266628"
    assert question.consented_at is not None
    assert len(question.address_hash) == 64
    html = client.get(response.url).content.decode()
    assert question.tracking_code_display in html
    assert f'<form action="{TRACK}" method="post">' in html
    assert f'<input type="hidden" name="ma" value="{question.tracking_code}">' in html


def test_tracking_codes_are_eight_easy_characters_and_differ(client, topic):
    for _ in range(3):
        client.post(ASK, ask_data(topic))
    codes = list(Question.objects.values_list("tracking_code", flat=True))
    assert len(set(codes)) == 3
    for code in codes:
        assert re.fullmatch(f"[{CODE_ALPHABET}]{{8}}", code)
        assert not set("01OI") & set(code)


def test_a_new_question_is_not_public(client, topic):
    client.post(ASK, ask_data(topic, title="Câu hỏi chưa trả lời"))
    question = Question.objects.get()
    assert (
        "Câu hỏi chưa trả lời"
        not in client.get(reverse("questions:list")).content.decode()
    )
    assert client.get(question.get_absolute_url()).status_code == 404


def test_the_ask_page_uses_the_shared_citizen_form(client, topic):
    html = client.get(ASK).content.decode()
    assert "data-citizen-form" in html
    assert 'name="website"' in html  # the honeypot
    assert 'href="/bao-ve-du-lieu-ca-nhan/"' in html
    box = html[html.index('name="consent"') - 80 : html.index('name="consent"') + 80]
    assert 'type="checkbox"' in box and "checked" not in box
    assert '<option value="' + str(topic.pk) + '">Hộ tịch</option>' in html


def test_consent_is_required_and_the_typed_values_are_kept(client, topic):
    data = ask_data(topic)
    del data["consent"]
    response = client.post(ASK, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vui lòng đánh dấu ô đồng ý" in html
    assert 'value="Nguyễn Văn An"' in html
    assert not Question.objects.exists()


def test_a_wrong_captcha_keeps_the_typed_values(client, topic):
    response = client.post(ASK, ask_data(topic, captcha_1="sai"))
    html = response.content.decode()
    assert "Mã xác nhận không đúng hoặc đã hết hạn" in html
    assert 'value="Thủ tục đăng ký khai sinh cho con"' in html
    assert "tôi cần giấy tờ gì" in html
    assert f'<option value="{topic.pk}" selected>Hộ tịch</option>' in html
    assert not Question.objects.exists()


def test_the_new_code_button_keeps_everything_and_sends_nothing(client, topic):
    response = client.post(ASK, ask_data(topic, refresh_captcha="1", captcha_1=""))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Nguyễn Văn An"' in html and "tôi cần giấy tờ gì" in html
    assert "form-errors" not in html
    assert not Question.objects.exists()


def test_a_bot_in_the_honeypot_gets_the_same_answer_and_saves_nothing(client, topic):
    response = client.post(ASK, ask_data(topic, website="http://spam.example"))
    assert response.status_code == 302
    assert response.url == reverse("questions:sent")
    assert "Mã tra cứu" in client.get(response.url).content.decode()
    assert not Question.objects.exists()


def test_an_e_mail_or_a_phone_is_needed(client, topic):
    response = client.post(ASK, ask_data(topic, email="", phone=""))
    assert (
        "Vui lòng cho biết thư điện tử hoặc số điện thoại" in response.content.decode()
    )
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    ("email", "phone"), [("", "0914266628"), ("an@example.test", "")]
)
def test_either_contact_is_enough(client, topic, email, phone):
    assert (
        client.post(ASK, ask_data(topic, email=email, phone=phone)).status_code == 302
    )
    assert Question.objects.count() == 1


def test_too_many_questions_from_one_address_are_held_back(client, topic, settings):
    settings.QUESTIONS_ASK_RATE = "2/h"
    for _ in range(2):
        assert client.post(ASK, ask_data(topic)).status_code == 302
    response = client.post(ASK, ask_data(topic, title="Câu hỏi thứ ba"))
    html = response.content.decode()
    assert response.status_code == 429
    assert "Bạn đã gửi nhiều câu hỏi trong thời gian ngắn" in html
    assert 'value="Câu hỏi thứ ba"' in html
    assert Question.objects.count() == 2


def test_a_unit_without_fields_still_takes_questions(client, site):
    html = client.get(ASK).content.decode()
    assert 'name="topic"' not in html
    assert client.post(ASK, ask_data()).status_code == 302
    assert Question.objects.get().topic is None


def test_a_field_of_another_unit_is_refused(client, topic):
    from tests.factories import make_site

    topic.site.domain = "testserver"
    topic.site.save()
    foreign = make_topic(site=make_site("khac.example.test"), name="Đất đai")
    response = client.post(ASK, ask_data(foreign))
    assert response.status_code == 200
    assert not Question.objects.exists()


def test_the_sent_page_without_a_question_leads_to_the_form(client, site):
    response = client.get(reverse("questions:sent"))
    assert response.status_code == 302 and response.url == ASK
