import pytest
from captcha.models import CaptchaStore
from django.urls import reverse

from portal.models import Membership
from tests.factories import make_staff, make_topic, make_unit

ASK = reverse("questions:ask")


def fresh_captcha():
    """A real captcha key and its stored answer (no test mode)."""
    key = CaptchaStore.generate_key()
    return key, CaptchaStore.objects.get(hashkey=key).response


def ask_data(topic=None, **overrides):
    key, answer = fresh_captcha()
    data = {
        "name": "Nguyễn Văn An",
        "email": "an.nguyen@example.test",
        "phone": "0914.266.628",
        "title": "Thủ tục đăng ký khai sinh cho con",
        "question": "Con tôi sinh ngày 02/01/2027, tôi cần giấy tờ gì để đăng ký khai sinh?",
        "consent": "on",
        "captcha_0": key,
        "captcha_1": answer,
    }
    if topic is not None:
        data["topic"] = topic.pk
    data.update(overrides)
    return data


@pytest.fixture
def topic(site):
    make_unit()
    return make_topic(name="Hộ tịch")


def staff_member(site, username, role):
    return make_staff(username, site, role=role)


@pytest.fixture
def answerer(site, django_user_model):
    """Writes answers; cannot publish them."""
    return staff_member(site, "traloi", Membership.Role.EDITOR)


@pytest.fixture
def approver(site, django_user_model):
    return staff_member(site, "lanhdao", Membership.Role.APPROVER)
